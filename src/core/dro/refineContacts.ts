import { geometryLinkFor } from '../hands/fingertips';
import { linkTransforms } from '../hands/forwardKinematics';
import type { KinematicTree } from '../hands/kinematicTree';
import type { HandConfig } from './handConfig';
import { rootMatrixOf, treeValues } from './handConfig';
import { solveIk } from './ik';
import type { IkTargets } from './linkTargets';
import type { ObjectSurface } from './objectSurface';
import { pointsFromLinks, type RobotPointSet } from './robotPoints';

export interface RefineOptions {
  /** push-and-pull rounds at most; default 40 */
  rounds?: number;
  /** stop after this many rounds without a better configuration (by 0.1 mm); default 20 */
  patience?: number;
  /** IK iterations per round; default 10 */
  iterations?: number;
  /** how far outside the surface a point found inside is pushed, metres; default 3 mm */
  margin?: number;
  /** fingertips closer than this to the surface are pulled onto it, metres; default 3 cm */
  reach?: number;
  /** checked between rounds, so a cancelled run stops within one round */
  signal?: AbortSignal;
  /** weight per point that keeps each link near where the round found it (a point pushed or pulled weighs 1); default 0.05 */
  hold?: number;
}

export interface RefineResult {
  config: HandConfig;
  /** rounds run (0 when the start needed nothing; fewer than asked when nothing is left to move or no round has helped for `patience` rounds) */
  rounds: number;
  /** deepest refinement point inside the object, metres, at the start and at the end */
  depthBefore: number;
  depthAfter: number;
  /** mean over fingertip links of their nearest point's distance to the surface (0 when inside), metres */
  tipGapBefore: number;
  tipGapAfter: number;
}

/** a fingertip this close counts as touching; no pull below it */
const TOUCH = 0.5e-3;
/** deepest points of a buried link whose exits decide its direction, and how many of them propose one */
const PROBES = 12;
const CANDIDATES = 4;
/**
 * Backing a link out the way it came (towards its joint) is preferred over a shorter exit by up
 * to this factor: on a handle or a thin object the nearest exit is as often the wrong side.
 */
const JOINT_BIAS = 1.5;
/**
 * The quality band the studio's users filter by (penetration depth < 5 mm, mean fingertip
 * distance < 1 cm, as in Web2Grasp): refinement keeps the configuration nearest to it.
 */
const ACCEPT_DEPTH = 0.005;
const ACCEPT_GAP = 0.01;
/** a round counts as progress when it gets this much nearer (0.1 mm of depth) */
const PROGRESS = 1e-4 / ACCEPT_DEPTH;
/** anchors per held link: its points' centroid plus this far along each axis */
const AXIS = 0.01;

interface Evaluation {
  depth: number;
  tipGap: number;
  /** points pushed out or pulled in (the rest of the targets are the hold) */
  active: number;
  targets: IkTargets;
}

/**
 * Test-time contact refinement after DRO's IK, in the spirit of GraspTTA's: DRO's distances are
 * noisy, so a link often ends up through a handle or a fingertip hovers short of the surface.
 * Each round moves every link that has points inside the object rigidly out of it (see below, to
 * `margin` outside), pulls each fingertip's nearest point onto the surface when it is within
 * `reach` and nothing is buried deeper than the margin, lightly holds every link where it is, and
 * runs a short weighted IK from there. Rounds are not required to improve (getting a finger out
 * of a handle can mean pushing it deeper for a while); the configuration seen nearest to the
 * quality band (ACCEPT_DEPTH, ACCEPT_GAP) is returned, so refinement never leaves a grasp further
 * from it than DRO's own, as measured on its points.
 */
export function refineContacts(
  tree: KinematicTree,
  points: RobotPointSet,
  start: HandConfig,
  surface: ObjectSurface,
  tipLinks: readonly number[],
  opts: RefineOptions = {},
): RefineResult {
  const rounds = opts.rounds ?? 40;
  const margin = opts.margin ?? 3e-3;
  const reach = opts.reach ?? 0.03;
  const hold = opts.hold ?? 0.05;
  const patience = opts.patience ?? 20;
  const tips = new Set(tipLinks);
  const closest = new Float64Array(3);
  // Per link, the hold's anchors in the link frame (they do not change between rounds).
  const held = [...points.byLink].map(([li, idx]) => {
    const c = [0, 0, 0];
    for (const p of idx) for (let k = 0; k < 3; k++) c[k] += points.local[3 * p + k] / idx.length;
    const anchors = [c[0], c[1], c[2], c[0] + AXIS, c[1], c[2], c[0], c[1] + AXIS, c[2], c[0], c[1], c[2] + AXIS];
    return { li, anchors, w: (hold * idx.length) / 4 };
  });

  const evaluate = (config: HandConfig): Evaluation => {
    const frames = linkTransforms(tree, rootMatrixOf(config.root), treeValues(tree, config.joints));
    const world = pointsFromLinks(points, frames);
    const link: number[] = [];
    const local: number[] = [];
    const target: number[] = [];
    const weight: number[] = [];
    const add = (li: number, lx: number, ly: number, lz: number, tx: number, ty: number, tz: number, w: number) => {
      link.push(li);
      local.push(lx, ly, lz);
      target.push(tx, ty, tz);
      weight.push(w);
    };
    let depth = 0;
    // per fingertip link: its nearest point (index) and distance; 0 once any of its points is inside
    const nearest = new Map<number, { i: number; d: number; c: [number, number, number] }>();
    for (const li of tips) if (points.byLink.has(li)) nearest.set(li, { i: -1, d: Infinity, c: [0, 0, 0] });
    // per link: its inside points and the sum of their ways out (nearest surface point minus point)
    const buried = new Map<number, { pts: number[]; way: number[] }>();
    for (let i = 0; i < points.count; i++) {
      const x = world[3 * i],
        y = world[3 * i + 1],
        z = world[3 * i + 2];
      const li = points.link[i];
      const tip = nearest.get(li);
      const inside = surface.isInside(x, y, z);
      if (!inside && !(tip && tip.d > 0)) continue;
      // A fingertip point only matters when it is nearer than the link's nearest so far.
      const d = surface.closest(x, y, z, closest, inside ? Infinity : tip!.d);
      if (!Number.isFinite(d)) continue;
      if (inside) {
        depth = Math.max(depth, d);
        if (tip) tip.d = 0;
        let b = buried.get(li);
        if (!b) buried.set(li, (b = { pts: [], way: [0, 0, 0] }));
        b.pts.push(i, d, closest[0], closest[1], closest[2]);
        b.way[0] += closest[0] - x;
        b.way[1] += closest[1] - y;
        b.way[2] += closest[2] - z;
      } else if (tip && d < tip.d) {
        tip.i = i;
        tip.d = d;
        tip.c = [closest[0], closest[1], closest[2]];
      }
    }
    // Each buried link leaves rigidly along one direction (see exitMove), its inside points moved
    // together to `margin` past where the object ends along it.
    for (const [li, b] of buried) {
      const move = exitMove(surface, world, b, [frames[li][12], frames[li][13], frames[li][14]]);
      if (!move) continue;
      const s = move.travel + margin;
      for (let k = 0; k < b.pts.length; k += 5) {
        const i = b.pts[k];
        const l = points.local;
        add(li, l[3 * i], l[3 * i + 1], l[3 * i + 2], world[3 * i] + s * move.u[0], world[3 * i + 1] + s * move.u[1], world[3 * i + 2] + s * move.u[2], 1);
      }
    }
    let gapSum = 0;
    for (const tip of nearest.values()) {
      gapSum += tip.d;
      // Pulls wait until nothing is deeper than the margin: a fingertip pressed onto the surface
      // would otherwise hold its own finger's buried links in.
      if (depth <= margin && tip.d > TOUCH && tip.d <= reach) {
        const i = tip.i;
        // Weighed as if all the link's points pulled: one point alone would lose to the link's hold.
        const li = points.link[i];
        add(li, points.local[3 * i], points.local[3 * i + 1], points.local[3 * i + 2], tip.c[0], tip.c[1], tip.c[2], points.byLink.get(li)!.length);
      }
    }
    const active = link.length;
    // The hold: every link's point centroid and three axis anchors stay where they are, weighted
    // by the link's share of the points so a big link resists as much as its points would.
    for (const { li, anchors, w } of held) {
      const m = frames[li];
      for (let k = 0; k < anchors.length; k += 3) {
        const lx = anchors[k],
          ly = anchors[k + 1],
          lz = anchors[k + 2];
        add(li, lx, ly, lz, m[0] * lx + m[4] * ly + m[8] * lz + m[12], m[1] * lx + m[5] * ly + m[9] * lz + m[13], m[2] * lx + m[6] * ly + m[10] * lz + m[14], w);
      }
    }
    const tipGap = nearest.size ? gapSum / nearest.size : 0;
    return {
      depth,
      tipGap,
      active,
      targets: { link: Int32Array.from(link), local: Float64Array.from(local), target: Float64Array.from(target), weight: Float64Array.from(weight) },
    };
  };

  // How far from an accepted grasp: depth and fingertip gap, each over its threshold, summed (the
  // worse of the two alone would ignore a deep link while some finger is far off).
  const score = (e: Evaluation) => e.depth / ACCEPT_DEPTH + e.tipGap / ACCEPT_GAP;
  let config = start;
  let e = evaluate(config);
  const before = e;
  let best = { config, e };
  let round = 0;
  let bestRound = 0;
  for (; round < rounds && round - bestRound < patience; round++) {
    if (e.active === 0) break;
    opts.signal?.throwIfAborted();
    config = solveIk(tree, e.targets, config, { maxIterations: opts.iterations ?? 10, snapRoot: false, maxStep: 0.1 }).config;
    e = evaluate(config);
    if (score(e) < score(best.e) - PROGRESS) bestRound = round + 1;
    if (score(e) < score(best.e)) best = { config, e };
  }
  return { config: best.config, rounds: round, depthBefore: before.depth, depthAfter: best.e.depth, tipGapBefore: before.tipGap, tipGapAfter: best.e.tipGap };
}

/**
 * Which way one buried link should leave the object, and how far. Pushing each point to its own
 * nearest surface would pull a link through a handle both ways at once, so the link moves as one:
 * along the candidate (the sum of its points' ways out, the way out of one of its deepest points,
 * or back towards its joint, favoured by JOINT_BIAS) that gets its deepest points out with the
 * shortest move, measured by casting rays.
 */
function exitMove(surface: ObjectSurface, world: Float64Array, b: { pts: number[]; way: number[] }, joint: number[]): { u: number[]; travel: number } | null {
  const { pts, way } = b;
  const n = pts.length / 5;
  const probe = Array.from({ length: n }, (_, k) => k)
    .sort((a, c) => pts[5 * c + 1] - pts[5 * a + 1])
    .slice(0, PROBES);
  const candidates: number[][] = [way];
  for (const k of probe.slice(0, CANDIDATES)) {
    const i = pts[5 * k];
    candidates.push([pts[5 * k + 2] - world[3 * i], pts[5 * k + 3] - world[3 * i + 1], pts[5 * k + 4] - world[3 * i + 2]]);
  }
  const c0 = [0, 0, 0];
  for (const k of probe) for (let d = 0; d < 3; d++) c0[d] += world[3 * pts[5 * k] + d] / probe.length;
  const toJoint = [joint[0] - c0[0], joint[1] - c0[1], joint[2] - c0[2]];
  candidates.push(toJoint);
  let best: { u: number[]; travel: number; score: number } | null = null;
  for (const c of candidates) {
    const len = Math.hypot(c[0], c[1], c[2]);
    if (!(len > 0)) continue;
    const u = [c[0] / len, c[1] / len, c[2] / len];
    // A candidate is judged by its travel, the joint's divided by its bias.
    const bias = c === toJoint ? JOINT_BIAS : 1;
    let travel = 0;
    for (const k of probe) {
      const i = pts[5 * k];
      travel = Math.max(travel, surface.exit(world[3 * i], world[3 * i + 1], world[3 * i + 2], u[0], u[1], u[2]));
      if (best && travel / bias >= best.score) break;
    }
    if (Number.isFinite(travel) && (!best || travel / bias < best.score)) best = { u, travel, score: travel / bias };
  }
  return best;
}

/** Tree link indices whose points stand for each fingertip (the links disjoint_distance measures). */
export function fingertipPointLinks(tree: KinematicTree, points: RobotPointSet, fingertips: readonly string[]): number[] {
  const withPoints = new Set([...points.byLink.keys()].map((li) => tree.links[li]));
  const out = new Set<number>();
  for (const tip of fingertips) {
    const li = tree.linkIndex.get(geometryLinkFor(tree, tip, withPoints));
    if (li !== undefined && points.byLink.has(li)) out.add(li);
  }
  return [...out];
}
