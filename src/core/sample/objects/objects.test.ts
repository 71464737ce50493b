import { describe, expect, it } from 'vitest';
import { meshVolume } from '../../mesh/meshMeasures';
import { edgeStats, isClosedMesh } from '../../mesh/meshTopology';
import { meshBounds, type TriMesh } from '../../mesh/triMesh';
import { SAMPLE_CATEGORIES, makeObject, type SampleCategory } from './index';

/** Largest bounding-box extent of the real-world object, meters. */
const EXPECTED_LENGTH: Record<SampleCategory, number> = {
  power_drill: 0.23,
  pen: 0.14,
  microphone: 0.185,
  phone: 0.147,
  spray_bottle: 0.23,
  wine_glass: 0.2,
  tongs: 0.23,
  syringe: 0.165,
  mug: 0.115,
  sword: 0.9,
};

const REQUIRED_PARTS: Record<SampleCategory, string[]> = {
  power_drill: ['handle', 'body', 'chuck', 'trigger', 'battery'],
  pen: ['barrel', 'tip', 'clip', 'cap'],
  microphone: ['handle', 'head'],
  phone: ['body', 'camera_bump'],
  spray_bottle: ['body', 'neck', 'head', 'trigger'],
  wine_glass: ['foot', 'stem', 'bowl'],
  tongs: ['hinge', 'arm_left', 'arm_right'],
  syringe: ['barrel', 'flange', 'plunger', 'thumb_rest', 'needle'],
  mug: ['body', 'handle'],
  sword: ['blade', 'guard', 'grip', 'pommel'],
};

const extents = (m: TriMesh) => {
  const b = meshBounds(m);
  return [0, 1, 2].map((k) => b.max[k] - b.min[k]);
};

describe.each(SAMPLE_CATEGORIES)('makeObject(%s)', (category) => {
  const obj = makeObject(category);

  it('is closed with every part closed and outward (positive volume)', () => {
    expect(edgeStats(obj.mesh)).toEqual({ boundary: 0, nonManifold: 0, misoriented: 0 });
    for (const part of obj.parts) {
      expect(isClosedMesh(part.mesh), part.name).toBe(true);
      expect(meshVolume(part.mesh), part.name).toBeGreaterThan(0);
    }
    expect(meshVolume(obj.mesh)).toBeGreaterThan(0);
  });

  it('has real-world size with the origin at the bounding-box centre', () => {
    const e = extents(obj.mesh);
    const diag = Math.hypot(...e);
    expect(diag).toBeGreaterThan(0.08);
    expect(diag).toBeLessThan(1.1);
    const longest = Math.max(...e);
    expect(longest).toBeGreaterThan(EXPECTED_LENGTH[category] * 0.85);
    expect(longest).toBeLessThan(EXPECTED_LENGTH[category] * 1.15);
    const b = meshBounds(obj.mesh);
    for (let k = 0; k < 3; k++) expect(Math.abs(b.min[k] + b.max[k])).toBeLessThan(1e-6);
  });

  it('keeps to the triangle budget and names its functional parts', () => {
    const tris = obj.mesh.indices.length / 3;
    expect(tris).toBeGreaterThanOrEqual(2000);
    expect(tris).toBeLessThanOrEqual(6000);
    const names = obj.parts.map((p) => p.name);
    for (const required of REQUIRED_PARTS[category]) expect(names).toContain(required);
    expect(new Set(names).size).toBe(names.length);
    expect(obj.parts.reduce((s, p) => s + p.mesh.indices.length, 0)).toBe(obj.mesh.indices.length);
  });

  it('is deterministic to the byte', () => {
    const again = makeObject(category);
    expect(Buffer.from(again.mesh.positions.buffer).equals(Buffer.from(obj.mesh.positions.buffer))).toBe(true);
    expect(Buffer.from(again.mesh.indices.buffer).equals(Buffer.from(obj.mesh.indices.buffer))).toBe(true);
  });
});

describe('category shapes', () => {
  it('the mug has a real cavity: its volume is far below its filled bounding cylinder', () => {
    const body = makeObject('mug').parts.find((p) => p.name === 'body')!.mesh;
    const [w, h] = extents(body);
    const filled = Math.PI * (w / 2) ** 2 * h;
    expect(meshVolume(body) / filled).toBeLessThan(0.4);
    expect(meshVolume(body) / filled).toBeGreaterThan(0.15);
  });

  it('tongs open in a V: arms are further apart at the tips than at the hinge', () => {
    const o = makeObject('tongs');
    const tipL = meshBounds(o.parts.find((p) => p.name === 'tip_left')!.mesh);
    const tipR = meshBounds(o.parts.find((p) => p.name === 'tip_right')!.mesh);
    const hinge = meshBounds(o.parts.find((p) => p.name === 'hinge')!.mesh);
    expect(tipR.min[0] - tipL.max[0]).toBeGreaterThan(hinge.max[0] - hinge.min[0]);
    expect(hinge.min[1]).toBeGreaterThan(tipL.max[1]);
  });
});
