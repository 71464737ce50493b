import { describe, expect, it } from 'vitest';
import { loadHandModel } from '../hands/handModel';
import { parseMeshAsync, MeshParseError } from '../mesh/parseMesh';
import { UrdfError } from './urdfError';

const none = async (): Promise<ArrayBuffer> => {
  throw new Error('no meshes here');
};
const link = (n: string) => `<link name="${n}"/>`;
const joint = (n: string, p: string, c: string, extra = '') =>
  `<joint name="${n}" type="revolute"><parent link="${p}"/><child link="${c}"/><axis xyz="1 0 0"/><limit lower="0" upper="1" effort="1" velocity="1"/>${extra}</joint>`;
const robot = (body: string) => `<robot name="r">${body}</robot>`;

async function urdfError(text: string): Promise<string> {
  const e = await loadHandModel(text, { urdfUrl: 'https://h.test/hands/r.urdf', fetchBytes: none }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UrdfError);
  return (e as Error).message;
}

describe('hostile URDFs fail fast, naming the URDF file', () => {
  it('cycles, missing roots and mimic loops', async () => {
    expect(await urdfError(robot(link('a') + link('b') + link('c') + joint('j1', 'a', 'b') + joint('j2', 'b', 'c') + joint('j3', 'c', 'b')))).toBe(
      "https://h.test/hands/r.urdf: link 'b' is the child of more than one joint (j1, j3): the joints form a cycle or a graph, not a tree",
    );
    expect(await urdfError(robot(link('a') + link('b') + joint('j1', 'a', 'b') + joint('j2', 'b', 'a')))).toBe(
      'https://h.test/hands/r.urdf: no root link: every link is the child of a joint (the joints form a cycle)',
    );
    expect(await urdfError(robot(link('a') + link('b') + link('c') + joint('j1', 'a', 'b', '<mimic joint="j2"/>') + joint('j2', 'b', 'c', '<mimic joint="j1"/>')))).toMatch(
      /^https:\/\/h\.test\/hands\/r\.urdf: mimic joints form a cycle/,
    );
    expect(await urdfError(robot(link('a') + link('b') + joint('j1', 'a', 'b', '<mimic joint="nope"/>')))).toBe(
      "https://h.test/hands/r.urdf: joint 'j1' mimics joint 'nope' that is not defined",
    );
  });

  it('100,000 nested elements and too many elements', async () => {
    expect(await urdfError(robot(link('a') + '<x>'.repeat(100_000) + '</x>'.repeat(100_000)))).toBe(
      'https://h.test/hands/r.urdf: XML elements nested more than 64 levels deep (limit 64)',
    );
    expect(await urdfError(robot(link('a') + '<x/>'.repeat(200_001)))).toMatch(/more than 200,000 XML elements/);
  });

  it('prototype names: "constructor" works as a link name, "__proto__" is refused', async () => {
    const ok = await loadHandModel(robot(link('constructor') + link('toString') + joint('hasOwnProperty', 'constructor', 'toString')), { urdfUrl: 'r.urdf', fetchBytes: none });
    expect(ok.links).toEqual(['constructor', 'toString']);
    expect(ok.joints.map((j) => j.name)).toEqual(['hasOwnProperty']);
    expect(await urdfError(robot(link('a') + link('__proto__') + joint('j', 'a', '__proto__')))).toMatch(/link name '__proto__' is not supported/);
  });
});

describe('hostile meshes', () => {
  it('an OBJ face with 200,000 indices is refused at once', async () => {
    const obj = `v 0 0 0\nv 1 0 0\nv 0 1 0\nf ${Array.from({ length: 200_000 }, (_, i) => (i % 3) + 1).join(' ')}\n`;
    const e = await parseMeshAsync(new TextEncoder().encode(obj).buffer as ArrayBuffer, 'big.obj').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MeshParseError);
    expect((e as Error).message).toBe('big.obj: line 4: face with 200,000 vertices (limit 1,024)');
  });

  it('glTF JSON with meshes[0] = null, buffers = "NaN" or a missing scene list', async () => {
    const gltf = (json: object) => new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, ...json })).buffer as ArrayBuffer;
    await expect(parseMeshAsync(gltf({ meshes: [null] }), 'a.gltf')).rejects.toThrow('a.gltf: invalid glTF JSON: meshes.0: Invalid input: expected object, received null');
    await expect(parseMeshAsync(gltf({ buffers: 'NaN' }), 'a.gltf')).rejects.toThrow('a.gltf: invalid glTF JSON: buffers: Invalid input: expected array, received string');
    await expect(parseMeshAsync(gltf({}), 'a.gltf')).rejects.toThrow('a.gltf: glTF has no scenes and no nodes: nothing to show');
    await expect(parseMeshAsync(gltf({ nodes: [{ mesh: 3 }] }), 'a.gltf')).rejects.toThrow('a.gltf: invalid glTF JSON: nodes.0.mesh refers to mesh 3, but the file has 0');
  });
});
