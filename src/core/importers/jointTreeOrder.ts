import { parseXmlRoot } from '../urdf/xmlDom';

const SINGLE_DOF = new Set(['revolute', 'continuous', 'prismatic']);

/**
 * Movable joint names in kinematic-tree order, the order pytorch_kinematics'
 * `chain.get_joint_parameter_names()` gives (and so DRO / CMapDataset q vectors use): depth-first
 * from the root link, a link's child joints in URDF document order, parents before children.
 * Mimic joints are left out: they follow their driver and take no value of their own.
 */
export function jointTreeOrder(urdfText: string, fileName = 'robot.urdf'): string[] {
  const robot = parseXmlRoot(urdfText, fileName);
  const joints = robot.children
    .filter((c) => c.nodeName === 'joint')
    .map((j) => ({
      name: j.getAttribute('name') ?? '',
      type: j.getAttribute('type') ?? '',
      parent: j.children.find((c) => c.nodeName === 'parent')?.getAttribute('link') ?? '',
      child: j.children.find((c) => c.nodeName === 'child')?.getAttribute('link') ?? '',
      mimic: j.children.some((c) => c.nodeName === 'mimic'),
    }));
  const childLinks = new Set(joints.map((j) => j.child));
  const links = robot.children.filter((c) => c.nodeName === 'link').map((l) => l.getAttribute('name') ?? '');
  const roots = links.filter((l) => !childLinks.has(l));
  if (roots.length !== 1) {
    throw new Error(`${fileName}: expected one root link, found ${roots.length ? roots.join(', ') : 'none'}`);
  }
  const order: string[] = [];
  const visit = (link: string, depth: number) => {
    if (depth > links.length) throw new Error(`${fileName}: the joint graph has a cycle`);
    for (const j of joints) {
      if (j.parent !== link) continue;
      if (SINGLE_DOF.has(j.type) && !j.mimic) order.push(j.name);
      visit(j.child, depth + 1);
    }
  };
  visit(roots[0], 0);
  return order;
}
