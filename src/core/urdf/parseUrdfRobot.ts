import { BufferGeometry, Mesh, type Material } from 'three';
import URDFLoader, { type URDFRobot } from 'urdf-loader';
import { withGlobals } from './domGlobals';
import { parseXmlRoot, UrdfXmlElement } from './xmlDom';
import { UrdfError } from './urdfError';

/** A `<mesh>` urdf-loader asked for: `placeholder` already sits in its visual/collision group. */
export interface MeshRequest {
  /** the `filename` attribute as written in the URDF */
  filename: string;
  placeholder: Mesh;
}

export interface ParsedUrdf {
  robot: URDFRobot;
  meshRequests: MeshRequest[];
}

/** Never instantiated: makes urdf-loader's `instanceof Document` test false without a DOM. */
class NoDocument {}

function checkStructure(robotEl: UrdfXmlElement, fileName: string): void {
  if (robotEl.nodeName !== 'robot') {
    throw new UrdfError(fileName, `root element is <${robotEl.nodeName}>, expected <robot>`);
  }
  const names = new Set<string>();
  for (const el of robotEl.children) {
    if (el.nodeName !== 'link' && el.nodeName !== 'joint') continue;
    const name = el.getAttribute('name');
    if (!name) throw new UrdfError(fileName, `a <${el.nodeName}> has no name`);
    // urdf-loader keeps links and joints in plain objects, where this name would replace the prototype.
    if (name === '__proto__') throw new UrdfError(fileName, `${el.nodeName} name '__proto__' is not supported`);
    const key = `${el.nodeName} ${name}`;
    if (names.has(key)) throw new UrdfError(fileName, `${el.nodeName} '${name}' is defined twice`);
    names.add(key);
  }
  const jointNames = new Set(robotEl.children.filter((c) => c.nodeName === 'joint').map((c) => c.getAttribute('name')!));
  for (const j of robotEl.children.filter((c) => c.nodeName === 'joint')) {
    const mimic = j.children.find((c) => c.nodeName === 'mimic')?.getAttribute('joint');
    if (mimic !== undefined && (mimic === null || !jointNames.has(mimic))) {
      throw new UrdfError(fileName, `joint '${j.getAttribute('name')}' mimics joint '${mimic ?? ''}' that is not defined`);
    }
  }
  const links = new Set(robotEl.children.filter((c) => c.nodeName === 'link').map((c) => c.getAttribute('name') ?? ''));
  const childOf = new Map<string, string[]>();
  for (const j of robotEl.children.filter((c) => c.nodeName === 'joint')) {
    for (const end of ['parent', 'child']) {
      const link = j.children.find((c) => c.nodeName === end)?.getAttribute('link');
      if (!link || !links.has(link)) {
        throw new UrdfError(fileName, `joint '${j.getAttribute('name')}' has ${end} link '${link ?? ''}' that is not defined`);
      }
      if (end === 'child') childOf.set(link, [...(childOf.get(link) ?? []), j.getAttribute('name')!]);
    }
  }
  for (const [link, joints] of childOf) {
    if (joints.length > 1)
      throw new UrdfError(fileName, `link '${link}' is the child of more than one joint (${joints.join(', ')}): the joints form a cycle or a graph, not a tree`);
  }
  const roots = [...links].filter((l) => !childOf.has(l));
  if (links.size && roots.length === 0) throw new UrdfError(fileName, 'no root link: every link is the child of a joint (the joints form a cycle)');
  if (roots.length > 1) throw new UrdfError(fileName, `${roots.length} root links (${roots.slice(0, 5).join(', ')}): every link but one must be the child of a joint`);
}

/**
 * Builds the urdf-loader robot from URDF text without a browser DOM. Mesh files are not loaded
 * here: each `<mesh>` gets an empty placeholder Mesh whose geometry the caller fills in later.
 * `<texture>` elements are dropped because three's TextureLoader needs `document`.
 */
export function parseUrdfRobot(urdfText: string, fileName: string, opts: { visual: boolean; collision: boolean }): ParsedUrdf {
  const root = parseXmlRoot(urdfText, fileName);
  const textures = Array.from(root.node.getElementsByTagName('texture'));
  for (const t of textures) t.parentNode?.removeChild(t);
  checkStructure(root, fileName);

  const meshRequests: MeshRequest[] = [];
  const loader = new URDFLoader();
  loader.parseVisual = opts.visual;
  loader.parseCollision = opts.collision;
  // Hand package:// names back untouched; resolveMeshUrl decides where they live.
  loader.packages = (pkg: string) => `package://${pkg}`;
  loader.loadMeshCb = (filename: string, _manager: unknown, material: Material, done: (m: Mesh) => void) => {
    const placeholder = new Mesh(new BufferGeometry(), material);
    placeholder.name = filename;
    meshRequests.push({ filename, placeholder });
    done(placeholder);
  };
  let robot: URDFRobot;
  try {
    robot = withGlobals({ Document: NoDocument, Element: UrdfXmlElement }, () => (loader.parse as (c: unknown, workingPath?: string) => URDFRobot)(root, ''));
  } catch (e) {
    // urdf-loader's own messages ("Detected an infinite loop of mimic joints") name no file.
    const msg = String((e as Error)?.message ?? e).replace(/^URDFLoader:\s*/, '');
    throw new UrdfError(fileName, /infinite loop of mimic/i.test(msg) ? `mimic joints form a cycle (${msg})` : msg);
  }
  return { robot, meshRequests };
}
