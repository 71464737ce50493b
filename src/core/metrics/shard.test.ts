import { describe, expect, it } from 'vitest';
import { inShard, parseShardSpec, shardOfId } from './shard';

describe('dataset shards for cluster jobs', () => {
  it('parses k/n (0-based) and rejects the rest with a message', () => {
    expect(parseShardSpec('0/8')).toEqual({ index: 0, count: 8 });
    expect(parseShardSpec(' 7 / 8 ')).toEqual({ index: 7, count: 8 });
    expect(() => parseShardSpec('8/8')).toThrow(/0-based/);
    expect(() => parseShardSpec('1/0')).toThrow(/n must be/);
    expect(() => parseShardSpec('-1/4')).toThrow(/expects k\/n/);
    expect(() => parseShardSpec('1.5/4')).toThrow(/expects k\/n/);
    expect(() => parseShardSpec('abc')).toThrow(/expects k\/n/);
  });

  it('puts every id in exactly one shard, the same one every time, and spreads similar ids evenly', () => {
    const n = 8;
    const ids = Array.from({ length: 4_000 }, (_, i) => `mug-shadow-${String(i).padStart(5, '0')}`);
    const counts = new Array(n).fill(0);
    for (const id of ids) {
      const owners = Array.from({ length: n }, (_, k) => k).filter((k) => inShard(id, { index: k, count: n }));
      expect(owners).toHaveLength(1);
      expect(owners[0]).toBe(shardOfId(id, n));
      counts[owners[0]]++;
    }
    // Binomial sd is ~21 around 500; 100 is over 4 sd.
    for (const c of counts) expect(Math.abs(c - ids.length / n)).toBeLessThan(100);
  });

  it('does not depend on position: a shuffled list gives the same membership', () => {
    const ids = ['a', 'b', 'c', '__proto__', 'constructor', 'é', ''];
    const before = ids.map((id) => shardOfId(id, 3));
    const after = [...ids]
      .reverse()
      .map((id) => shardOfId(id, 3))
      .reverse();
    expect(after).toEqual(before);
    expect(new Set(ids.map((id) => shardOfId(id, 1)))).toEqual(new Set([0]));
  });
});
