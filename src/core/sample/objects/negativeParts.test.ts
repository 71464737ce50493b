import { describe, expect, it } from 'vitest';
import { SAMPLE_CATEGORIES, makeObject } from './index';
import { NEGATIVE_PARTS } from './negativeParts';

describe('negative parts of the sample categories', () => {
  it('name parts each object has, and a query text', () => {
    for (const c of SAMPLE_CATEGORIES) {
      const names = makeObject(c).parts.map((p) => p.name);
      expect(NEGATIVE_PARTS[c].parts.length, c).toBeGreaterThan(0);
      for (const p of NEGATIVE_PARTS[c].parts) expect(names, c).toContain(p);
      expect(NEGATIVE_PARTS[c].query).toMatch(/^a photo of the .+ part$/);
    }
  });
});
