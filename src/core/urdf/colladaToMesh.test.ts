import { describe, expect, it } from 'vitest';
import { meshBounds } from '../mesh/triMesh';
import { colladaToMesh } from './colladaToMesh';

// A unit square (two triangles) in the xy plane; `meter` scales it like a real exporter's units.
function dae(meter: number): ArrayBuffer {
  const text = `<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="u" meter="${meter}"/><up_axis>Z_UP</up_axis></asset>
  <library_geometries>
    <geometry id="sq" name="sq"><mesh>
      <source id="sq-pos"><float_array id="sq-pos-a" count="12">0 0 0 1 0 0 1 1 0 0 1 0</float_array>
        <technique_common><accessor source="#sq-pos-a" count="4" stride="3">
          <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
        </accessor></technique_common></source>
      <vertices id="sq-v"><input semantic="POSITION" source="#sq-pos"/></vertices>
      <triangles count="2"><input semantic="VERTEX" source="#sq-v" offset="0"/><p>0 1 2 0 2 3</p></triangles>
    </mesh></geometry>
  </library_geometries>
  <library_visual_scenes><visual_scene id="s"><node id="n"><instance_geometry url="#sq"/></node></visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#s"/></scene>
</COLLADA>`;
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

describe('colladaToMesh without a browser DOM', () => {
  it('parses triangles in the file axes with the unit scale applied', () => {
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
    const m = colladaToMesh(dae(0.001), 'square.dae');
    expect(m.indices.length).toBe(6);
    const b = meshBounds(m);
    expect(b.max[0] - b.min[0]).toBeCloseTo(0.001, 9);
    expect(b.max[1] - b.min[1]).toBeCloseTo(0.001, 9);
    expect(b.max[2] - b.min[2]).toBeCloseTo(0, 9);
    // the DOM stand-ins are gone afterwards
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
  });

  it('names the file when the content is not COLLADA', () => {
    expect(() => colladaToMesh(new TextEncoder().encode('<nope/>').buffer as ArrayBuffer, 'bad.dae')).toThrow(/bad\.dae/);
  });
});
