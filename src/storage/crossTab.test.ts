import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetKey } from './datasetKey';
import { loadLatest, recordDecision, subscribeDecisions } from './decisionStore';
import { openReviewDb, REVIEW_DB_SCHEMA, reviewDbName, type ReviewDb } from './reviewDb';

/**
 * Two tabs share IndexedDB but not memory. A second, separately loaded copy of Dexie (its own
 * in-memory event bus) stands in for the other tab, so a notification can only arrive the way it
 * does between tabs: over Dexie 4's BroadcastChannel.
 */
function loadSeparateDexie(): typeof import('dexie').Dexie {
  const require = createRequire(import.meta.url);
  const file = require.resolve('dexie/dist/dexie.js');
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    return require(file);
  } finally {
    if (cached) require.cache[file] = cached;
  }
}

describe('two tabs on one dataset', () => {
  const key = datasetKey('https://data.org/crosstab/manifest.json', 'cross-tab');
  const OtherDexie = loadSeparateDexie();
  const otherTab = new OtherDexie(reviewDbName(key));
  otherTab.version(1).stores(REVIEW_DB_SCHEMA);
  let thisTab: ReviewDb;
  afterAll(() => {
    otherTab.close();
    thisTab?.close();
  });

  it('uses a separate Dexie copy (no shared in-memory events)', async () => {
    const { Dexie } = await import('dexie');
    expect(OtherDexie).not.toBe(Dexie);
    expect(typeof BroadcastChannel).toBe('function');
  });

  it("sees the other tab's decision through Dexie's BroadcastChannel", async () => {
    thisTab = await openReviewDb(key);
    const received: string[] = [];
    let wake = () => {};
    const stop = subscribeDecisions(
      thisTab,
      (recs) => {
        received.push(...recs.map((r) => `${r.grasp}:${r.decision}`));
        wake();
      },
      (e) => {
        throw e;
      },
    );
    const arrival = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} records arrived within 3 s`)), 3000);
        wake = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        wake();
      });
    await recordDecision(otherTab as unknown as ReviewDb, { grasp: 'g7', decision: 'reject', annotator: 'ben' });
    await arrival(1);
    await recordDecision(otherTab as unknown as ReviewDb, { grasp: 'g8', decision: 'accept', annotator: 'ben' });
    await arrival(2);
    expect(received).toEqual(['g7:reject', 'g8:accept']);
    expect((await loadLatest(thisTab)).get('g8')?.decision).toBe('accept');
    stop();
  });
});
