import { describe, expect, it } from 'vitest';
import { meshVolume } from '../../mesh/meshMeasures';
import { meshBounds } from '../../mesh/triMesh';
import { SAMPLE_CATEGORIES, makeObject } from './index';
import { NOISE_RMS_RANGE, SCALE_RANGE, THIN_PARTS, reconstructionVariants } from './reconstruct';
import { vertexNormals } from './vertexNormals';

describe.each(SAMPLE_CATEGORIES)('reconstructionVariants(%s)', (category) => {
  const ref = makeObject(category);
  const variants = reconstructionVariants(category, 11);
  const byKind = (k: string) => {
    const v = variants.find((x) => x.kind === k);
    expect(v, k).toBeDefined();
    return v!;
  };

  it('noise: same topology, displacement along normals with RMS in range', () => {
    const v = byKind('noise');
    expect(Array.from(v.mesh.indices)).toEqual(Array.from(ref.mesh.indices));
    const normals = vertexNormals(ref.mesh);
    const a = ref.mesh.positions,
      b = v.mesh.positions;
    let ss = 0,
      maxSideways = 0,
      moved = 0;
    for (let i = 0; i < a.length; i += 3) {
      const d = [b[i] - a[i], b[i + 1] - a[i + 1], b[i + 2] - a[i + 2]];
      const len2 = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
      ss += len2;
      if (len2 > 1e-12) moved++;
      // |d x n|: the part of the displacement not along the normal (cross product avoids cancellation)
      const n = [normals[i], normals[i + 1], normals[i + 2]];
      const side = Math.hypot(d[1] * n[2] - d[2] * n[1], d[2] * n[0] - d[0] * n[2], d[0] * n[1] - d[1] * n[0]);
      maxSideways = Math.max(maxSideways, side);
    }
    const rms = Math.sqrt(ss / (a.length / 3));
    expect(rms).toBeGreaterThanOrEqual(NOISE_RMS_RANGE[0] * 0.999);
    expect(rms).toBeLessThanOrEqual(NOISE_RMS_RANGE[1] * 1.001);
    expect(rms).toBeCloseTo(v.noiseRms!, 5);
    expect(maxSideways).toBeLessThan(1e-7); // float32 rounding only
    expect(moved / (a.length / 3)).toBeGreaterThan(0.95);
  });

  it('scale: bounding box scaled by the recorded factor', () => {
    const v = byKind('scale');
    const f = v.scaleFactor!;
    expect(f).toBeGreaterThanOrEqual(SCALE_RANGE[0]);
    expect(f).toBeLessThanOrEqual(SCALE_RANGE[1]);
    expect(Math.abs(f - 1)).toBeGreaterThanOrEqual(0.05);
    expect(v.detail).toContain(f.toFixed(3));
    const rb = meshBounds(ref.mesh),
      vb = meshBounds(v.mesh);
    for (let k = 0; k < 3; k++) {
      expect(vb.max[k]).toBeCloseTo(rb.max[k] * f, 6);
      expect(vb.min[k]).toBeCloseTo(rb.min[k] * f, 6);
    }
    expect(meshVolume(v.mesh) / meshVolume(ref.mesh)).toBeCloseTo(f ** 3, 4);
  });

  it('missing_part: a named thin part is gone, with fewer triangles and less volume', () => {
    const v = byKind('missing_part');
    const dropped = v.missingParts!;
    expect(THIN_PARTS[category].map((g) => g.join('+'))).toContain(dropped.join('+'));
    for (const name of dropped) expect(v.detail).toContain(name);
    const droppedTris = ref.parts.filter((p) => dropped.includes(p.name)).reduce((s, p) => s + p.mesh.indices.length / 3, 0);
    expect(droppedTris).toBeGreaterThan(0);
    expect(v.mesh.indices.length / 3).toBe(ref.mesh.indices.length / 3 - droppedTris);
    expect(meshVolume(v.mesh)).toBeLessThan(meshVolume(ref.mesh));
  });

  it('is deterministic in the seed', () => {
    const again = reconstructionVariants(category, 11);
    const other = reconstructionVariants(category, 12);
    again.forEach((v, i) => {
      expect(v.detail).toBe(variants[i].detail);
      expect(Buffer.from(v.mesh.positions.buffer).equals(Buffer.from(variants[i].mesh.positions.buffer))).toBe(true);
    });
    expect(Buffer.from(other[0].mesh.positions.buffer).equals(Buffer.from(variants[0].mesh.positions.buffer))).toBe(false);
  });
});

describe('missing-part choice', () => {
  it('covers every listed failure across seeds for categories with several', () => {
    for (const category of ['syringe', 'tongs'] as const) {
      const seen = new Set<string>();
      for (let seed = 0; seed < 30; seed++) {
        seen.add(
          reconstructionVariants(category, seed)
            .find((v) => v.kind === 'missing_part')!
            .missingParts!.join('+'),
        );
      }
      expect(seen.size).toBe(THIN_PARTS[category].length);
    }
  });
});
