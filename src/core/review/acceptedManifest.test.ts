import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadedDataset } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { FORMAT_V1, graspSchema, manifestSchema } from '../dataset/schema';
import { acceptedManifest } from './acceptedManifest';
import { relativeUrl } from './relativeUrl';
import { withRegion } from '../affordance/datasetRegions';

const root = { position: [0, 0, 0.1], quaternion: [0, 0, 0, 1] };
const grasp = (id: string, object: string, hand: string, extra: object = {}) => ({ id, object, hand, root, joints: { j1: 0.1 }, ...extra });

const base = 'https://data.org/sets/v1/';
const files: Record<string, string> = {
  [`${base}manifest.json`]: JSON.stringify({
    format: FORMAT_V1,
    name: 'web grasps',
    description: 'demo',
    hands: { shadow: { urdf: '../../hands/shadow/hand.urdf' }, leap: { builtin: 'leaphand' } },
    objects: {
      mug: { mesh: 'objects/my mug.obj', category: 'mug', avoid: { file: 'regions/mug.json', label: 'rim' }, parts: 'objects/mug.parts.json' },
      ball: { mesh: 'https://cdn.other.org/mesh/ball.obj', category: 'ball', avoid: { points: [[0, 0, 0.04]], source: 'naa' } },
      unused: { mesh: 'objects/unused.obj', category: 'box' },
    },
    grasps: [grasp('g1', 'mug', 'shadow', { reconstruction: { mesh: 'recon/g1.obj' }, mano: { mesh: 'mano/g1.obj' }, meta: { src: 'clip 1' } })],
    shards: ['shards/part1.jsonl'],
  }),
  [`${base}shards/part1.jsonl`]: [
    grasp('g2', 'ball', 'leap', { reconstruction: { mesh: 'recon/g2.obj' } }),
    grasp('g3', 'mug', 'shadow', { reconstruction: { mesh: '../recon/g3.obj?v=2' } }),
    grasp('g4', 'unused', 'leap'),
  ]
    .map((g) => JSON.stringify(g))
    .join('\n'),
};

async function load(url: string, extra: Record<string, string> = {}): Promise<LoadedDataset> {
  return loadDataset(url, memoryIO({ ...files, ...extra }));
}

/** What a grasp's files resolve to, by id. */
function resolved(ds: LoadedDataset) {
  return Object.fromEntries(
    ds.grasps.map((g) => [g.id, { object: ds.objects[g.object].meshUrl, hand: ds.hands[g.hand].urdfUrl ?? null, recon: g.reconstructionUrl ?? null, mano: g.manoMeshUrl ?? null }]),
  );
}

describe('accepted subset manifest', () => {
  it('a region edited in the studio (inline, replacing a file) is in the export and there when the export is opened', async () => {
    const ds = withRegion(await load(`${base}manifest.json`), 'mug', {
      points: [
        [0.01, 0, 0.05],
        [0.012, 0, 0.05],
      ],
      label: 'rim',
      source: 'manual',
    });
    const target = 'https://data.org/curated/accepted.json';
    const out = acceptedManifest(ds, ['g1'], { target });
    expect(out.manifest.objects.mug.avoid).toEqual({
      points: [
        [0.01, 0, 0.05],
        [0.012, 0, 0.05],
      ],
      label: 'rim',
      source: 'manual',
    });
    const again = await load(target, { [target]: out.json });
    expect(again.objects.mug.spec.avoid).toEqual(out.manifest.objects.mug.avoid);
    expect(again.objects.mug.avoidUrl).toBeUndefined();
  });

  it('keeps only accepted grasps and the hands/objects they use, with paths that resolve from the new folder', async () => {
    const ds = await load(`${base}manifest.json`);
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const target = 'https://data.org/curated/accepted.json';
    const out = acceptedManifest(ds, ['g3', 'g1', 'g2', 'nope'], { target, createdAt: new Date('2025-03-01T00:00:00Z') });
    expect(out.missing).toEqual(['nope']);
    const m = out.manifest;
    expect(manifestSchema.safeParse(m).success).toBe(true);
    for (const g of m.grasps) expect(graspSchema.safeParse(g).success).toBe(true);
    expect(m.grasps.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(Object.keys(m.objects).sort()).toEqual(['ball', 'mug']);
    expect(Object.keys(m.hands).sort()).toEqual(['leap', 'shadow']);
    expect(m.hands.shadow).toEqual({ urdf: '../hands/shadow/hand.urdf' });
    expect(m.hands.leap).toEqual({ builtin: 'leaphand' });
    expect(m.objects.mug.mesh).toBe('../sets/v1/objects/my mug.obj');
    expect(m.objects.ball.mesh).toBe('https://cdn.other.org/mesh/ball.obj');
    // Negative-affordance regions travel: inline points as they are, files and part labels re-pointed.
    expect(m.objects.mug.avoid).toEqual({ file: '../sets/v1/regions/mug.json', label: 'rim' });
    expect(m.objects.mug.parts).toBe('../sets/v1/objects/mug.parts.json');
    expect(m.objects.ball.avoid).toEqual({ points: [[0, 0, 0.04]], source: 'naa' });
    expect(m.grasps[1].reconstruction!.mesh).toBe('../sets/v1/shards/recon/g2.obj');
    expect(m.grasps[2].reconstruction!.mesh).toBe('../sets/v1/recon/g3.obj?v=2');
    expect(m.grasps[0].meta).toEqual({ src: 'clip 1' });
    expect(JSON.stringify(m.grasps)).not.toMatch(/source|reconstructionUrl|manoMeshUrl/);
    expect(m.meta).toMatchObject({ derivedFrom: { dataset: 'web grasps', manifest: '../sets/v1/manifest.json' }, accepted: 3 });

    // Saved at the target, the new manifest loads and every file resolves to the same URL as before.
    const again = await load(target, { [target]: out.json });
    // The new manifest refers back to the original files: warnings (outside its folder, other host), no errors.
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(again.issues.map((i) => i.message).join('\n')).toMatch(/lies outside the dataset's folder[\s\S]*fetched from another host \(cdn\.other\.org\)/);
    const before = resolved(ds);
    expect(resolved(again)).toEqual({ g1: before.g1, g2: before.g2, g3: before.g3 });
  });

  it('writes absolute URLs when the new manifest is on another origin, and accepts a folder target', async () => {
    const ds = await load(`${base}manifest.json`);
    const target = 'file:///home/ana/curated/';
    const out = acceptedManifest(ds, ['g1'], { target, name: 'mugs only' });
    expect(out.manifest.name).toBe('mugs only');
    expect(out.manifest.objects.mug.mesh).toBe('https://data.org/sets/v1/objects/my%20mug.obj');
    const again = await load(`${target}manifest.json`, { [`${target}manifest.json`]: out.json });
    expect(resolved(again).g1).toEqual(resolved(ds).g1);
  });
});

describe('relativeUrl', () => {
  it('relates URLs on one origin and leaves others absolute', () => {
    expect(relativeUrl('https://a.org/x/y/m.json', 'https://a.org/x/y/mesh.obj')).toBe('mesh.obj');
    expect(relativeUrl('https://a.org/x/y/m.json', 'https://a.org/x/z/w/mesh.obj')).toBe('../z/w/mesh.obj');
    expect(relativeUrl('https://a.org/m.json', 'https://a.org/x/mesh.obj#frag')).toBe('x/mesh.obj#frag');
    expect(relativeUrl('https://a.org/m.json', 'http://a.org/mesh.obj')).toBe('http://a.org/mesh.obj');
    expect(relativeUrl('https://a.org/m.json', 'https://b.org/mesh.obj')).toBe('https://b.org/mesh.obj');
    expect(relativeUrl('https://a.org/m.json', 'blob:https://a.org/123')).toBe('blob:https://a.org/123');
    expect(relativeUrl('file:///d/m.json', 'file:///d/c%3Amesh.obj')).toBe('./c:mesh.obj');
    expect(relativeUrl('file:///d/m.json', 'file:///d/a%2Fb.obj')).toBe('a%2Fb.obj');
    expect(relativeUrl('out/m.json', 'data/mesh.obj')).toBe('../data/mesh.obj');
  });

  it('round-trips through URL resolution', () => {
    const from = 'https://h.org/a/b/c/new.json';
    for (const to of ['https://h.org/a/b/c/d.obj', 'https://h.org/x.obj', 'https://h.org/a/q/r%20s.obj?x=1', 'https://h.org/a/b/c/', 'https://other.org/z.obj']) {
      expect(new URL(relativeUrl(from, to), from).href).toBe(to);
    }
  });
});
