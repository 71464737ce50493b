import { Matrix4, Quaternion, Vector3 } from 'three';
import { transformMesh } from '../mesh/transformMesh';
import { FORMAT_V1, type BuiltinHandId, type Grasp, type Manifest } from '../dataset/schema';
import { loadBuiltinHand } from '../hands';
import type { TriMesh } from '../mesh/triMesh';
import { writeGlb, writeObj, writePlyBinary, writeStlBinary } from '../mesh/writeMesh';
import { makeRng, type Rng } from '../rng';
import { SAMPLE_CATEGORIES, makeObject, type SampleCategory } from './objects';
import { reconstructionVariants } from './objects/reconstruct';
import { SYNERGIES } from './handSynergies';
import { ContactProbe } from './contactProbe';
import { prepareSynthesis, synthesizeGrasp, type SynthesisContext, type SynthesizedGrasp } from './graspSynthesis';
import { principalAxes, type V3 } from '../math/principalAxes';
import { perturbGrasp, QUALITY_PLAN } from './perturbGrasp';
import { humanOnlyGrasp } from './humanOnlyGrasp';
import { NEGATIVE_PARTS } from './objects/negativeParts';
import { partRuns } from '../dataset/partLabels';

export interface SampleFile {
  path: string;
  data: string | Uint8Array;
}

export interface SampleOptions {
  seed?: number;
  graspsPerObjectPerHand?: number;
  categories?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_SEED = 2026;
const HUMAN_MISSING_PART_OK = new Set(['power_drill', 'phone', 'spray_bottle']);

const HANDS: { id: string; builtin: BuiltinHandId }[] = [
  { id: 'shadow', builtin: 'shadowhand' },
  { id: 'leap', builtin: 'leaphand' },
];

// Reference meshes rotate through every format the studio reads, so the sample exercises them all.
const FORMATS = ['obj', 'ply', 'glb', 'stl'] as const;

// Where people hold each kind of object: a part-name pattern tried before the whole object.
const GRASP_PARTS = /handle|grip|hilt|barrel|body|stem|arm|bottle|slab|bowl/i;

function encodeMesh(mesh: TriMesh, format: (typeof FORMATS)[number]): Uint8Array {
  switch (format) {
    case 'obj':
      return new TextEncoder().encode(writeObj(mesh, { precision: 5 }));
    case 'ply':
      return new Uint8Array(writePlyBinary(mesh));
    case 'glb':
      return new Uint8Array(writeGlb(mesh));
    case 'stl':
      return new Uint8Array(writeStlBinary(mesh));
  }
}

// The procedural objects are modelled y-up; the studio (like most robotics tools) is z-up.
const Y_UP_TO_Z_UP = new Matrix4().makeRotationX(Math.PI / 2).elements;
function zUp(o: { mesh: TriMesh; parts: { name: string; mesh: TriMesh }[] }) {
  return {
    mesh: transformMesh(o.mesh, Y_UP_TO_Z_UP),
    parts: o.parts.map((p) => ({ name: p.name, mesh: transformMesh(p.mesh, Y_UP_TO_Z_UP) })),
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const JOINT_DIGITS = 1e5;
/** Rounds a joint value for the file without rounding it past its limit. */
function roundWithin(v: number, lower: number, upper: number): number {
  const lo = Math.ceil(lower * JOINT_DIGITS) / JOINT_DIGITS;
  const hi = Math.floor(upper * JOINT_DIGITS) / JOINT_DIGITS;
  return Math.min(hi, Math.max(lo, Math.round(v * JOINT_DIGITS) / JOINT_DIGITS));
}

function graspTargets(parts: { name: string; mesh: TriMesh }[], whole: TriMesh) {
  const preferred = parts.filter((p) => GRASP_PARTS.test(p.name));
  return (preferred.length ? preferred : [{ name: 'object', mesh: whole }]).map((p) => ({ name: p.name, ...principalAxes(p.mesh) }));
}

function randomTarget(targets: ReturnType<typeof graspTargets>, rng: Rng) {
  const t = targets[Math.floor(rng.next() * targets.length)];
  const phi = rng.next() * Math.PI * 2;
  const b = new Vector3(...t.axes[1]).multiplyScalar(Math.cos(phi)).addScaledVector(new Vector3(...t.axes[2]), Math.sin(phi));
  return {
    part: t.name,
    point: t.centroid,
    approach: [b.x, b.y, b.z] as V3,
    axis: t.axes[0],
    roll: (rng.next() - 0.5) * 0.7,
  };
}

function toGrasp(id: string, objectId: string, handId: string, g: SynthesizedGrasp, extra: Partial<Grasp> & { meta: Record<string, unknown> }): Grasp {
  const q = new Quaternion(...g.root.quaternion).normalize();
  return {
    id,
    object: objectId,
    hand: handId,
    root: {
      position: g.root.position.map((x) => round(x, 6)) as V3,
      quaternion: [q.x, q.y, q.z, q.w].map((x) => round(x, 7)) as [number, number, number, number],
    },
    joints: g.joints,
    ...extra,
  };
}

export type SampleHands = Map<string, SynthesisContext>;

/** The built-in hands, ready to close onto objects (the same for every category, so each worker makes its own). */
export async function prepareSampleHands(seed = DEFAULT_SEED): Promise<SampleHands> {
  const contexts: SampleHands = new Map();
  for (const h of HANDS) {
    const model = await loadBuiltinHand(h.builtin);
    contexts.set(h.id, prepareSynthesis(model, SYNERGIES[h.builtin], makeRng(seed + h.id.length)));
  }
  return contexts;
}

/** One category's share of the sample: its meshes and its grasps per hand. */
export interface CategorySample {
  category: string;
  files: SampleFile[];
  grasps: Record<string, Grasp[]>;
  /** grasps that have only a human hand and a reconstruction in its own frame */
  human: Grasp[];
}

/**
 * One category's object, reconstructions and grasps. `index` is the category's place in the full
 * list: it picks the mesh format and seeds the randomness, so categories can be made in any order
 * or in parallel and still give the same bytes.
 */
export function sampleCategory(
  category: SampleCategory,
  index: number,
  hands: SampleHands,
  opts: { seed?: number; graspsPerObjectPerHand?: number; onGrasp?: () => void } = {},
): CategorySample {
  const seed = opts.seed ?? DEFAULT_SEED;
  const perPair = opts.graspsPerObjectPerHand ?? 20;
  const files: SampleFile[] = [];
  const grasps: Record<string, Grasp[]> = Object.fromEntries(HANDS.map((h) => [h.id, []]));
  const rng = makeRng(seed * 1000 + index);
  const obj = zUp(makeObject(category));
  const format = FORMATS[index % FORMATS.length];
  files.push({ path: `objects/${category}.${format}`, data: encodeMesh(obj.mesh, format) });
  // Ground truth for NAA: the mesh is its parts concatenated in order, so each part is one run of triangles.
  const negative = NEGATIVE_PARTS[category];
  const labels = { names: obj.parts.map((p) => p.name), runs: partRuns(obj.parts.map((p) => p.mesh.indices.length / 3)), negative: negative.parts, query: negative.query };
  files.push({ path: `objects/${category}.parts.json`, data: JSON.stringify(labels) + '\n' });

  const variants = reconstructionVariants(category, seed + index).map((v) => ({ ...v, mesh: transformMesh(v.mesh, Y_UP_TO_Z_UP) }));
  const reconPaths = variants.map((v, vi) => {
    const path = `reconstructions/${category}-${vi}-${v.kind}.ply`;
    files.push({ path, data: new Uint8Array(writePlyBinary(v.mesh)) });
    return { path, kind: v.kind, detail: v.detail };
  });

  const probe = new ContactProbe(obj.mesh);
  const targets = graspTargets(obj.parts, obj.mesh);
  for (const h of HANDS) {
    const ctx = hands.get(h.id)!;
    for (let i = 0; i < perPair; i++) {
      const target = randomTarget(targets, rng);
      const closed = synthesizeGrasp(ctx, probe, target);
      const quality = QUALITY_PLAN[i % QUALITY_PLAN.length];
      const perturbed = perturbGrasp(ctx, closed, quality, target.approach, rng);
      // Every joint is written, so the sample never relies on the "missing joints are 0" rule.
      perturbed.grasp.joints = Object.fromEntries(ctx.model.joints.map((j) => [j.name, roundWithin(perturbed.grasp.joints[j.name] ?? 0, j.lower, j.upper)]));
      const recon = reconPaths[i % reconPaths.length];
      grasps[h.id].push(
        toGrasp(`${category}-${h.id}-${String(i).padStart(3, '0')}`, category, h.id, perturbed.grasp, {
          // Reconstruction paths are relative to the shard, which lives in grasps/.
          reconstruction: { mesh: `../${recon.path}` },
          meta: {
            intended_quality: quality,
            perturbation: perturbed.detail,
            grasped_part: target.part,
            fingers_touching: closed.touching,
            reconstruction: `${recon.kind}: ${recon.detail}`,
          },
        }),
      );
      opts.onGrasp?.();
    }
  }

  // One human-only grasp per category, from the first (good) ShadowHand grasp; its own seed keeps the rest unchanged.
  const humanRng = makeRng(seed * 1000 + index + 500);
  const shadow = HANDS[0];
  // A lost part only where what is left still fixes the pose (a mug without its handle is symmetric).
  const missing = variants.find((v) => v.kind === 'missing_part');
  const source = missing && HUMAN_MISSING_PART_OK.has(category) ? missing : { mesh: obj.mesh, kind: 'complete', detail: 'all parts' };
  const humanPath = `reconstructions/${category}-camera.ply`;
  const human = humanOnlyGrasp(`${category}-human-000`, category, shadow.id, hands.get(shadow.id)!.model, grasps[shadow.id][0], source, `../${humanPath}`, humanRng);
  files.push({ path: humanPath, data: new Uint8Array(writePlyBinary(human.mesh)) });
  return { category, files, grasps, human: [human.grasp] };
}

/** The manifest, meshes and one JSON Lines shard per hand, from the categories in order. */
export function assembleSample(parts: CategorySample[]): { manifest: Manifest; files: SampleFile[] } {
  const files = parts.flatMap((p) => p.files);
  const objects: Manifest['objects'] = Object.fromEntries(parts.map((p) => [p.category, { mesh: p.files[0].path, category: p.category, parts: p.files[1].path }]));
  const shardPaths = [...HANDS.map((h) => `grasps/${h.id}.jsonl`), 'grasps/human.jsonl'];
  const shards = [...HANDS.map((h) => parts.flatMap((p) => p.grasps[h.id])), parts.flatMap((p) => p.human)];
  shards.forEach((grasps, i) => files.push({ path: shardPaths[i], data: grasps.map((g) => JSON.stringify(g)).join('\n') + '\n' }));

  const manifest: Manifest = {
    format: FORMAT_V1,
    name: 'HOI Studio sample (procedural Web2Grasp categories)',
    description:
      'Generated by scripts/generate-sample.ts: ten object categories, reconstructions with surface noise, ' +
      'scale error and missing parts, and grasps of the built-in ShadowHand and LEAP Hand ranging from good to ' +
      'penetrating and fingers-in-the-air. meta.intended_quality says how each grasp was made. ' +
      'grasps/human.jsonl holds one grasp per category with only a human hand and a reconstruction in its own camera-like frame, to align and retarget.',
    hands: Object.fromEntries(HANDS.map((h) => [h.id, { builtin: h.builtin }])),
    objects,
    shards: shardPaths.map((path, i) => ({ path, count: shards[i].length })),
  };
  files.unshift({ path: 'manifest.json', data: JSON.stringify(manifest, null, 2) + '\n' });
  return { manifest, files };
}

/**
 * The bundled sample dataset: procedural objects of the ten Web2Grasp training categories, their
 * noisy reconstructions, and grasps closed onto them by the built-in hands then perturbed so the
 * set holds good grasps, penetrating ones and ones with fingers in the air. Deterministic.
 */
export async function buildSampleDataset(opts: SampleOptions = {}): Promise<{ manifest: Manifest; files: SampleFile[] }> {
  const categories = opts.categories ?? SAMPLE_CATEGORIES;
  const perPair = opts.graspsPerObjectPerHand ?? 20;
  const hands = await prepareSampleHands(opts.seed);
  const total = categories.length * HANDS.length * perPair;
  let done = 0;
  const parts = categories.map((category, index) =>
    sampleCategory(category as SampleCategory, index, hands, { seed: opts.seed, graspsPerObjectPerHand: perPair, onGrasp: () => opts.onProgress?.(++done, total) }),
  );
  return assembleSample(parts);
}
