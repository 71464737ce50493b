// Writes what the DRO Python tools need from the project's TypeScript core, so Python never
// reimplements hand kinematics or the sample objects:
//   <out>/<hand>-hand.json    per-link surface samples (link frame), the link transforms at the
//                             canonical pose 0.75·lower + 0.25·upper, and at initial poses
//                             p·lower + (1−p)·upper for a grid of p in [0.65, 0.85] (root = identity)
//   <out>/objects.json        dense surface samples of the ten sample objects (object frame, z-up as in public/sample)
//   <out>/<hand>-grasps.json  good grasps closed onto the sample objects by the sample generator, each
//                             with the link transforms at the grasp (object frame) and its metrics
// Usage: npx tsx tools/dro/export-hand-points.ts --hand shadowhand|leaphand [--per-category 60] [--seed 1] [--out tools/dro/data]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Matrix4, Vector3 } from 'three';
import { loadBuiltinHand, poseHand, isBuiltinHandId } from '../../src/core/hands';
import type { HandModel } from '../../src/core/hands';
import { mergeMeshes } from '../../src/core/mesh/mergeMeshes';
import { transformMesh } from '../../src/core/mesh/transformMesh';
import type { TriMesh } from '../../src/core/mesh/triMesh';
import { computeGraspMetrics } from '../../src/core/metrics/computeGraspMetrics';
import { makeMetricsRng } from '../../src/core/metrics/rng';
import { SurfaceSampler } from '../../src/core/metrics/surfaceSampling';
import { makeRng, type Rng } from '../../src/core/rng';
import { ContactProbe } from '../../src/core/sample/contactProbe';
import { prepareSynthesis, synthesizeGrasp } from '../../src/core/sample/graspSynthesis';
import { SYNERGIES } from '../../src/core/sample/handSynergies';
import { SAMPLE_CATEGORIES, makeObject } from '../../src/core/sample/objects';
import { perturbGrasp } from '../../src/core/sample/perturbGrasp';
import { principalAxes, type V3 } from '../../src/core/math/principalAxes';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const hand = arg('hand', '');
if (!isBuiltinHandId(hand)) {
  console.error(`export-hand-points: --hand must be shadowhand or leaphand (got '${hand}')`);
  process.exit(2);
}
const perCategory = Number(arg('per-category', '60'));
const seed = Number(arg('seed', '1'));
const outDir = path.resolve(arg('out', 'tools/dro/data'));
const LINK_SAMPLES = 512;
// DRO leaves out ShadowHand's forearm, wrist, knuckles and thumb base: small or hidden parts
// whose points say little about the grasp.
const DROPPED: Record<string, Set<string>> = {
  shadowhand: new Set(['forearm', 'wrist', 'ffknuckle', 'mfknuckle', 'rfknuckle', 'lfknuckle', 'thbase']),
  leaphand: new Set(),
};
// Grasps kept for training: inside the band the benchmark counts as good.
const MAX_PENETRATION_CM = 0.5;
const MAX_TIP_DISTANCE_CM = 1.0;

const IDENTITY = { position: [0, 0, 0] as V3, quaternion: [0, 0, 0, 1] as [number, number, number, number] };
const round = (x: number) => Number(x.toFixed(7));
const mat = (m: ArrayLike<number>) => Array.from(m, round);

function linkSurfaces(model: HandModel): { links: string[]; samples: Record<string, number[][]> } {
  const byLink = new Map<string, TriMesh[]>();
  for (const p of model.parts.visual!) {
    if (DROPPED[hand].has(p.link)) continue;
    byLink.set(p.link, [...(byLink.get(p.link) ?? []), transformMesh(p.mesh, p.offset)]);
  }
  const links = model.links.filter((l) => byLink.has(l));
  const samples: Record<string, number[][]> = {};
  links.forEach((link, i) => {
    const flat = new SurfaceSampler(mergeMeshes(byLink.get(link)!)).sample(LINK_SAMPLES, makeMetricsRng(seed * 1000 + i));
    samples[link] = Array.from({ length: LINK_SAMPLES }, (_, k) => [round(flat[3 * k]), round(flat[3 * k + 1]), round(flat[3 * k + 2])]);
  });
  return { links, samples };
}

function jointsAt(model: HandModel, p: number): Record<string, number> {
  return Object.fromEntries(model.joints.map((j) => [j.name, p * j.lower + (1 - p) * j.upper]));
}

function linkMatrices(model: HandModel, links: string[], root: typeof IDENTITY, joints: Record<string, number>): number[][] {
  const posed = poseHand(model, root, joints);
  return links.map((l) => mat(posed.linkMatrices[l]));
}

// The sample's objects are modelled y-up and turned z-up (src/core/sample/buildSampleDataset.ts).
const Y_UP_TO_Z_UP = new Matrix4().makeRotationX(Math.PI / 2).elements;
const GRASP_PARTS = /handle|grip|hilt|barrel|body|stem|arm|bottle|slab|bowl/i;

function sampleObject(category: (typeof SAMPLE_CATEGORIES)[number]) {
  const raw = makeObject(category);
  const mesh = transformMesh(raw.mesh, Y_UP_TO_Z_UP);
  const parts = raw.parts.map((p) => ({ name: p.name, mesh: transformMesh(p.mesh, Y_UP_TO_Z_UP) }));
  const preferred = parts.filter((p) => GRASP_PARTS.test(p.name));
  const targets = (preferred.length ? preferred : [{ name: 'object', mesh }]).map((p) => ({ name: p.name, ...principalAxes(p.mesh) }));
  return { mesh, targets };
}

// Same target distribution as the sample generator: a grasped part's centroid, approached
// across its long axis from a random side, with a little roll.
function randomTarget(targets: ReturnType<typeof sampleObject>['targets'], rng: Rng) {
  const t = targets[Math.floor(rng.next() * targets.length)];
  const phi = rng.next() * Math.PI * 2;
  const b = new Vector3(...t.axes[1]).multiplyScalar(Math.cos(phi)).addScaledVector(new Vector3(...t.axes[2]), Math.sin(phi));
  return { part: t.name, point: t.centroid, approach: [b.x, b.y, b.z] as V3, axis: t.axes[0], roll: (rng.next() - 0.5) * 0.7 };
}

mkdirSync(outDir, { recursive: true });
const started = Date.now();
const model = await loadBuiltinHand(hand);
const { links, samples } = linkSurfaces(model);
const grid = Array.from({ length: 9 }, (_, i) => 0.65 + (0.2 * i) / 8);
writeFileSync(
  path.join(outDir, `${hand}-hand.json`),
  JSON.stringify({
    hand,
    links,
    joints: model.joints.map((j) => ({ name: j.name, lower: j.lower, upper: j.upper })),
    linkSamples: samples,
    canonical: { p: 0.75, matrices: linkMatrices(model, links, IDENTITY, jointsAt(model, 0.75)) },
    initial: grid.map((p) => ({ p: round(p), matrices: linkMatrices(model, links, IDENTITY, jointsAt(model, p)) })),
  }),
);

const objects: Record<string, number[]> = {};
const grasps: unknown[] = [];
const ctx = prepareSynthesis(model, SYNERGIES[hand], makeRng(seed + hand.length));
let tried = 0;
for (const [ci, category] of SAMPLE_CATEGORIES.entries()) {
  const obj = sampleObject(category);
  const dense = new SurfaceSampler(obj.mesh).sample(4096, makeMetricsRng(seed * 7919 + ci));
  objects[category] = Array.from(dense, round);
  const probe = new ContactProbe(obj.mesh);
  const rng = makeRng(seed * 100_003 + ci);
  let kept = 0;
  for (let attempt = 0; kept < perCategory && attempt < perCategory * 3; attempt++) {
    tried++;
    const target = randomTarget(obj.targets, rng);
    const closed = synthesizeGrasp(ctx, probe, target);
    if (closed.touching.length < 2) continue;
    const g = perturbGrasp(ctx, closed, 'good', target.approach, rng).grasp;
    const posed = poseHand(model, g.root, g.joints);
    const m = computeGraspMetrics({ hand: posed, object: obj.mesh, params: { samples: 1024, d2Pairs: 256 } });
    const depth = m.penetration_depth_cm;
    const tip = m.disjoint_distance_cm;
    if (depth === null || tip === null || depth >= MAX_PENETRATION_CM || tip >= MAX_TIP_DISTANCE_CM) continue;
    grasps.push({
      category,
      part: target.part,
      root: g.root,
      joints: g.joints,
      metrics: { penetration_depth_cm: round(depth), disjoint_distance_cm: round(tip) },
      matrices: links.map((l) => mat(posed.linkMatrices[l])),
    });
    kept++;
  }
  console.log(`${hand} ${category}: ${kept} grasps kept (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
writeFileSync(path.join(outDir, 'objects.json'), JSON.stringify({ frame: 'z-up, as public/sample/objects', objects }));
writeFileSync(path.join(outDir, `${hand}-grasps.json`), JSON.stringify({ hand, links, seed, tried, grasps }));
console.log(`wrote ${grasps.length} of ${tried} tried grasps for ${hand} to ${outDir} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
