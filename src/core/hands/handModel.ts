import { BufferAttribute, type Mesh } from 'three';
import type { URDFRobot } from 'urdf-loader';
import type { TriMesh } from '../mesh/triMesh';
import { fetchMesh, type FetchBytes } from '../urdf/fetchMesh';
import { parseUrdfRobot } from '../urdf/parseUrdfRobot';
import { UrdfError } from '../urdf/urdfError';
import { meshUrlCandidates } from '../urdf/resolveMeshUrl';
import { resolveFingertips } from './fingertips';
import { extractGeometryParts } from './geometryParts';
import { buildKinematicTree, toJointInfo, type KinematicTree } from './kinematicTree';
import type { GeometryKind, JointInfo, LinkGeometryPart } from './types';

export type { FetchBytes } from '../urdf/fetchMesh';

export interface LoadHandModelOptions {
  /** where the URDF came from; relative mesh filenames resolve against it */
  urdfUrl: string;
  /** fetches a mesh file; a rejection becomes an entry in `model.errors` */
  fetchBytes: FetchBytes;
  /** fingertip link names; default: the built-in hand's set when recognised, else leaf links */
  fingertips?: string[];
  /** which geometry to build; default 'visual' */
  geometry?: GeometryKind | 'both';
}

export interface HandModel {
  /** the URDF's robot name */
  name: string;
  /** urdf-loader's scene graph (meshes filled in); posing uses `kinematics`, not this */
  robot: URDFRobot;
  rootLink: string;
  links: string[];
  /** movable single-value joints in URDF order (mimic joints follow their driver and are not listed) */
  joints: JointInfo[];
  fingertips: string[];
  /** per kind; null when that kind was not requested at load time */
  parts: Record<GeometryKind, LinkGeometryPart[] | null>;
  /** problems that did not stop loading (missing/corrupt mesh files, unknown fingertip names) */
  errors: string[];
  kinematics: KinematicTree;
}

function fillPlaceholder(placeholder: Mesh, mesh: TriMesh): void {
  placeholder.geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  placeholder.geometry.setIndex(new BufferAttribute(mesh.indices, 1));
  placeholder.geometry.computeVertexNormals();
}

/** Parses a URDF, loads its meshes through `fetchBytes` and compiles its kinematics. */
export async function loadHandModel(urdfText: string, opts: LoadHandModelOptions): Promise<HandModel> {
  const geometry = opts.geometry ?? 'visual';
  const kinds: GeometryKind[] = geometry === 'both' ? ['visual', 'collision'] : [geometry];
  const { robot, meshRequests } = parseUrdfRobot(urdfText, opts.urdfUrl, {
    visual: kinds.includes('visual'),
    collision: kinds.includes('collision'),
  });
  let kinematics: KinematicTree;
  try {
    kinematics = buildKinematicTree(robot);
  } catch (e) {
    throw e instanceof UrdfError ? e : new UrdfError(opts.urdfUrl, (e as Error)?.message ?? String(e));
  }

  const errors: string[] = [];
  const files = new Map<string, Promise<TriMesh>>();
  const loaded = new Map<Mesh, TriMesh>();
  await Promise.all(
    meshRequests.map(async ({ filename, placeholder }) => {
      let file = files.get(filename);
      if (!file) {
        file = fetchMesh(filename, meshUrlCandidates(filename, opts.urdfUrl), opts.fetchBytes);
        files.set(filename, file);
        file.catch((e: Error) => errors.push(e.message));
      }
      try {
        const mesh = await file;
        fillPlaceholder(placeholder, mesh);
        loaded.set(placeholder, mesh);
      } catch {
        placeholder.removeFromParent();
      }
    }),
  );

  const tips = resolveFingertips(kinematics, opts.fingertips);
  errors.push(...tips.errors);
  const parts: HandModel['parts'] = { visual: null, collision: null };
  for (const kind of kinds) parts[kind] = extractGeometryParts(robot, kind, loaded);

  return {
    name: robot.robotName,
    robot,
    rootLink: kinematics.rootLink,
    links: kinematics.links,
    joints: kinematics.movable.map((i) => toJointInfo(kinematics.joints[i])),
    fingertips: tips.tips,
    parts,
    errors,
    kinematics,
  };
}
