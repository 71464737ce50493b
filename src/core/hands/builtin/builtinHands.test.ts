import { Box3, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import { isClosedMesh } from '../../mesh/meshTopology';
import { meshBounds } from '../../mesh/triMesh';
import type { HandModel } from '../handModel';
import { fingertipPositions, poseHand } from '../poseHand';
import type { RootPose, Vec3 } from '../types';
import { BUILTIN_HAND_IDS, BUILTIN_HAND_URDF, builtinHandJoints, builtinHandSpec, loadBuiltinHand } from './builtinHands';

const IDENTITY: RootPose = { position: [0, 0, 0], quaternion: [0, 0, 0, 1] };

const SHADOW_JOINTS = [
  'WRJ2',
  'WRJ1',
  'FFJ4',
  'FFJ3',
  'FFJ2',
  'FFJ1',
  'MFJ4',
  'MFJ3',
  'MFJ2',
  'MFJ1',
  'RFJ4',
  'RFJ3',
  'RFJ2',
  'RFJ1',
  'LFJ5',
  'LFJ4',
  'LFJ3',
  'LFJ2',
  'LFJ1',
  'THJ5',
  'THJ4',
  'THJ3',
  'THJ2',
  'THJ1',
];

/** A point expressed in a link frame (inverse of the link's object-frame matrix). */
function inFrame(m: ArrayLike<number>, p: Vec3): Vector3 {
  return new Vector3(...p).applyMatrix4(new Matrix4().fromArray(Array.from(m)).invert());
}

let shadow: HandModel;
let leap: HandModel;
beforeAll(async () => {
  shadow = await loadBuiltinHand('shadowhand');
  leap = await loadBuiltinHand('leaphand');
});

describe('built-in hands: joints', () => {
  it('ShadowHand has the 24 joints of the real hand with its limits', () => {
    expect(shadow.errors).toEqual([]);
    expect(shadow.rootLink).toBe('world');
    expect(shadow.joints.map((j) => j.name)).toEqual(SHADOW_JOINTS);
    const ffj3 = shadow.joints.find((j) => j.name === 'FFJ3')!;
    expect(ffj3.lower).toBeCloseTo(-0.2618, 4);
    expect(ffj3.upper).toBeCloseTo(1.5708, 4);
    expect(shadow.joints.find((j) => j.name === 'THJ5')).toMatchObject({ parent: 'palm', child: 'thbase', axis: [0, 0, -1] });
    expect(shadow.fingertips).toEqual(['fftip', 'mftip', 'rftip', 'lftip', 'thtip']);
  });

  it('LEAP has joints "0".."15" about -z and its four tip frames', () => {
    expect(leap.errors).toEqual([]);
    expect(leap.rootLink).toBe('base');
    expect(leap.joints.map((j) => j.name)).toEqual(Array.from({ length: 16 }, (_, i) => String(i)));
    for (const j of leap.joints) expect(j.axis).toEqual([0, 0, -1]);
    expect(leap.joints.find((j) => j.name === '13')).toMatchObject({ lower: -0.47, upper: 2.443 });
    expect(leap.fingertips).toEqual(['index_tip_head', 'middle_tip_head', 'ring_tip_head', 'thumb_tip_head']);
  });

  it('builtinHandJoints (no parsing) agrees with the parsed model', () => {
    expect(builtinHandJoints('shadowhand')).toEqual(shadow.joints);
    expect(builtinHandJoints('leaphand')).toEqual(leap.joints);
  });
});

describe('built-in hands: URDF round trip', () => {
  for (const id of BUILTIN_HAND_IDS) {
    it(`${id}: spec -> XML -> parsed equals the spec`, async () => {
      const spec = builtinHandSpec(id);
      const model = id === 'shadowhand' ? shadow : leap;
      expect(BUILTIN_HAND_URDF(id)).toContain(`<robot name="${spec.robotName}">`);
      expect(model.name).toBe(spec.robotName);
      expect(model.rootLink).toBe(spec.rootLink);
      expect([...model.links].sort()).toEqual(Object.keys(spec.links).sort());
      const tree = model.kinematics;
      expect(tree.joints.map((j) => j.name).sort()).toEqual(spec.joints.map((j) => j.name).sort());
      for (const js of spec.joints) {
        const j = tree.joints.find((k) => k.name === js.name)!;
        expect([j.type, j.parent, j.child]).toEqual([js.type, js.parent, js.child]);
        if (js.type === 'revolute') {
          expect(j.axis).toEqual(js.axis);
          expect([j.lower, j.upper]).toEqual([js.lower, js.upper]);
        }
        const expected = new Matrix4().compose(new Vector3(...js.xyz), new Quaternion().setFromEuler(new Euler(js.rpy[0], js.rpy[1], js.rpy[2], 'ZYX')), new Vector3(1, 1, 1));
        expected.elements.forEach((v, k) => expect(j.origin[k]).toBeCloseTo(v, 12));
      }
      for (const kind of ['visual', 'collision'] as const) {
        for (const [link, shapes] of Object.entries(spec.links)) {
          expect(model.parts[kind]!.filter((p) => p.link === link)).toHaveLength(shapes.length);
        }
      }
    });
  }
});

describe('built-in hands: geometry', () => {
  it('every part is a non-empty closed mesh, and every finger segment has geometry', () => {
    for (const model of [shadow, leap]) {
      for (const part of [...model.parts.visual!, ...model.parts.collision!]) {
        expect(part.mesh.indices.length).toBeGreaterThan(0);
        expect(isClosedMesh(part.mesh)).toBe(true);
      }
    }
    const shadowLinks = new Set(shadow.parts.visual!.map((p) => p.link));
    for (const f of ['ff', 'mf', 'rf', 'lf']) for (const s of ['knuckle', 'proximal', 'middle', 'distal']) expect(shadowLinks.has(f + s)).toBe(true);
    const leapLinks = new Set(leap.parts.visual!.map((p) => p.link));
    for (const l of ['palm_lower', 'mcp_joint', 'pip', 'dip', 'fingertip', 'fingertip_3', 'thumb_pip', 'thumb_dip', 'thumb_fingertip']) expect(leapLinks.has(l)).toBe(true);
  });

  it('each fingertip frame lies within 3 mm of the bounds of a part of its geometry link', () => {
    for (const model of [shadow, leap]) {
      const posed = poseHand(model, IDENTITY, {});
      for (const tip of posed.fingertips) {
        const parts = posed.parts.filter((p) => p.link === tip.geometryLink);
        expect(parts.length).toBeGreaterThan(0);
        let best = Infinity;
        for (const part of parts) {
          const local = inFrame(part.matrix, tip.position);
          const b = meshBounds(part.mesh);
          const box = new Box3(new Vector3(...b.min), new Vector3(...b.max));
          best = Math.min(best, box.distanceToPoint(local));
        }
        expect(best, `${tip.name}`).toBeLessThan(0.012);
      }
    }
  });
});

describe('built-in hands: posing', () => {
  it('flexing FFJ2 moves fftip towards the palm side (-y of the palm frame) and down', () => {
    const straight = poseHand(shadow, IDENTITY, {});
    const bent = poseHand(shadow, IDENTITY, { FFJ2: 1.2 });
    const a = inFrame(straight.linkMatrices.palm, straight.fingertips[0].position);
    const b = inFrame(bent.linkMatrices.palm, bent.fingertips[0].position);
    expect(b.y).toBeLessThan(a.y - 0.02);
    expect(b.z).toBeLessThan(a.z - 0.02);
    // the proximal phalanx did not move
    expect(Array.from(bent.linkMatrices.ffproximal)).toEqual(Array.from(straight.linkMatrices.ffproximal));
  });

  it('flexing LEAP joint "1" curls the index tip to the palm side (-z of palm_lower)', () => {
    const a = poseHand(leap, IDENTITY, {});
    const b = poseHand(leap, IDENTITY, { '1': 1.0 });
    const pa = inFrame(a.linkMatrices.palm_lower, a.fingertips[0].position);
    const pb = inFrame(b.linkMatrices.palm_lower, b.fingertips[0].position);
    expect(pb.z).toBeLessThan(pa.z - 0.03);
  });

  it('the root pose moves the whole hand rigidly', () => {
    const q = new Quaternion().setFromEuler(new Euler(0.3, -0.7, 1.1));
    const root: RootPose = { position: [0.1, -0.2, 0.3], quaternion: [q.x, q.y, q.z, q.w] };
    const joints = { FFJ3: 0.4, THJ4: 0.8 };
    const at0 = fingertipPositions(shadow, IDENTITY, joints);
    const moved = fingertipPositions(shadow, root, joints);
    for (const name of shadow.fingertips) {
      const expected = new Vector3(...at0[name]).applyQuaternion(q).add(new Vector3(0.1, -0.2, 0.3));
      expected.toArray().forEach((v, k) => expect(moved[name][k]).toBeCloseTo(v, 12));
    }
  });
});

describe('built-in hands: pose report', () => {
  it('clamps out-of-limit values and reports them', () => {
    const posed = poseHand(shadow, IDENTITY, { FFJ2: 3, FFJ1: -1, FFJ3: 0.5 });
    expect(posed.report.clamped).toEqual([
      { joint: 'FFJ2', value: 3, clampedTo: 1.57079632679 },
      { joint: 'FFJ1', value: -1, clampedTo: 0 },
    ]);
    const atLimit = fingertipPositions(shadow, IDENTITY, { FFJ2: 1.57079632679, FFJ1: 0, FFJ3: 0.5 });
    expect(posed.fingertips[0].position).toEqual(atLimit.fftip);
  });

  it('reports unknown names and the movable joints a grasp left out', () => {
    const posed = poseHand(leap, IDENTITY, { '3': 0.2, index_flex: 1, '16': 0 });
    expect([...posed.report.unknown].sort()).toEqual(['16', 'index_flex']);
    expect(posed.report.missing).toHaveLength(15);
    expect(posed.report.missing).not.toContain('3');
  });

  it('treats NaN and Infinity as 0 and reports them as invalid', () => {
    const posed = poseHand(shadow, IDENTITY, { FFJ1: NaN, MFJ1: Infinity, RFJ1: 0.3 });
    expect(posed.report.invalid).toEqual(['FFJ1', 'MFJ1']);
    expect(posed.report.clamped).toEqual([]);
    const zero = fingertipPositions(shadow, IDENTITY, { FFJ1: 0, MFJ1: 0, RFJ1: 0.3 });
    expect(posed.fingertips[0].position).toEqual(zero.fftip);
    expect(posed.fingertips[1].position).toEqual(zero.mftip);
  });

  it('reports an unusable root pose and falls back to identity', () => {
    const posed = poseHand(shadow, { position: [NaN, 0, 0], quaternion: [0, 0, 0, 0] }, {});
    expect(posed.report.invalid).toEqual(['root.position', 'root.quaternion']);
    const ok = fingertipPositions(shadow, IDENTITY, {});
    expect(posed.fingertips[4].position).toEqual(ok.thtip);
  });
});
