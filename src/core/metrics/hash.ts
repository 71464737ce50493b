/**
 * Fast non-cryptographic content hashing (two independent FNV-1a style 32-bit lanes = 64 bits)
 * for cache keys. Collisions only cost a stale cache hit, so speed matters more than strength.
 */
export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;

  private word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ (w & 0xff), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ ((w >>> 8) & 0xff), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ ((w >>> 16) & 0xff), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ (w >>> 24), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ w, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 13;
  }

  /** Hashes the raw bytes of a typed array, 32 bits at a time where aligned. */
  bytes(view: ArrayBufferView): this {
    const n = view.byteLength;
    this.word(n);
    if (view.byteOffset % 4 === 0) {
      const words = new Uint32Array(view.buffer, view.byteOffset, n >>> 2);
      for (let i = 0; i < words.length; i++) this.word(words[i]);
      const tail = new Uint8Array(view.buffer, view.byteOffset + (n & ~3), n & 3);
      for (let i = 0; i < tail.length; i++) this.word(tail[i]);
    } else {
      const b = new Uint8Array(view.buffer, view.byteOffset, n);
      for (let i = 0; i < b.length; i++) this.word(b[i]);
    }
    return this;
  }

  string(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  number(x: number): this {
    const f = new Float64Array([x]);
    return this.bytes(f);
  }

  /** Key-order-independent hash of plain JSON-like data. */
  value(v: unknown): this {
    return this.string(stableStringify(v));
  }

  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}

export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    // NaN/Infinity would stringify to null and collide with each other.
    if (typeof v === 'number' && !Number.isFinite(v)) return `"${String(v)}"`;
    return JSON.stringify(v) ?? 'undefined';
  }
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<number>).join(',')}]`;
  const keys = Object.keys(v as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
