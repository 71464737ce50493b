import { describe, expect, it } from 'vitest';
import { meshUrlCandidates, resolveRelative } from './resolveMeshUrl';

describe('resolveRelative', () => {
  it('resolves against the URDF folder for URLs and plain paths', () => {
    expect(resolveRelative('https://x.org/hands/shadow/h.urdf', 'meshes/a.obj')).toBe('https://x.org/hands/shadow/meshes/a.obj');
    expect(resolveRelative('/data/hands/h.urdf', '../m/a.obj')).toBe('/data/m/a.obj');
    expect(resolveRelative('hands/h.urdf', './meshes/a.obj')).toBe('hands/meshes/a.obj');
    expect(resolveRelative('h.urdf', 'a.obj')).toBe('a.obj');
    expect(resolveRelative('/data/h.urdf', 'https://cdn.org/a.obj')).toBe('https://cdn.org/a.obj');
  });
});

describe('meshUrlCandidates', () => {
  it('tries package:// paths after the package name, next to the URDF then one folder up', () => {
    expect(meshUrlCandidates('package://shadow_hand/meshes/a.obj', 'https://x.org/pkg/urdf/h.urdf')).toEqual([
      'https://x.org/pkg/urdf/meshes/a.obj',
      'https://x.org/pkg/meshes/a.obj',
    ]);
  });

  it('gives one candidate for a plain relative filename', () => {
    expect(meshUrlCandidates('meshes/visual/a.obj', '/assets/hand/h.urdf')).toEqual(['/assets/hand/meshes/visual/a.obj']);
  });
});
