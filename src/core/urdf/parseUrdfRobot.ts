import { BufferGeometry, Mesh, type Material } from 'three';
import URDFLoader, { type URDFRobot } from 'urdf-loader';
import { withGlobals } from './domGlobals';
import { parseXmlRoot, UrdfXmlElement } from './xmlDom';

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
    throw new Error(`${fileName}: root element is <${robotEl.nodeName}>, expected <robot>`);
  }
  const links = new Set(
    robotEl.children.filter((c) => c.nodeName === 'link').map((c) => c.getAttribute('name') ?? ''),
  );
  for (const j of robotEl.children.filter((c) => c.nodeName === 'joint')) {
    for (const end of ['parent', 'child']) {
      const link = j.children.find((c) => c.nodeName === end)?.getAttribute('link');
      if (!link || !links.has(link)) {
        throw new Error(`${fileName}: joint '${j.getAttribute('name')}' has ${end} link '${link ?? ''}' that is not defined`);
      }
    }
  }
}

/**
 * Builds the urdf-loader robot from URDF text without a browser DOM. Mesh files are not loaded
 * here: each `<mesh>` gets an empty placeholder Mesh whose geometry the caller fills in later.
 * `<texture>` elements are dropped because three's TextureLoader needs `document`.
 */
export function parseUrdfRobot(
  urdfText: string,
  fileName: string,
  opts: { visual: boolean; collision: boolean },
): ParsedUrdf {
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
  const robot = withGlobals({ Document: NoDocument, Element: UrdfXmlElement }, () =>
    (loader.parse as (c: unknown, workingPath?: string) => URDFRobot)(root, ''),
  );
  return { robot, meshRequests };
}
