import type { Grasp, HandSpec, ObjectSpec } from '../dataset/schema';
import { BUILTIN_HAND_URDF } from '../hands';
import type { RootPose } from '../hands/types';
import { buildManifest } from './buildManifest';
import { findObjectMesh } from './findObjectMesh';
import { asBuiltinHand } from './handJoints';
import { splitPath } from './importFiles';
import { jointTreeOrder } from './jointTreeOrder';
import { describeValue, isRecord, parseJsonLenient, toNumber } from './lenientJson';
import { composePose, IDENTITY_POSE, quatFromIntrinsicXYZ } from './poseMath';
import type { ImportFiles, ImportIssue, ImportOptions, ImportResult } from './types';

/**
 * Assumption: DRO's six virtual root joints move the root link of the hand URDF, and that root is
 * our URDF's root link ('world' for ShadowHand, 'base' for LEAP). This is the root link's pose in
 * the frame DRO's q places; change it here if a hand's DRO URDF is rooted elsewhere.
 */
export const DRO_ROOT_OFFSET: Record<string, RootPose> = { shadowhand: IDENTITY_POSE, leaphand: IDENTITY_POSE };

export const DRO_ROOT_LABELS = ['tx', 'ty', 'tz', 'roll', 'pitch', 'yaw'] as const;

interface HandEntry {
  id: string;
  spec: HandSpec;
  order: string[];
}

interface QRecord {
  where: string;
  hand: unknown;
  urdf: unknown;
  object: unknown;
  jointNames: unknown;
  q: unknown;
}

/** DRO object names are '<source>+<name>' (e.g. 'contactdb+apple'); the name is the category. */
export function droCategory(object: string): string {
  return object.includes('+') ? object.slice(object.indexOf('+') + 1) : object;
}

function parseCsv(text: string): QRecord[] | string {
  const rows = text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, cells: line.split(',').map((c) => c.trim()) }))
    .filter((r) => r.cells.join('') !== '' && !r.cells[0].startsWith('#'));
  if (rows.length && rows[0].cells[0].toLowerCase() === 'robot') rows.shift();
  if (!rows.length) return 'no rows (expected "robot,object,q0,q1,…" lines)';
  return rows.map(({ line, cells }) => ({
    where: `line ${line}`,
    hand: cells[0],
    urdf: undefined,
    object: cells[1],
    jointNames: undefined,
    // Empty and non-numeric cells become NaN so they are reported by position.
    q: cells.slice(2).map((c) => (c === '' ? NaN : Number(c))),
  }));
}

function parseJson(text: string): QRecord[] | string {
  const data = parseJsonLenient(text);
  const entries = Array.isArray(data) ? data : [data];
  const out: QRecord[] = [];
  for (const [i, e] of entries.entries()) {
    if (!isRecord(e) || e.q === undefined) return 'expected { "robot": …, "object": …, "q": [[…], …] } or a list of those';
    const vectors = Array.isArray(e.q) && e.q.length && e.q.every(Array.isArray) ? (e.q as unknown[]) : [e.q];
    const prefix = Array.isArray(data) ? `[${i}] ` : '';
    vectors.forEach((q, k) => out.push({ where: `${prefix}q[${k}]`, hand: e.robot ?? e.hand, urdf: e.urdf, object: e.object, jointNames: e.joint_names, q }));
  }
  return out;
}

/**
 * DRO / CMapDataset q vectors -> manifest: [tx, ty, tz, roll, pitch, yaw, joints…] where the
 * rotation is intrinsic X-Y-Z Euler (DRO's virtual revolute joints x, y, z in a chain) and the
 * joints follow the hand's kinematic-tree order (see jointTreeOrder).
 */
export async function importDroQ(input: ImportFiles, opts: ImportOptions = {}): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const hands: Record<string, HandSpec> = {};
  const objects: Record<string, ObjectSpec> = {};
  const grasps: Grasp[] = [];
  const ids = new Set<string>();
  const handCache = new Map<string, HandEntry | string>();

  const resolveHand = async (rec: QRecord): Promise<HandEntry | string> => {
    const key = typeof rec.urdf === 'string' ? `urdf:${rec.urdf}` : `builtin:${String(rec.hand)}`;
    let entry = handCache.get(key);
    if (entry === undefined) {
      entry = await loadHand(rec, input);
      handCache.set(key, entry);
    }
    if (typeof entry === 'string' || rec.jointNames === undefined) return entry;
    const names = rec.jointNames;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return '"joint_names" must be a list of strings';
    const unknown = names.filter((n) => !entry.order.includes(n));
    if (unknown.length) return `"joint_names" lists joints the hand does not have: ${unknown.join(', ')}`;
    return { ...entry, order: names };
  };

  for (const file of input.paths) {
    const { ext } = splitPath(file);
    if ((ext !== 'json' && ext !== 'csv') || /(^|\/)manifest\.json$/.test(file)) continue;
    let records: QRecord[] | string;
    try {
      const text = await input.readText(file);
      records = ext === 'csv' ? parseCsv(text) : parseJson(text);
    } catch (e) {
      records = `cannot read (${(e as Error).message})`;
    }
    if (typeof records === 'string') {
      issues.push({ file, severity: 'error', message: records });
      continue;
    }
    for (const [n, rec] of records.entries()) {
      const fail = (message: string) => issues.push({ file, severity: 'error', message: `${rec.where}: ${message}; skipped` });
      const hand = await resolveHand(rec);
      if (typeof hand === 'string') {
        fail(hand);
        continue;
      }
      if (typeof rec.object !== 'string' || !rec.object) {
        fail('no "object" name');
        continue;
      }
      if (!Array.isArray(rec.q)) {
        fail(`"q" must be a list of numbers (found ${describeValue(rec.q)})`);
        continue;
      }
      const expected = 6 + hand.order.length;
      if (rec.q.length !== expected) {
        const rot6d = rec.q.length === expected + 3 ? " (9 + DOF values looks like DRO's rot6d form; convert it to Euler first)" : '';
        fail(
          `q has ${rec.q.length} values; ${hand.id} expects ${expected} (tx, ty, tz, roll, pitch, yaw + ${hand.order.length} joints in tree order: ${hand.order.join(', ')})${rot6d}`,
        );
        continue;
      }
      const rawQ: unknown[] = rec.q;
      const q = rawQ.map(toNumber);
      const labels = [...DRO_ROOT_LABELS, ...hand.order];
      const bad = q.flatMap((v, i) => (Number.isFinite(v) ? [] : [`q[${i}] (${labels[i]}) = ${describeValue(rawQ[i])}`]));
      if (bad.length) {
        fail(`non-finite values ${bad.join(', ')}`);
        continue;
      }
      const local = { position: [q[0], q[1], q[2]] as [number, number, number], quaternion: quatFromIntrinsicXYZ(q[3], q[4], q[5]) };
      let id = `${rec.object}-${hand.id}-${n}`;
      for (let k = 2; ids.has(id); k++) id = `${rec.object}-${hand.id}-${n}~${k}`;
      ids.add(id);
      hands[hand.id] = hand.spec;
      if (!objects[rec.object]) objects[rec.object] = objectFor(rec.object, input.paths, issues, file);
      grasps.push({
        id,
        object: rec.object,
        hand: hand.id,
        root: composePose(local, DRO_ROOT_OFFSET[hand.id] ?? IDENTITY_POSE),
        joints: Object.fromEntries(hand.order.map((name, i) => [name, q[6 + i]])),
        meta: { source: `${file} ${rec.where}` },
      });
    }
  }
  return buildManifest({ name: opts.name ?? 'DRO import', hands, objects, grasps, meta: { importedFrom: 'dro' } }, issues);
}

async function loadHand(rec: QRecord, input: ImportFiles): Promise<HandEntry | string> {
  if (typeof rec.urdf === 'string') {
    try {
      const text = await input.readText(rec.urdf);
      return { id: splitPath(rec.urdf).stem, spec: { urdf: rec.urdf }, order: jointTreeOrder(text, rec.urdf) };
    } catch (e) {
      return `cannot use URDF "${rec.urdf}" (${(e as Error).message})`;
    }
  }
  const id = asBuiltinHand(rec.hand);
  if (!id) return `unknown robot ${describeValue(rec.hand)} (expected "shadowhand" or "leaphand", or give "urdf": path)`;
  return { id, spec: { builtin: id }, order: jointTreeOrder(BUILTIN_HAND_URDF(id), `${id}.urdf`) };
}

function objectFor(object: string, paths: readonly string[], issues: ImportIssue[], file: string): ObjectSpec {
  const [source, name] = object.includes('+') ? [object.slice(0, object.indexOf('+')), droCategory(object)] : ['', object];
  const conventional = source ? `data_urdf/object/${source}/${name}/${name}.stl` : `objects/${object}.stl`;
  const candidates = source ? [conventional, `object/${source}/${name}/${name}.stl`, `${source}/${name}/${name}.stl`] : [];
  const mesh = findObjectMesh(paths, candidates, [object, name]);
  if (!mesh) issues.push({ file, severity: 'warning', message: `no mesh for object "${object}" in the input; the manifest points to ${conventional}` });
  return { mesh: mesh ?? conventional, category: droCategory(object) };
}
