import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHandModel } from './handModel';
import { poseHand } from './poseHand';
import { readFileBytes, realHandsAvailable, REAL_URDFS } from './realHandAssets.testutil';

const available = realHandsAvailable('real ShadowHand with OBJ meshes');

/** Links with a <visual> that holds a <mesh>, read straight from the URDF text. */
function linksWithVisualMesh(urdf: string): string[] {
  const out: string[] = [];
  for (const m of urdf.matchAll(/<link name="([^"]+)"\s*>([\s\S]*?)<\/link>/g)) {
    if (/<visual>[\s\S]*?<mesh [\s\S]*?<\/visual>/.test(m[2])) out.push(m[1]);
  }
  return out;
}

describe.skipIf(!available)('real ShadowHand with its OBJ meshes', () => {
  it('gives every link with a visual mesh a non-empty TriMesh in meters', async () => {
    const urdf = fs.readFileSync(REAL_URDFS.shadowhand, 'utf8');
    const t0 = performance.now();
    const model = await loadHandModel(urdf, { urdfUrl: REAL_URDFS.shadowhand, fetchBytes: readFileBytes });
    console.log(`real ShadowHand visual meshes loaded in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(model.errors).toEqual([]);
    const expected = linksWithVisualMesh(urdf);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const link of expected) {
      const parts = model.parts.visual!.filter((p) => p.link === link);
      expect(parts.length, link).toBeGreaterThan(0);
      for (const p of parts) {
        expect(p.mesh.indices.length, link).toBeGreaterThan(0);
        // scale 0.001 is baked in: no hand part is bigger than 30 cm
        const pos = p.mesh.positions;
        let maxAbs = 0;
        for (let i = 0; i < pos.length; i++) maxAbs = Math.max(maxAbs, Math.abs(pos[i]));
        expect(maxAbs, link).toBeLessThan(0.3);
      }
    }
    const posed = poseHand(model, { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, { FFJ3: 0.5 });
    expect(posed.parts.length).toBe(model.parts.visual!.length);
    expect(posed.fingertips.find((t) => t.name === 'fftip')?.geometryLink).toBe('ffdistal');
  });
});
