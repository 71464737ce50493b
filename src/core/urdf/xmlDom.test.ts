import { describe, expect, it } from 'vitest';
import { parseXmlRoot } from './xmlDom';

const XML = `<?xml version="1.0"?>
<robot name="r">
  <!-- comment -->
  <link name="a"><visual><geometry><box size="1 2 3"/></geometry></visual></link>
  <link name="b"/>
  <joint name="j" type="fixed"><parent link="a"/><child link="b"/></joint>
</robot>`;

describe('parseXmlRoot', () => {
  it('exposes element children only, with names and attributes', () => {
    const root = parseXmlRoot(XML, 'r.urdf');
    expect(root.nodeName).toBe('robot');
    expect(root.getAttribute('name')).toBe('r');
    expect(root.getAttribute('missing')).toBeNull();
    expect(root.children.map((c) => c.nodeName)).toEqual(['link', 'link', 'joint']);
    expect(root.children[0].children[0].children[0].children[0].getAttribute('size')).toBe('1 2 3');
  });

  it('answers the attribute selectors urdf-loader uses', () => {
    const root = parseXmlRoot(XML, 'r.urdf');
    expect(root.querySelector('child[link="b"]')?.getAttribute('link')).toBe('b');
    expect(root.querySelector('child[link="a"]')).toBeNull();
    expect(root.querySelector('box')?.getAttribute('size')).toBe('1 2 3');
    expect(root.querySelector('joint[type]')?.getAttribute('name')).toBe('j');
    expect(() => root.querySelector('a > b')).toThrow(/unsupported selector/);
  });

  it('names the file when the XML is malformed', () => {
    expect(() => parseXmlRoot('<robot><link></robot>', 'broken.urdf')).toThrow(/broken\.urdf/);
    expect(() => parseXmlRoot('', 'empty.urdf')).toThrow(/empty\.urdf/);
  });
});
