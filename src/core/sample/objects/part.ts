import type { TriMesh } from '../../mesh/triMesh';

/** A named functional region of a sample object; each part is a closed mesh on its own. */
export interface ObjectPart {
  name: string;
  mesh: TriMesh;
}
