import type { Grasp, ObjectSpec } from '../dataset/schema';
import { buildManifest } from './buildManifest';
import {
  DEXGRASPNET_FIXED_JOINTS,
  DEXGRASPNET_JOINT_MAP,
  DEXGRASPNET_ROOT_FRAME,
  DEXGRASPNET_ROTATION,
  DEXGRASPNET_TRANSLATION,
  detectJointNaming,
  type DexGraspNetJointNaming,
} from './dexGraspNetConventions';
import { findObjectMesh } from './findObjectMesh';
import { builtinJointNames } from './handJoints';
import { splitPath } from './importFiles';
import { describeValue, isRecord, parseJsonLenient, toNumber } from './lenientJson';
import { linkPoseInRoot } from './linkPoseInRoot';
import { composePose, invertPose, quatFromStaticXYZ } from './poseMath';
import type { ImportFiles, ImportIssue, ImportOptions, ImportResult } from './types';

export interface DexGraspNetOptions extends ImportOptions {
  /** joint numbering of the qpos; default: detected per grasp (see detectJointNaming) */
  jointNaming?: DexGraspNetJointNaming;
}

const HAND = 'shadowhand';
const ROOT_KEYS = new Set<string>([...DEXGRASPNET_TRANSLATION, ...DEXGRASPNET_ROTATION]);

/** DexGraspNet object codes look like 'core-bottle-1a7b…' or 'sem-Xbox360-d0df…': the middle part is the category. */
export function dexGraspNetCategory(code: string): string {
  const m = /^(core|sem|mujoco|ddg)-([^-]+)-/.exec(code);
  return m ? m[2] : code;
}

function recordsOf(data: unknown, stem: string): { code: string; records: unknown[] } | string {
  if (Array.isArray(data)) return { code: stem, records: data };
  if (isRecord(data) && Array.isArray(data.grasps)) {
    const code = typeof data.object === 'string' ? data.object : typeof data.object_code === 'string' ? data.object_code : stem;
    return { code, records: data.grasps };
  }
  if (isRecord(data) && isRecord(data.qpos)) return { code: stem, records: [data] };
  return 'expected a list of grasp records { "qpos": {...}, "scale": s }, or { "object": code, "grasps": [...] }';
}

/**
 * DexGraspNet grasp records -> manifest. Each record's qpos holds the palm pose in the frame of the
 * object mesh scaled by `scale` (translation WRJTx..z in meters, rotation WRJRx..z as static
 * x-y-z Euler angles) and 22 finger joints; `scale` becomes the grasp's objectScale.
 */
export async function importDexGraspNet(input: ImportFiles, opts: DexGraspNetOptions = {}): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const palmInRoot = await linkPoseInRoot(HAND, DEXGRASPNET_ROOT_FRAME.link, DEXGRASPNET_FIXED_JOINTS);
  // our root = DexGraspNet root * (root -> palm offset)^-1 * (palm in our root)^-1
  const rootFromDgn = composePose(invertPose(DEXGRASPNET_ROOT_FRAME.offset), invertPose(palmInRoot));
  const shadowJoints = builtinJointNames(HAND);
  const fingerJoints = shadowJoints.filter((j) => !(j in DEXGRASPNET_FIXED_JOINTS));
  const objects: Record<string, ObjectSpec> = {};
  const grasps: Grasp[] = [];
  const ids = new Set<string>();

  for (const file of input.paths) {
    const { stem, ext } = splitPath(file);
    if (ext === 'npy') {
      issues.push({ file, severity: 'error', message: 'NumPy .npy files (pickled dicts) cannot be read in the browser; convert to JSON first (see docs/importers.md)' });
      continue;
    }
    if (ext !== 'json' || /(^|\/)manifest\.json$/.test(file)) continue;
    let data: unknown;
    try {
      data = parseJsonLenient(await input.readText(file));
    } catch (e) {
      issues.push({ file, severity: 'error', message: `cannot read as JSON (${(e as Error).message})` });
      continue;
    }
    const found = recordsOf(data, stem);
    if (typeof found === 'string') {
      issues.push({ file, severity: 'error', message: found });
      continue;
    }
    const { code, records } = found;
    let imported = 0;
    let noScale = 0;
    const missingSeen = new Set<string>();
    records.forEach((rec, i) => {
      const where = `grasp [${i}]`;
      const fail = (message: string) => issues.push({ file, severity: 'error', message: `${where}: ${message}; skipped` });
      if (!isRecord(rec) || !isRecord(rec.qpos)) return fail('no "qpos" object');
      const qpos = rec.qpos;
      const rootVals = [...DEXGRASPNET_TRANSLATION, ...DEXGRASPNET_ROTATION].map((k) => [k, toNumber(qpos[k])] as const);
      const badRoot = rootVals.filter(([, v]) => !Number.isFinite(v));
      if (badRoot.length) return fail(`qpos root values must be finite numbers: ${badRoot.map(([k]) => `${k}=${describeValue(qpos[k])}`).join(', ')}`);

      const jointKeys = Object.keys(qpos).filter((k) => !ROOT_KEYS.has(k));
      const naming = opts.jointNaming ?? detectJointNaming(jointKeys);
      const joints: Record<string, number> = { ...DEXGRASPNET_FIXED_JOINTS };
      const unknown: string[] = [];
      const nonFinite: string[] = [];
      for (const key of jointKeys) {
        const v = toNumber(qpos[key]);
        const mapped = naming === 'mjcf' ? DEXGRASPNET_JOINT_MAP[key.replace(/^robot0:/, '')] : shadowJoints.includes(key) ? { joint: key, sign: 1 } : undefined;
        if (!mapped) unknown.push(key);
        else if (!Number.isFinite(v)) nonFinite.push(`${key}=${describeValue(qpos[key])}`);
        else if (mapped.joint in DEXGRASPNET_FIXED_JOINTS) {
          if (v !== 0) issues.push({ file, severity: 'warning', message: `${where}: ${key}=${v} ignored; DexGraspNet's root is the palm, so the wrist stays at 0` });
        } else joints[mapped.joint] = mapped.sign * v;
      }
      if (unknown.length) {
        const expected = naming === 'mjcf' ? 'robot0:FFJ3 … robot0:THJ0 (DexGraspNet MJCF numbering)' : shadowJoints.join(', ');
        return fail(`unknown joint name${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (expected ${expected})`);
      }
      if (nonFinite.length) return fail(`non-finite joint values ${nonFinite.join(', ')}`);
      for (const j of fingerJoints) if (!(j in joints)) missingSeen.add(j);

      let objectScale: number | undefined;
      if (rec.scale === undefined) noScale++;
      else {
        objectScale = toNumber(rec.scale);
        if (!(Number.isFinite(objectScale) && objectScale > 0)) return fail(`"scale" must be a positive number (found ${describeValue(rec.scale)})`);
      }

      const [tx, ty, tz, rx, ry, rz] = rootVals.map(([, v]) => v);
      const dgnRoot = { position: [tx, ty, tz] as [number, number, number], quaternion: quatFromStaticXYZ(rx, ry, rz) };
      let id = `${code}-${i}`;
      for (let n = 2; ids.has(id); n++) id = `${code}-${i}~${n}`;
      ids.add(id);
      const meta: Record<string, unknown> = { source: `${file}#${i}` };
      for (const [k, v] of Object.entries(rec)) if (k !== 'qpos' && k !== 'scale' && (typeof v === 'number' || typeof v === 'string')) meta[k] = v;
      grasps.push({
        id,
        object: code,
        hand: HAND,
        root: composePose(dgnRoot, rootFromDgn),
        joints,
        ...(objectScale !== undefined ? { objectScale } : {}),
        meta,
      });
      imported++;
    });
    if (missingSeen.size) issues.push({ file, severity: 'warning', message: `some grasps do not set ${[...missingSeen].join(', ')}; left at 0 (clamped to the joint limits)` });
    if (noScale) issues.push({ file, severity: 'warning', message: `${noScale} grasp(s) without "scale"; the object is used at scale 1` });
    if (imported) {
      issues.push({ file, severity: 'info', message: 'DexGraspNet hands have no wrist joints: WRJ2 and WRJ1 are set to 0 and the qpos pose is applied to the palm' });
      if (!objects[code]) objects[code] = objectFor(code, input.paths, issues, file);
    }
  }
  const name = opts.name ?? 'DexGraspNet import';
  return buildManifest({ name, hands: { [HAND]: { builtin: HAND } }, objects, grasps, meta: { importedFrom: 'dexgraspnet' } }, issues);
}

function objectFor(code: string, paths: readonly string[], issues: ImportIssue[], file: string): ObjectSpec {
  const conventional = `meshdata/${code}/coacd/decomposed.obj`;
  const mesh = findObjectMesh(paths, [conventional, `${code}/coacd/decomposed.obj`], [code]);
  if (!mesh) issues.push({ file, severity: 'warning', message: `no mesh for object "${code}" in the input; the manifest points to ${conventional}` });
  return { mesh: mesh ?? conventional, category: dexGraspNetCategory(code) };
}
