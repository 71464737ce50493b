import { describe, expect, it } from 'vitest';
import type { ResolvedGrasp } from '../dataset/loadDataset';
import { addressKey } from './addressKey';
import { resolveParams } from './params';

const ctx = {
  manifestUrl: 'https://data.org/set/manifest.json',
  hands: { shadow: { spec: { builtin: 'shadowhand' } as never } },
  objects: { mug: { spec: { mesh: 'mug.obj' } as never, meshUrl: 'https://data.org/set/mug.obj' } },
};
const g: ResolvedGrasp = { id: 'a', object: 'mug', hand: 'shadow', root: { position: [0, 0, 0.1], quaternion: [0, 0, 0, 1] }, joints: { j1: 0.2 }, source: 'x' };

describe('addressKey', () => {
  it('depends on the inputs, not on the grasp id', () => {
    const k = addressKey(g, ctx);
    expect(addressKey({ ...g, id: 'b' }, ctx)).toBe(k);
    expect(addressKey({ ...g, joints: { j1: 0.21 } }, ctx)).not.toBe(k);
    expect(addressKey({ ...g, objectScale: 1.5 }, ctx)).not.toBe(k);
    expect(addressKey({ ...g, reconstructionUrl: 'https://data.org/set/r.obj' }, ctx)).not.toBe(k);
    expect(addressKey(g, { ...ctx, objects: { mug: { ...ctx.objects.mug, meshUrl: 'https://data.org/v2/mug.obj' } } })).not.toBe(k);
    expect(addressKey(g, ctx, resolveParams({ contactMm: 3 }))).not.toBe(k);
  });
  it("changes when the object's region is added, edited (inline points) or moved to another file", () => {
    const k = addressKey(g, ctx);
    const withAvoid = (avoid: unknown, avoidUrl?: string) => ({ ...ctx, objects: { mug: { ...ctx.objects.mug, spec: { mesh: 'mug.obj', avoid } as never, avoidUrl } } });
    const inline = addressKey(g, withAvoid({ points: [[0, 0, 0.01]] }));
    expect(inline).not.toBe(k);
    expect(addressKey(g, withAvoid({ points: [[0, 0, 0.01]] }))).toBe(inline);
    expect(addressKey(g, withAvoid({ points: [[0, 0, 0.02]] }))).not.toBe(inline);
    const file = addressKey(g, withAvoid({ file: 'a.json' }, 'https://data.org/set/a.json'));
    expect(file).not.toBe(k);
    expect(addressKey(g, withAvoid({ file: 'b.json' }, 'https://data.org/set/b.json'))).not.toBe(file);
  });
  it('gives unknown objects and hands their own key instead of throwing', () => {
    expect(addressKey({ ...g, object: 'nope' }, ctx)).not.toBe(addressKey(g, ctx));
    expect(addressKey({ ...g, hand: 'constructor' }, ctx)).toMatch(/^[0-9a-f]{16}$/);
  });
});
