import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '../core/review/reasons';
import { loadSettings, openSettingsDb, saveAnnotator, savePresets, saveReasons, subscribeSettings, type ReviewSettings } from './settingsStore';
import { StorageError } from './storageError';

describe('settings', () => {
  it('start with defaults, persist, and show changes from another tab', async () => {
    const tabA = await openSettingsDb();
    const tabB = await openSettingsDb();
    expect(await loadSettings(tabA)).toEqual({ annotator: '', reasons: [...DEFAULT_REASONS], presets: [] });
    const seen: ReviewSettings[] = [];
    let wake = () => {};
    const stop = subscribeSettings(
      tabB,
      (s) => {
        seen.push(s);
        wake();
      },
      (e) => {
        throw e;
      },
    );
    const changed = (pred: (s: ReviewSettings) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no settings update within 2 s')), 2000);
        wake = () => {
          if (seen.some(pred)) {
            clearTimeout(timer);
            resolve();
          }
        };
        wake();
      });
    await saveAnnotator(tabA, '  Ana  ');
    await saveReasons(tabA, [...DEFAULT_REASONS, 'floating', 'Floating']);
    await savePresets(tabA, [{ name: 'strict', rules: { metrics: { penetration_depth_cm: { max: 0.5 } }, perCategory: { mug: { contact_ratio_pct: { min: null } } } } }]);
    await changed((s) => s.presets.length === 1 && s.annotator === 'Ana');
    stop();
    tabA.close();
    tabB.close();

    const reopened = await openSettingsDb();
    const s = await loadSettings(reopened);
    expect(s.annotator).toBe('Ana');
    expect(s.reasons).toEqual([...DEFAULT_REASONS, 'floating']);
    expect(s.presets[0].rules.perCategory.mug.contact_ratio_pct).toEqual({ min: null });
    await expect(savePresets(reopened, [{ name: '', rules: { metrics: {}, perCategory: {} } }])).rejects.toBeInstanceOf(StorageError);
    // a stored value that no longer reads is reported, not silently reset
    await reopened.settings.put({ key: 'presets', value: [{ name: 'x', rules: { metrics: { nope: 1 } } }] });
    const err = await loadSettings(reopened).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/saved presets/);
    reopened.close();
  });
});
