import { z } from 'zod';
import { MeshParseError } from './meshParseError';

/**
 * The part of glTF 2.0 that geometry loading reads, checked before three's GLTFLoader sees it:
 * the loader trusts the JSON, so `meshes: [null]`, `buffers: "NaN"` or an index past the end
 * surface as raw TypeErrors with no file name. Also bounds node nesting, since scene traversal
 * recurses once per level.
 */
export const MAX_GLTF_NODE_DEPTH = 256;

const index = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

const bufferSchema = z.looseObject({ byteLength: count, uri: z.string().optional() });
const bufferViewSchema = z.looseObject({
  buffer: index,
  byteOffset: count.optional(),
  byteLength: count,
  byteStride: z.number().int().min(4).max(252).optional(),
});
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const accessorSchema = z.looseObject({
  bufferView: index.optional(),
  byteOffset: count.optional(),
  componentType: z.number().refine((t) => Object.hasOwn(COMPONENT_BYTES, t), { message: 'unknown componentType' }),
  count: z.number().int().min(1),
  type: z.string().refine((t) => Object.hasOwn(TYPE_SIZE, t), { message: 'unknown accessor type' }),
  sparse: z.unknown().optional(),
});
const primitiveSchema = z.looseObject({
  attributes: z.record(z.string(), index),
  indices: index.optional(),
  mode: z.number().int().min(0).max(6).optional(),
  targets: z.array(z.record(z.string(), index)).optional(),
});
const meshSchema = z.looseObject({ primitives: z.array(primitiveSchema).min(1) });
const nodeSchema = z.looseObject({
  children: z.array(index).optional(),
  mesh: index.optional(),
  matrix: z.array(finite).length(16).optional(),
  translation: z.array(finite).length(3).optional(),
  rotation: z.array(finite).length(4).optional(),
  scale: z.array(finite).length(3).optional(),
});
const sceneSchema = z.looseObject({ nodes: z.array(index).optional() });

export const gltfSchema = z.looseObject({
  asset: z.looseObject({ version: z.string() }),
  buffers: z.array(bufferSchema).optional(),
  bufferViews: z.array(bufferViewSchema).optional(),
  accessors: z.array(accessorSchema).optional(),
  meshes: z.array(meshSchema).optional(),
  nodes: z.array(nodeSchema).optional(),
  scenes: z.array(sceneSchema).optional(),
  scene: index.optional(),
  extensionsRequired: z.array(z.string()).optional(),
});

export type GltfJson = z.infer<typeof gltfSchema>;

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first.path.length ? first.path.join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}

/** Validates glTF JSON and its cross-references; throws MeshParseError naming the file. */
export function validateGltf(raw: unknown, fileName: string): GltfJson {
  const parsed = gltfSchema.safeParse(raw);
  if (!parsed.success) throw new MeshParseError(fileName, `invalid glTF JSON: ${describe(parsed.error)}`);
  const json = parsed.data;
  const fail = (msg: string): never => {
    throw new MeshParseError(fileName, `invalid glTF JSON: ${msg}`);
  };
  const n = (list: unknown[] | undefined) => list?.length ?? 0;
  const ref = (where: string, i: number | undefined, list: unknown[] | undefined, what: string) => {
    if (i !== undefined && i >= n(list)) fail(`${where} refers to ${what} ${i}, but the file has ${n(list)}`);
  };
  const required = (json.extensionsRequired ?? []).filter((e) => e !== 'KHR_mesh_quantization');
  if (required.length) fail(`needs unsupported extensions ${required.join(', ')}`);

  json.bufferViews?.forEach((v, i) => ref(`bufferViews.${i}.buffer`, v.buffer, json.buffers, 'buffer'));
  json.accessors?.forEach((a, i) => {
    ref(`accessors.${i}.bufferView`, a.bufferView, json.bufferViews, 'bufferView');
    if (a.sparse !== undefined) fail(`accessors.${i}: sparse accessors are not supported`);
    if (a.bufferView === undefined) return;
    const view = json.bufferViews![a.bufferView];
    const element = COMPONENT_BYTES[a.componentType] * TYPE_SIZE[a.type];
    const stride = view.byteStride ?? element;
    const end = (a.byteOffset ?? 0) + (a.count - 1) * stride + element;
    if (end > view.byteLength) {
      fail(`accessors.${i} (${a.count} × ${a.type}) needs ${end} bytes but bufferView ${a.bufferView} has ${view.byteLength}`);
    }
  });
  json.meshes?.forEach((m, mi) =>
    m.primitives.forEach((p, pi) => {
      const where = `meshes.${mi}.primitives.${pi}`;
      if (p.attributes.POSITION === undefined) fail(`${where} has no POSITION attribute`);
      for (const [name, a] of Object.entries(p.attributes)) ref(`${where}.attributes.${name}`, a, json.accessors, 'accessor');
      ref(`${where}.indices`, p.indices, json.accessors, 'accessor');
      p.targets?.forEach((t, ti) => Object.entries(t).forEach(([name, a]) => ref(`${where}.targets.${ti}.${name}`, a, json.accessors, 'accessor')));
    }),
  );
  json.nodes?.forEach((node, i) => {
    ref(`nodes.${i}.mesh`, node.mesh, json.meshes, 'mesh');
    node.children?.forEach((c, k) => ref(`nodes.${i}.children.${k}`, c, json.nodes, 'node'));
  });
  json.scenes?.forEach((s, i) => s.nodes?.forEach((c, k) => ref(`scenes.${i}.nodes.${k}`, c, json.nodes, 'node')));
  ref('scene', json.scene, json.scenes, 'scene');
  checkNodeGraph(json, fail);
  return json;
}

/** Every node has at most one parent, no node is its own ancestor, and nesting is bounded. */
function checkNodeGraph(json: GltfJson, fail: (msg: string) => never): void {
  const nodes = json.nodes ?? [];
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((node, i) =>
    node.children?.forEach((c) => {
      if (parent[c] !== -1 || c === i) fail(`node ${c} has more than one parent (a node tree must be a tree)`);
      parent[c] = i;
    }),
  );
  // Depth per node by walking up with memo; a cycle shows up as a walk longer than the node count.
  const depth = new Int32Array(nodes.length).fill(-1);
  for (let i = 0; i < nodes.length; i++) {
    const path: number[] = [];
    let at = i;
    while (at !== -1 && depth[at] === -1) {
      path.push(at);
      if (path.length > nodes.length) fail(`node ${i} is its own ancestor (cycle in the node tree)`);
      at = parent[at];
    }
    let d = at === -1 ? 0 : depth[at] + 1;
    for (let k = path.length - 1; k >= 0; k--) depth[path[k]] = d++;
    if (d - 1 > MAX_GLTF_NODE_DEPTH) fail(`nodes are nested ${d - 1} levels deep (limit ${MAX_GLTF_NODE_DEPTH})`);
  }
}
