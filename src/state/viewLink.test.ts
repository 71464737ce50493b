import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, buildSearch, decodeCamera, parseViewLink } from './viewLink';

const DEFAULTS = { objectSource: 'reference', wireframe: false, showHand: true, showObject: true, opacity: 1, setObjectSource: () => {} };

describe('view links', () => {
  it('round-trips dataset, grasp, camera, view and filters, keeping other parameters', () => {
    const filters = { metrics: { penetration_depth_cm: { max: 0.5 } }, perCategory: {}, text: 'mügé <b>' };
    const search = buildSearch(
      '?e2e&grasp=old',
      {
        dataset: 'https://data.test/set/manifest.json',
        grasp: 'mug-0 #3&x',
        cam: { position: [0.123456, -0.2, 0.3], target: [0, 0.01, -0.00004] },
        view: { ...DEFAULTS, wireframe: true, showHand: false, objectSource: 'reconstruction' },
        filters,
      },
      DEFAULTS,
    );
    expect(search).toContain('dataset=https://data.test/set/manifest.json');
    expect(search).toContain('cam=0.1235,-0.2,0.3,0,0.01,0');
    expect(search).toContain('view=objectSource.reconstruction~wireframe.1~showHand.0');
    expect(search.startsWith('?e2e=')).toBe(true);
    const { link, problems } = parseViewLink(search, DEFAULTS);
    expect(problems).toEqual([]);
    expect(link.grasp).toBe('mug-0 #3&x');
    expect(link.dataset).toBe('https://data.test/set/manifest.json');
    expect(link.cam).toEqual({ position: [0.1235, -0.2, 0.3], target: [0, 0.01, 0] });
    expect(link.view).toEqual({ objectSource: 'reconstruction', wireframe: true, showHand: false });
    expect(link.filters).toEqual(filters);
  });

  it('leaves out defaults, and the parameters entirely when nothing differs', () => {
    expect(buildSearch('', { view: { ...DEFAULTS } }, DEFAULTS)).toBe('');
    expect(buildSearch('?a=1', {}, DEFAULTS)).toBe('?a=1');
  });

  it('reports bad parameters and keeps the good ones', () => {
    const { link, problems } = parseViewLink('?grasp=g1&cam=1,2,3,nope,5,6&view=wireframe.1~bogus.1~showHand.maybe&filters=%%%', DEFAULTS);
    expect(link.grasp).toBe('g1');
    expect(link.cam).toBeUndefined();
    expect(link.view).toEqual({ wireframe: true });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/"cam" must be six numbers/);
    expect(problems.join('\n')).toMatch(/"bogus\.1" is not known/);
    expect(problems.join('\n')).toMatch(/"filters" is not readable/);
  });

  it('rejects degenerate or absurd cameras', () => {
    expect(decodeCamera('1,1,1,1,1,1')).toMatch(/sits on its target/);
    expect(decodeCamera('1e9,0,0,0,0,0')).toMatch(/out of range/);
    expect(decodeCamera('1,2,3,4,5')).toMatch(/six numbers/);
  });

  it('base64url handles any unicode and refuses other alphabets', () => {
    const s = JSON.stringify({ t: 'ü😀/+=' });
    const enc = base64urlEncode(s);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64urlDecode(enc)).toBe(s);
    expect(() => base64urlDecode('ab+/')).toThrow();
  });
});
