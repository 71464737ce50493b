import { describe, expect, it } from 'vitest';
import { meshBounds } from '../mesh/triMesh';
import { loadHandModel } from './handModel';
import { poseHand } from './poseHand';

// Unit tetrahedron as ASCII STL (in millimetres, as CAD exports often are).
const STL = `solid t
facet normal 0 0 -1
outer loop
vertex 0 0 0
vertex 0 10 0
vertex 10 0 0
endloop
endfacet
facet normal 0 -1 0
outer loop
vertex 0 0 0
vertex 10 0 0
vertex 0 0 10
endloop
endfacet
facet normal -1 0 0
outer loop
vertex 0 0 0
vertex 0 0 10
vertex 0 10 0
endloop
endfacet
facet normal 1 1 1
outer loop
vertex 10 0 0
vertex 0 10 0
vertex 0 0 10
endloop
endfacet
endsolid t
`;

const URDF = `<?xml version="1.0"?>
<robot name="toy">
  <link name="base">
    <visual><origin xyz="0.1 0 0" rpy="0 0 0"/><geometry><mesh filename="meshes/tet.stl" scale="0.001 0.001 0.001"/></geometry></visual>
    <collision><geometry><cylinder radius="0.01" length="0.05"/></geometry></collision>
  </link>
  <link name="finger">
    <visual><geometry><mesh filename="package://toy_pkg/meshes/tet.stl" scale="0.002 0.002 0.002"/></geometry></visual>
    <visual><geometry><mesh filename="meshes/missing.obj"/></geometry></visual>
  </link>
  <link name="tip"/>
  <joint name="j1" type="revolute">
    <parent link="base"/><child link="finger"/>
    <origin xyz="0 0 0.05" rpy="0 0 0"/><axis xyz="1 0 0"/>
    <limit lower="-1" upper="1" effort="1" velocity="1"/>
  </joint>
  <joint name="tipj" type="fixed"><parent link="finger"/><child link="tip"/><origin xyz="0 0 0.03"/></joint>
</robot>`;

const files: Record<string, string> = { '/toy/urdf/meshes/tet.stl': STL };
const fetched: string[] = [];
const fetchBytes = async (url: string) => {
  fetched.push(url);
  if (!(url in files)) throw new Error('404');
  return new TextEncoder().encode(files[url]).buffer as ArrayBuffer;
};

describe('loadHandModel', () => {
  it('loads meshes relative to the URDF, bakes scale, and lists missing files without failing', async () => {
    const model = await loadHandModel(URDF, { urdfUrl: '/toy/urdf/toy.urdf', fetchBytes, geometry: 'both' });
    expect(model.rootLink).toBe('base');
    expect(model.joints.map((j) => j.name)).toEqual(['j1']);
    expect(model.joints[0]).toMatchObject({ parent: 'base', child: 'finger', lower: -1, upper: 1, axis: [1, 0, 0] });
    expect(model.fingertips).toEqual(['tip']);
    expect(model.errors).toHaveLength(1);
    expect(model.errors[0]).toMatch(/meshes\/missing\.obj/);
    // package:// tried next to the URDF first
    expect(fetched).toContain('/toy/urdf/meshes/tet.stl');

    const vis = model.parts.visual!;
    expect(vis.map((p) => p.link)).toEqual(['base', 'finger']);
    const baseSize = meshBounds(vis[0].mesh).max[0] - meshBounds(vis[0].mesh).min[0];
    const fingerSize = meshBounds(vis[1].mesh).max[0] - meshBounds(vis[1].mesh).min[0];
    expect(baseSize).toBeCloseTo(0.01, 6);
    expect(fingerSize).toBeCloseTo(0.02, 6);
    expect(vis[0].offset[12]).toBeCloseTo(0.1, 12);

    const col = model.parts.collision!;
    expect(col).toHaveLength(1);
    const b = meshBounds(col[0].mesh);
    expect(b.max[2] - b.min[2]).toBeCloseTo(0.05, 6);
  });

  it('poses parts as link matrix times offset', async () => {
    const model = await loadHandModel(URDF, { urdfUrl: '/toy/urdf/toy.urdf', fetchBytes });
    expect(model.parts.collision).toBeNull();
    expect(() => poseHand(model, { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, {}, 'collision')).toThrow(/collision geometry was not loaded/);
    const posed = poseHand(model, { position: [1, 0, 0], quaternion: [0, 0, 0, 1] }, { j1: Math.PI / 2 });
    // asked for 90° about x, clamped to the 1 rad limit: the tip swings from +z towards -y
    expect(posed.fingertips[0].position[0]).toBeCloseTo(1, 12);
    expect(posed.fingertips[0].position[1]).toBeCloseTo(-0.03 * Math.sin(1), 12);
    expect(posed.fingertips[0].position[2]).toBeCloseTo(0.05 + 0.03 * Math.cos(1), 12);
    expect(posed.fingertips[0].geometryLink).toBe('finger');
    expect(posed.report.clamped).toEqual([{ joint: 'j1', value: Math.PI / 2, clampedTo: 1 }]);
    const basePart = posed.parts.find((p) => p.link === 'base')!;
    expect(basePart.matrix[12]).toBeCloseTo(1.1, 12);
  });

  it('rejects a URDF whose joints name undefined links, naming the file', async () => {
    const bad = URDF.replace('<child link="finger"/>', '<child link="nope"/>');
    await expect(loadHandModel(bad, { urdfUrl: 'bad.urdf', fetchBytes })).rejects.toThrow(/bad\.urdf.*nope/);
  });
});
