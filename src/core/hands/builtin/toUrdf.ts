import type { HandSpec, ShapeSpec } from './handSpec';

const fmt = (v: readonly number[]) => v.map((x) => String(x)).join(' ');

function origin(xyz?: readonly number[], rpy?: readonly number[]): string {
  return `<origin xyz="${fmt(xyz ?? [0, 0, 0])}" rpy="${fmt(rpy ?? [0, 0, 0])}"/>`;
}

function geometry(s: ShapeSpec): string {
  switch (s.type) {
    case 'box':
      return `<box size="${fmt(s.size)}"/>`;
    case 'cylinder':
      return `<cylinder radius="${s.radius}" length="${s.length}"/>`;
    case 'sphere':
      return `<sphere radius="${s.radius}"/>`;
  }
}

function shapeXml(s: ShapeSpec): string {
  const o = origin(s.xyz, s.type === 'sphere' ? undefined : s.rpy);
  const g = geometry(s);
  return `    <visual>${o}<geometry>${g}</geometry><material name="hand"/></visual>\n` + `    <collision>${o}<geometry>${g}</geometry></collision>\n`;
}

/** URDF text for a spec; every shape is emitted as both visual and collision geometry. */
export function specToUrdf(spec: HandSpec): string {
  const out = [`<?xml version="1.0"?>\n<robot name="${spec.robotName}">\n`];
  out.push(`  <material name="hand"><color rgba="0.78 0.8 0.84 1"/></material>\n`);
  for (const [name, shapes] of Object.entries(spec.links)) {
    out.push(shapes.length ? `  <link name="${name}">\n${shapes.map(shapeXml).join('')}  </link>\n` : `  <link name="${name}"/>\n`);
  }
  for (const j of spec.joints) {
    out.push(`  <joint name="${j.name}" type="${j.type}">\n`);
    out.push(`    <parent link="${j.parent}"/>\n    <child link="${j.child}"/>\n    ${origin(j.xyz, j.rpy)}\n`);
    if (j.type === 'revolute') {
      out.push(`    <axis xyz="${fmt(j.axis ?? [0, 0, 1])}"/>\n`);
      out.push(`    <limit lower="${j.lower ?? 0}" upper="${j.upper ?? 0}" effort="1" velocity="1"/>\n`);
    }
    out.push(`  </joint>\n`);
  }
  out.push('</robot>\n');
  return out.join('');
}
