import {
  BUILTIN_HANDS,
  FORMAT_V1,
  formatIssues,
  graspSchema,
  handSpecSchema,
  objectSpecSchema,
  parseAvoidSpec,
  MAX_AVOID_POINTS,
  shardRefSchema,
  type Grasp,
  type HandSpec,
  type ObjectSpec,
} from './schema';
import { resolveUrl, fileLabel } from './resolveUrl';
import { shardEntries, type ShardEntry } from './parseShard';
import { nestedDeeperThan, MAX_JSON_DEPTH } from './jsonDepth';
import { limitFor, type ReadLimit, type ReadLimits } from './readLimits';
import { keyRecord, ownEntry } from './ownEntry';
import { hostOf, pathScope } from './pathScope';

/** How the loader reads files: fetch in the browser, fs in Node, a FileSystem handle for dropped folders. */
export interface DatasetIO {
  /** `limit`: stop and reject with FileTooLargeError once the decoded bytes pass it */
  fetchText(url: string, limit?: ReadLimit): Promise<string>;
  fetchBytes(url: string, limit?: ReadLimit): Promise<ArrayBuffer>;
}

export interface DatasetIssue {
  /** the file the problem is in, as the user named it (relative to the manifest where possible) */
  file: string;
  message: string;
  graspId?: string;
  severity: 'error' | 'warning';
}

export type ResolvedGrasp = Grasp & {
  reconstructionUrl?: string;
  manoMeshUrl?: string;
  /** which file the grasp came from (manifest or a shard) */
  source: string;
};

export interface LoadedDataset {
  name: string;
  description?: string;
  manifestUrl: string;
  hands: Record<string, { spec: HandSpec; urdfUrl?: string }>;
  /** avoidUrl: where `spec.avoid.file` resolves to; a rejected region is dropped from spec (with an issue) */
  objects: Record<string, { spec: ObjectSpec; meshUrl: string; avoidUrl?: string; partsUrl?: string }>;
  grasps: ResolvedGrasp[];
  issues: DatasetIssue[];
}

/** Thrown only when nothing of the dataset can be used (unreadable or non-JSON manifest). */
export class DatasetLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DatasetLoadError';
  }
}

export interface LoadOptions {
  onProgress?: (done: number, total: number, what: string) => void;
  signal?: AbortSignal;
  /**
   * Called with the dataset so far: after the manifest (its inline grasps) and after each shard,
   * so a 100,000-grasp list can show and render its first grasps before every shard is in.
   * Each call gets a fresh object and grasps array (safe to put in a store).
   */
  onPartial?: (partial: LoadedDataset) => void;
  /** shards fetched ahead of the one being parsed (default 3) */
  prefetch?: number;
  /** decoded-size caps for the manifest and shards (defaults: DEFAULT_READ_LIMITS) */
  limits?: Partial<ReadLimits>;
}

/**
 * Problems listed per file before the rest are only counted: a shard of a million bad lines
 * must not become a million rows in the Problems panel.
 */
export const MAX_ISSUES_PER_FILE = 100;

/**
 * Validation yields to the event loop every so many entries (cancellation, progress messages);
 * it runs in a worker, so slices can be long: each yield costs a clamped timer.
 */
const GRASPS_PER_SLICE = 10_000;
const nextTick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Loads and validates a manifest and its shards. Every entry is validated on its own so one bad
 * hand, object or grasp is reported (file + problem) while the rest of the dataset still loads.
 */
export async function loadDataset(manifestUrl: string, io: DatasetIO, opts: LoadOptions = {}): Promise<LoadedDataset> {
  const manifestLabel = fileLabel(manifestUrl, manifestUrl);
  let text: string;
  try {
    text = await io.fetchText(manifestUrl, limitFor('manifest', opts.limits));
  } catch (e) {
    throw new DatasetLoadError(manifestLabel, `cannot read the manifest (${errorText(e)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DatasetLoadError(manifestLabel, `not valid JSON (${errorText(e)})`);
  }
  if (!isRecord(raw)) throw new DatasetLoadError(manifestLabel, 'the manifest must be a JSON object');
  if (raw.format !== FORMAT_V1) {
    throw new DatasetLoadError(manifestLabel, `"format" must be "${FORMAT_V1}" (found ${JSON.stringify(raw.format ?? null)})`);
  }

  const issues: DatasetIssue[] = [];
  const perFile = new Map<string, number>();
  const report = (file: string, message: string, graspId?: string, severity: DatasetIssue['severity'] = 'error') => {
    const n = (perFile.get(file) ?? 0) + 1;
    perFile.set(file, n);
    if (n <= MAX_ISSUES_PER_FILE) issues.push({ file, message, graspId, severity });
  };
  /** After a file is done: one line for what the per-file cap left out. */
  const summarize = (file: string) => {
    const n = perFile.get(file) ?? 0;
    if (n > MAX_ISSUES_PER_FILE) {
      issues.push({ file, message: `${(n - MAX_ISSUES_PER_FILE).toLocaleString('en-US')} more problems in this file not listed`, severity: 'error' });
      perFile.set(file, MAX_ISSUES_PER_FILE);
    }
  };
  // Files outside the dataset's folder or on other hosts: the first of each kind per file, then a count.
  const scoped = new Map<string, { file: string; first: string; count: number; severity: 'warning' }>();
  const checkScope = (file: string, what: string, path: string, url: string) => {
    const scope = pathScope(url, manifestUrl);
    if (scope === 'inside') return;
    const key = `${file}\n${scope}\n${scope === 'other-origin' ? hostOf(url) : ''}`;
    const entry = scoped.get(key);
    if (entry) {
      entry.count++;
      return;
    }
    const first =
      scope === 'other-origin'
        ? `${what} "${path}" is fetched from another host (${hostOf(url)}): ${url}`
        : `${what} "${path}" lies outside the dataset's folder (${url}); loading it anyway`;
    scoped.set(key, { file, first, count: 1, severity: 'warning' });
  };
  const flushScope = () => {
    for (const { file, first, count } of scoped.values()) {
      report(file, count > 1 ? `${first} (and ${(count - 1).toLocaleString('en-US')} more like it)` : first, undefined, 'warning');
    }
    scoped.clear();
  };

  const name = typeof raw.name === 'string' && raw.name ? raw.name : manifestLabel;
  if (typeof raw.name !== 'string' || !raw.name) report(manifestLabel, '"name" is missing; using the file name', undefined, 'warning');
  const known = new Set(['format', 'name', 'description', 'hands', 'objects', 'grasps', 'shards', 'meta']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) report(manifestLabel, `unknown top-level field "${key}" ignored`, undefined, 'warning');
  }

  const hands: LoadedDataset['hands'] = keyRecord();
  for (const [id, value] of entries(raw.hands, manifestLabel, 'hands', report)) {
    const parsed = handSpecSchema.safeParse(value);
    if (!parsed.success) {
      report(manifestLabel, `hands.${id}: ${handProblem(value) ?? formatIssues(parsed.error)}`);
      continue;
    }
    const spec = parsed.data;
    const urdfUrl = 'urdf' in spec ? resolveUrl(manifestUrl, spec.urdf) : undefined;
    if ('urdf' in spec && urdfUrl) checkScope(manifestLabel, `hands.${id}: urdf`, spec.urdf, urdfUrl);
    hands[id] = { spec, urdfUrl };
  }

  const objects: LoadedDataset['objects'] = keyRecord();
  for (const [id, value] of entries(raw.objects, manifestLabel, 'objects', report)) {
    // A broken region costs only the region: the object and its grasps still load.
    const { avoid, rest } = splitAvoid(value);
    const parsed = objectSpecSchema.safeParse(rest);
    if (!parsed.success) {
      report(manifestLabel, `objects.${id}: ${formatIssues(parsed.error)}`);
      continue;
    }
    let avoidUrl: string | undefined;
    if (avoid !== undefined) {
      const tooMany = avoidProblem(avoid);
      const region = tooMany ? { error: tooMany } : parseAvoidSpec(avoid);
      if ('error' in region) {
        report(manifestLabel, `objects.${id}.avoid: ${region.error}; the object loads without its negative-affordance region`);
      } else {
        parsed.data.avoid = region.data;
        if ('file' in region.data) {
          avoidUrl = resolveUrl(manifestUrl, region.data.file);
          checkScope(manifestLabel, `objects.${id}: avoid file`, region.data.file, avoidUrl);
        }
      }
    }
    if (nestedDeeperThan(parsed.data.meta)) {
      report(manifestLabel, `objects.${id}: meta is nested more than ${MAX_JSON_DEPTH} levels deep (limit)`);
      continue;
    }
    const meshUrl = resolveUrl(manifestUrl, parsed.data.mesh);
    checkScope(manifestLabel, `objects.${id}: mesh`, parsed.data.mesh, meshUrl);
    const partsUrl = parsed.data.parts ? resolveUrl(manifestUrl, parsed.data.parts) : undefined;
    if (partsUrl) checkScope(manifestLabel, `objects.${id}: parts`, parsed.data.parts!, partsUrl);
    objects[id] = { spec: parsed.data, meshUrl, ...(avoidUrl ? { avoidUrl } : {}), ...(partsUrl ? { partsUrl } : {}) };
  }

  const grasps: ResolvedGrasp[] = [];
  const seen = new Set<string>();
  const addGrasps = async (list: Iterable<ShardEntry>, sourceUrl: string) => {
    const label = fileLabel(sourceUrl, manifestUrl);
    // Duplicates are counted, not listed one by one; checked before validation since a shard of
    // copies would otherwise be validated in full only to be dropped.
    let duplicates = 0;
    let firstDuplicate = '';
    let n = 0;
    for (const entry of list) {
      if (++n % GRASPS_PER_SLICE === 0) {
        await nextTick();
        if (opts.signal?.aborted) throw new DOMException('Loading cancelled', 'AbortError');
      }
      if (entry.error !== undefined) {
        report(label, entry.error);
        continue;
      }
      const { value, where } = entry;
      const idGuess = isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
      if (idGuess !== undefined && seen.has(idGuess)) {
        if (duplicates++ === 0) firstDuplicate = `${where}: duplicate grasp id ${JSON.stringify(idGuess)}`;
        continue;
      }
      const parsed = graspSchema.safeParse(value);
      if (!parsed.success) {
        report(label, `${where}${idGuess ? ` (grasp "${idGuess}")` : ''}: ${formatIssues(parsed.error)}`, idGuess);
        continue;
      }
      const g = parsed.data;
      if (nestedDeeperThan(g.meta)) {
        report(label, `${where}: grasp "${g.id}": meta is nested more than ${MAX_JSON_DEPTH} levels deep (limit)`, g.id);
        continue;
      }
      if (!ownEntry(hands, g.hand)) {
        report(label, `${where}: grasp "${g.id}" refers to unknown hand "${g.hand}"`, g.id);
        continue;
      }
      if (!ownEntry(objects, g.object)) {
        report(label, `${where}: grasp "${g.id}" refers to unknown object "${g.object}"`, g.id);
        continue;
      }
      seen.add(g.id);
      const reconstructionUrl = g.reconstruction ? resolveUrl(sourceUrl, g.reconstruction.mesh) : undefined;
      const manoMeshUrl = g.mano && 'mesh' in g.mano ? resolveUrl(sourceUrl, g.mano.mesh) : undefined;
      if (reconstructionUrl) checkScope(label, `${where}: reconstruction mesh`, g.reconstruction!.mesh, reconstructionUrl);
      if (manoMeshUrl && g.mano && 'mesh' in g.mano) checkScope(label, `${where}: mano mesh`, g.mano.mesh, manoMeshUrl);
      grasps.push({ ...g, source: label, reconstructionUrl, manoMeshUrl });
    }
    if (duplicates === 1) report(label, `${firstDuplicate}; keeping the first`);
    else if (duplicates > 1) {
      report(label, `${duplicates.toLocaleString('en-US')} duplicate grasp ids skipped, keeping the first of each (first at ${firstDuplicate})`);
    }
    flushScope();
    summarize(label);
  };

  if (raw.grasps !== undefined) {
    if (Array.isArray(raw.grasps))
      await addGrasps(
        raw.grasps.map((value, i) => ({ value, where: `grasps[${i}]` })),
        manifestUrl,
      );
    else report(manifestLabel, '"grasps" must be an array');
  }

  const shardRefs: string[] = [];
  if (raw.shards !== undefined) {
    if (!Array.isArray(raw.shards)) report(manifestLabel, '"shards" must be an array');
    else
      raw.shards.forEach((ref, i) => {
        const parsed = shardRefSchema.safeParse(ref);
        if (!parsed.success) report(manifestLabel, `shards[${i}]: ${formatIssues(parsed.error)}`);
        else {
          const ref = typeof parsed.data === 'string' ? parsed.data : parsed.data.path;
          checkScope(manifestLabel, `shards[${i}]`, ref, resolveUrl(manifestUrl, ref));
          shardRefs.push(ref);
        }
      });
  }
  flushScope();
  summarize(manifestLabel);

  const description = typeof raw.description === 'string' ? raw.description : undefined;
  const snapshot = (): LoadedDataset => ({ name, description, manifestUrl, hands, objects, grasps: grasps.slice(), issues: issues.slice() });

  opts.onProgress?.(0, shardRefs.length, 'manifest');
  if (shardRefs.length) opts.onPartial?.(snapshot());
  // Shards are fetched a few ahead (bytes in flight) but added in manifest order, so ids and
  // duplicate reports do not depend on network timing.
  const urls = shardRefs.map((ref) => resolveUrl(manifestUrl, ref));
  const fetches: Promise<string>[] = [];
  const ahead = Math.max(1, opts.prefetch ?? 3);
  const start = (i: number) => {
    if (i < urls.length && !fetches[i]) {
      fetches[i] = io.fetchText(urls[i], limitFor('shard', opts.limits));
      fetches[i].catch(() => {}); // reported when its turn comes
    }
  };
  for (let i = 0; i < urls.length; i++) {
    for (let k = i; k < i + ahead; k++) start(k);
    if (opts.signal?.aborted) throw new DOMException('Loading cancelled', 'AbortError');
    const url = urls[i];
    const label = fileLabel(url, manifestUrl);
    let shardText: string | null = null;
    try {
      shardText = await fetches[i];
    } catch (e) {
      report(label, `cannot read shard (${errorText(e)})`);
      summarize(label);
    }
    delete fetches[i];
    if (shardText !== null) {
      await addGrasps(shardEntries(shardText, url), url);
    }
    if (opts.signal?.aborted) throw new DOMException('Loading cancelled', 'AbortError');
    opts.onProgress?.(i + 1, shardRefs.length, label);
    if (i < urls.length - 1) opts.onPartial?.(snapshot());
  }

  if (grasps.length === 0 && issues.every((i) => i.severity !== 'error')) {
    report(manifestLabel, 'the dataset has no grasps', undefined, 'warning');
  }

  return { name, description, manifestUrl, hands, objects, grasps, issues };
}

function entries(value: unknown, file: string, field: string, report: (file: string, message: string) => void): [string, unknown][] {
  if (value === undefined) {
    report(file, `"${field}" is missing`);
    return [];
  }
  if (!isRecord(value)) {
    report(file, `"${field}" must be an object mapping ids to entries`);
    return [];
  }
  return Object.entries(value);
}

/** The union's own message ("Invalid input") does not say what a hand entry needs. */
function handProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'must be an object with "builtin" or "urdf"';
  if ('builtin' in value && 'urdf' in value) return 'give either "builtin" or "urdf", not both';
  if ('builtin' in value && !(BUILTIN_HANDS as readonly unknown[]).includes(value.builtin)) {
    return `unknown built-in hand ${JSON.stringify(value.builtin)} (built in: ${BUILTIN_HANDS.join(', ')}; other hands need "urdf")`;
  }
  if (!('builtin' in value) && !('urdf' in value)) return 'needs "builtin" (shadowhand, leaphand) or "urdf" (path of a URDF file)';
  return undefined;
}

function splitAvoid(value: unknown): { avoid: unknown; rest: unknown } {
  if (!isRecord(value) || !('avoid' in value)) return { avoid: undefined, rest: value };
  const { avoid, ...rest } = value;
  return { avoid, rest };
}

/** Checked before validation so a million-point array is refused without validating each point. */
function avoidProblem(avoid: unknown): string | null {
  if (isRecord(avoid) && Array.isArray(avoid.points) && avoid.points.length > MAX_AVOID_POINTS) {
    return `points: ${avoid.points.length.toLocaleString('en-US')} points, more than the limit of ${MAX_AVOID_POINTS.toLocaleString('en-US')}`;
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
