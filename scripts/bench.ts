// Performance of the grasp metrics (npm run bench): ms per grasp per core at default settings on
// (a) the sample dataset, (b) the real ShadowHand meshes against a 50k-triangle object, and
// (c) a 1,000-grasp dataset through the command line on 2 worker threads.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/core/dataset/loadDataset';
import { nodeIO } from '../src/core/dataset/nodeIO';
import { loadBuiltinHand } from '../src/core/hands/builtin/builtinHands';
import { loadHandModel, type HandModel } from '../src/core/hands/handModel';
import { fingertipPositions, poseHand } from '../src/core/hands/poseHand';
import type { Quat, Vec3 } from '../src/core/hands/types';
import { writeObj } from '../src/core/mesh/writeMesh';
import type { TriMesh } from '../src/core/mesh/triMesh';
import { computeGraspMetrics } from '../src/core/metrics/computeGraspMetrics';
import { MetricsService } from '../src/core/metrics/metricsService';
import { DEFAULT_METRICS_PARAMS } from '../src/core/metrics/params';
import { uvSphere } from '../src/core/metrics/proceduralShapes';
import { makeMetricsRng, type Rng } from '../src/core/metrics/rng';
import { FORMAT_V1 } from '../src/core/dataset/schema';
import { parseMetricsArgs } from '../src/cli/metricsArgs';
import { runMetricsCommand } from '../src/cli/metricsCommand';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, '.bench');
const handsDir = path.resolve(root, '../shared/assets/hands');
const TARGET_BUILTIN_MS = 50;
const TARGET_REAL_MS = 250;
const TARGET_CLI_S = 30;

const fmt = (x: number, d = 1) => x.toFixed(d);
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { mean, median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
}
/** Wall-clock and CPU time of a stretch of single-threaded work (CPU time is what a core spends). */
function timer() {
  const t = performance.now(),
    c = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
  };
}
function report(label: string, samples: { wall: number; cpu: number }[], target: number) {
  const cpu = stats(samples.map((s) => s.cpu));
  const wall = stats(samples.map((s) => s.wall));
  const ok = cpu.mean <= target;
  console.log(
    `  ${label}: ${fmt(cpu.mean)} ms CPU/grasp/core mean (median ${fmt(cpu.median)}, p95 ${fmt(cpu.p95)}, max ${fmt(cpu.max)}; first grasp incl. BVH builds ${fmt(samples[0].cpu)} ms) over ${samples.length} grasps, wall-clock mean ${fmt(wall.mean)} ms  target <= ${target} ms: ${ok ? 'OK' : 'MISSED'}`,
  );
  return ok;
}

/** An ellipsoid: a UV sphere squashed so it is not trivially symmetric. */
function ellipsoid(triangles: number, radii: Vec3): TriMesh {
  const rings = Math.max(3, Math.round(Math.sqrt(triangles / 4)));
  const m = uvSphere(1, 2 * rings, rings);
  for (let i = 0; i < m.positions.length; i += 3) {
    m.positions[i] *= radii[0];
    m.positions[i + 1] *= radii[1];
    m.positions[i + 2] *= radii[2];
  }
  return m;
}

function randomQuat(rng: Rng): Quat {
  const u1 = rng(),
    u2 = rng(),
    u3 = rng();
  const a = Math.sqrt(1 - u1),
    b = Math.sqrt(u1);
  return [a * Math.sin(2 * Math.PI * u2), a * Math.cos(2 * Math.PI * u2), b * Math.sin(2 * Math.PI * u3), b * Math.cos(2 * Math.PI * u3)];
}

/**
 * Grasp-like poses: random joint values in the middle of their ranges, random orientation, the
 * fingertips' centroid at the object centre, then the hand backed off along the centroid-to-palm
 * direction until the fingertips are within a few millimetres of the surface (some touching, some
 * slightly in, some short), like the grasps of a real dataset.
 */
function syntheticGrasps(model: HandModel, n: number, seed: number, radii: Vec3): { root: { position: Vec3; quaternion: Quat }; joints: Record<string, number> }[] {
  const rng = makeMetricsRng(seed);
  const minR = Math.min(...radii);
  const signed = (p: Vec3) => (Math.hypot(p[0] / radii[0], p[1] / radii[1], p[2] / radii[2]) - 1) * minR;
  const out = [];
  for (let i = 0; i < n; i++) {
    const joints: Record<string, number> = {};
    for (const j of model.joints) {
      const lo = Number.isFinite(j.lower) ? j.lower : -1,
        hi = Number.isFinite(j.upper) ? j.upper : 1;
      joints[j.name] = lo + (hi - lo) * (0.2 + 0.5 * rng());
    }
    const quaternion = randomQuat(rng);
    const at0 = { position: [0, 0, 0] as Vec3, quaternion };
    const tips = Object.values(fingertipPositions(model, at0, joints));
    const c = tips.reduce((s, p) => [s[0] + p[0] / tips.length, s[1] + p[1] / tips.length, s[2] + p[2] / tips.length], [0, 0, 0]);
    const palm = poseHand(model, at0, joints, 'visual').linkMatrices[model.rootLink];
    let dir: Vec3 = [palm[12] - c[0], palm[13] - c[1], palm[14] - c[2]];
    const dl = Math.hypot(...dir) || 1;
    dir = [dir[0] / dl, dir[1] / dl, dir[2] / dl];
    const allowed = -0.004 + 0.008 * rng();
    let t = 0;
    const tipsAt = (t: number) => tips.map((p) => [p[0] - c[0] + dir[0] * t, p[1] - c[1] + dir[1] * t, p[2] - c[2] + dir[2] * t] as Vec3);
    while (t < 0.3 && Math.min(...tipsAt(t).map(signed)) < allowed) t += 0.001;
    out.push({ root: { position: [-c[0] + dir[0] * t, -c[1] + dir[1] * t, -c[2] + dir[2] * t] as Vec3, quaternion }, joints });
  }
  return out;
}

async function benchSampleDataset(): Promise<boolean> {
  const manifest = path.join(root, 'public/sample/manifest.json');
  if (existsSync(manifest)) {
    console.log(`(a) sample dataset ${path.relative(root, manifest)}, default settings, one core`);
    const url = pathToFileURL(manifest).href;
    const ds = await loadDataset(url, nodeIO());
    const service = new MetricsService(nodeIO());
    service.configure(ds, {});
    const grasps = ds.grasps.slice(0, 300);
    const times: { wall: number; cpu: number }[] = [];
    let errors = 0;
    for (const g of grasps) {
      const stop = timer();
      const row = await service.computeOne(g);
      times.push(stop());
      if (row.error && !row.error.startsWith('warning')) errors++;
    }
    if (errors) console.log(`  note: ${errors} grasps reported errors`);
    const hands = [...new Set(grasps.map((g) => g.hand))].join(', ');
    return report(`hands ${hands}`, times, TARGET_BUILTIN_MS);
  }
  console.log('(a) public/sample/manifest.json not found (run `npm run sample`); using a synthetic scene instead:');
  console.log('    built-in ShadowHand against a 20k-triangle ellipsoid, default settings, one core');
  const model = await loadBuiltinHand('shadowhand', { geometry: 'visual' });
  const object = ellipsoid(20_000, [0.05, 0.035, 0.04]);
  const grasps = syntheticGrasps(model, 200, 1, [0.05, 0.035, 0.04]);
  const times: { wall: number; cpu: number }[] = [];
  for (const g of grasps) {
    const stop = timer();
    computeGraspMetrics({ hand: poseHand(model, g.root, g.joints, 'visual'), object });
    times.push(stop());
  }
  return report('built-in ShadowHand', times, TARGET_BUILTIN_MS);
}

async function benchRealShadowHand(): Promise<boolean | null> {
  const urdf = path.join(handsDir, 'shadow_hand/shadow_hand_right.urdf');
  if (!existsSync(urdf)) {
    console.log(`(b) skipped: ${path.relative(root, urdf)} not found (the real-mesh benchmark needs ../shared)`);
    return null;
  }
  const object = ellipsoid(50_000, [0.05, 0.035, 0.04]);
  console.log(`(b) real ShadowHand URDF (visual meshes) against a ${object.indices.length / 3}-triangle ellipsoid, default settings, one core`);
  const io = nodeIO();
  const model = await loadHandModel(readFileSync(urdf, 'utf8'), { urdfUrl: pathToFileURL(urdf).href, fetchBytes: io.fetchBytes, geometry: 'visual' });
  const parts = model.parts.visual ?? [];
  console.log(
    `    hand: ${parts.length} parts, ${parts.reduce((s, p) => s + p.mesh.indices.length / 3, 0)} triangles${model.errors.length ? `; load errors: ${model.errors.join('; ')}` : ''}`,
  );
  const grasps = syntheticGrasps(model, 60, 2, [0.05, 0.035, 0.04]);
  const times: { wall: number; cpu: number }[] = [];
  let depthSum = 0,
    contactSum = 0;
  for (const g of grasps) {
    const stop = timer();
    const r = computeGraspMetrics({ hand: poseHand(model, g.root, g.joints, 'visual'), object });
    times.push(stop());
    depthSum += r.penetration_depth_cm ?? 0;
    contactSum += r.contact_ratio_pct ?? 0;
  }
  console.log(`    workload check: mean penetration depth ${fmt(depthSum / grasps.length, 2)} cm, mean contact ratio ${fmt(contactSum / grasps.length, 1)} %`);
  return report('real ShadowHand meshes', times, TARGET_REAL_MS);
}

async function benchCli(): Promise<boolean> {
  const dir = path.join(benchDir, 'cli-dataset');
  mkdirSync(dir, { recursive: true });
  const model = await loadBuiltinHand('shadowhand', { geometry: 'visual' });
  const objects: Record<string, { mesh: string; category: string }> = {};
  const grasps: unknown[] = [];
  const shapes: [string, Vec3][] = [
    ['egg', [0.05, 0.035, 0.04]],
    ['ball', [0.04, 0.04, 0.04]],
    ['bar', [0.09, 0.025, 0.025]],
    ['disc', [0.05, 0.05, 0.015]],
  ];
  for (const [k, [name, radii]] of shapes.entries()) {
    writeFileSync(path.join(dir, `${name}.obj`), writeObj(ellipsoid(20_000, radii)));
    objects[name] = { mesh: `${name}.obj`, category: 'synthetic' };
    for (const [i, g] of syntheticGrasps(model, 250, 10 + k, radii).entries()) grasps.push({ id: `${name}-${i}`, object: name, hand: 'shadow', ...g });
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ format: FORMAT_V1, name: 'bench-1000', hands: { shadow: { builtin: 'shadowhand' } }, objects, grasps }));
  const out = path.join(benchDir, 'cli-out.csv');
  console.log(`(c) 1,000 grasps (built-in ShadowHand, 4 objects of 20k triangles) through the \`hoi-studio metrics\` code path with --workers 2`);
  // In-process call of the CLI's command (same worker threads as `npx hoi-studio metrics`), so the
  // CPU time of all threads can be measured too: on a shared machine wall-clock alone misleads.
  const args = parseMetricsArgs([path.join(dir, 'manifest.json'), '--out', out, '--workers', '2', '--quiet']);
  if (args === 'help') throw new Error('unreachable');
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const summary = await runMetricsCommand(args, () => undefined);
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (summary.withErrors) console.log(`  ${summary.withErrors} rows have errors, e.g. ${summary.rows.find((r) => r.error)?.error}`);
  // Judged on the 2-core CPU time when other processes load the machine, else on wall-clock.
  const busy = loadavg()[0] > availableParallelism();
  const ok = (busy ? cpuSeconds / 2 : seconds) <= TARGET_CLI_S && summary.withErrors === 0;
  console.log(
    `  ${summary.grasps} rows in ${fmt(seconds)} s wall-clock including worker start-up; ${fmt(cpuSeconds)} CPU-seconds over all threads (= ${fmt(cpuSeconds / 2)} s on 2 idle cores, ${fmt((cpuSeconds * 1000) / summary.grasps)} ms/grasp/core)  target <= ${TARGET_CLI_S} s: ${ok ? 'OK' : 'MISSED'}`,
  );
  if (busy)
    console.log(
      `  note: this machine's load average is ${fmt(loadavg()[0])} on ${availableParallelism()} cores; wall-clock times are inflated by other processes, so the target is checked on CPU time`,
    );
  return ok;
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores`,
);
console.log(
  `grasp metrics benchmark (samples ${DEFAULT_METRICS_PARAMS.samples}, voxel ${DEFAULT_METRICS_PARAMS.voxelMm} mm, contact ${DEFAULT_METRICS_PARAMS.contactMm} mm, D2 pairs ${DEFAULT_METRICS_PARAMS.d2Pairs}; node ${process.version})`,
);
const only = process.argv.slice(2);
const want = (k: string) => only.length === 0 || only.includes(k);
const results: (boolean | null)[] = [];
if (want('a')) results.push(await benchSampleDataset());
if (want('b')) results.push(await benchRealShadowHand());
if (want('c')) results.push(await benchCli());
if (results.includes(false)) process.exitCode = 1;
