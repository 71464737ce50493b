import type { Rng } from '../rng';

/**
 * Input mutations for the parser fuzz test: byte damage for binary files, token damage for text,
 * and hostile values at random places of JSON documents (null where an object belongs, "NaN" for
 * an array, prototype names as keys, deep nesting).
 */
const EXTREME_WORDS = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0xfffffffe];
const TEXT_TOKENS = [
  'null',
  '"NaN"',
  '-1',
  '1e309',
  'NaN',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"__proto__"',
  '"constructor"',
  '\u0000',
  '\n',
  '999999999',
  '-0',
  '<',
  '>',
  '</robot>',
  '<link>',
  '"',
  "'",
  'f',
  'v',
  'facet',
  'end_header',
];
const HOSTILE_VALUES: unknown[] = [null, 'NaN', -1, 1e9, 0.5, [], {}, '', 'constructor', '__proto__', true, [null], { __proto__: null }, 2 ** 32];

export function mutateBytes(input: ArrayBuffer, rng: Rng): ArrayBuffer {
  const u8 = new Uint8Array(input);
  switch (rng.int(6)) {
    case 0: // truncate
      return u8.slice(0, rng.int(u8.length + 1)).buffer;
    case 1: {
      const out = u8.slice();
      for (let k = 1 + rng.int(8); k > 0; k--) out[rng.int(out.length)] = rng.int(256);
      return out.buffer;
    }
    case 2: {
      const out = u8.slice();
      const at = rng.int(Math.max(1, out.length - 4)) & ~3;
      new DataView(out.buffer).setUint32(at, rng.pick(EXTREME_WORDS), true);
      return out.buffer;
    }
    case 3: {
      const at = rng.int(u8.length + 1);
      const junk = Uint8Array.from({ length: 1 + rng.int(64) }, () => rng.int(256));
      const out = new Uint8Array(u8.length + junk.length);
      out.set(u8.subarray(0, at));
      out.set(junk, at);
      out.set(u8.subarray(at), at + junk.length);
      return out.buffer;
    }
    case 4: {
      const a = rng.int(u8.length + 1),
        b = Math.min(u8.length, a + rng.int(256));
      const out = new Uint8Array(u8.length - (b - a));
      out.set(u8.subarray(0, a));
      out.set(u8.subarray(b), a);
      return out.buffer;
    }
    default: {
      const a = rng.int(u8.length + 1),
        b = Math.min(u8.length, a + rng.int(512));
      const out = new Uint8Array(u8.length + (b - a));
      out.set(u8.subarray(0, b));
      out.set(u8.subarray(a), b);
      return out.buffer;
    }
  }
}

export function mutateText(input: string, rng: Rng): string {
  const at = rng.int(input.length + 1);
  switch (rng.int(5)) {
    case 0:
      return input.slice(0, at);
    case 1:
      return input.slice(0, at) + rng.pick(TEXT_TOKENS) + input.slice(at);
    case 2:
      return input.slice(0, at) + input.slice(Math.min(input.length, at + 1 + rng.int(40)));
    case 3: {
      const lines = input.split('\n');
      const i = rng.int(lines.length);
      lines.splice(i, 0, ...new Array<string>(1 + rng.int(3)).fill(lines[i]));
      return lines.join('\n');
    }
    default:
      // a number becomes something else
      return input.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (m) => (rng.next() < 0.05 ? rng.pick(TEXT_TOKENS.slice(0, 9)) : m));
  }
}

/** Replaces a random node of a JSON document with a hostile value (or a deep nest). */
export function mutateJson(doc: unknown, rng: Rng): unknown {
  const copy = structuredClone(doc);
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (nodes.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(copy);
  if (nodes.length === 0) return rng.pick(HOSTILE_VALUES);
  const { parent, key } = rng.pick(nodes);
  const roll = rng.next();
  let value: unknown = rng.pick(HOSTILE_VALUES);
  if (roll < 0.1) {
    value = 0;
    for (let d = 0; d < 1500; d++) value = [value];
  } else if (roll < 0.2 && !Array.isArray(parent)) {
    // the same entry under a prototype name as its key
    Object.defineProperty(parent, rng.pick(['__proto__', 'constructor', 'toString']), { value: parent[key as string], enumerable: true, configurable: true, writable: true });
    return copy;
  } else if (roll < 0.25) {
    delete (parent as Record<string, unknown>)[key as string];
    return copy;
  }
  (parent as Record<string | number, unknown>)[key] = value;
  return copy;
}
