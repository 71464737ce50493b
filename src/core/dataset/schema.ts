import { z } from 'zod';

/**
 * Dataset manifest format v1. Lengths in meters, angles in radians.
 * docs/dataset-format.md explains every field; public/dataset.schema.json is generated from this.
 */
export const FORMAT_V1 = 'hoi-studio/dataset@1';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const vec3 = z.tuple([finite, finite, finite]);
const quat = z.tuple([finite, finite, finite, finite]).refine((q) => Math.abs(Math.hypot(...q) - 1) < 1e-3, { message: 'quaternion [x,y,z,w] must have unit length' });
const path = z.string().min(1, 'path must not be empty');

// Where a mesh file sits in the grasp's frame (written by alignment): x -> scale * R(quaternion) x + position.
const meshPose = z.object({ scale: finite.refine((s) => s > 0, { message: 'must be positive' }), position: vec3, quaternion: quat }).strict();

export const BUILTIN_HANDS = ['shadowhand', 'leaphand'] as const;
export type BuiltinHandId = (typeof BUILTIN_HANDS)[number];

export const handSpecSchema = z.union([
  z.object({ urdf: path, fingertips: z.array(z.string()).optional() }).strict(),
  z.object({ builtin: z.enum(BUILTIN_HANDS), fingertips: z.array(z.string()).optional() }).strict(),
]);

/** Most points a negative-affordance region may hold (inline or in its file); AffordDex samples 100. */
export const MAX_AVOID_POINTS = 100_000;

const avoidCommon = {
  // What the region is, e.g. "blade part".
  label: z.string().max(200).optional(),
  // Who made it: "naa", "manual", or anything.
  source: z.string().max(200).optional(),
};

/**
 * Negative-affordance region of an object: points in the mesh's frame (meters, scaled by the grasp's
 * objectScale like the mesh) that fingertips should stay away from, inline or in a JSON file.
 */
const avoidPointsSchema = z.object({ points: z.array(vec3).min(1).max(MAX_AVOID_POINTS), ...avoidCommon }).strict();
const avoidFileRefSchema = z.object({ file: path, ...avoidCommon }).strict();
export const avoidSpecSchema = z.union([avoidPointsSchema, avoidFileRefSchema]);

/** Validates an `avoid` value against the branch it names, so messages point at the bad field, not "invalid input". */
export function parseAvoidSpec(v: unknown): { data: AvoidSpec } | { error: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { error: 'must be an object { "points": [[x,y,z], ...] } or { "file": path }' };
  const hasPoints = 'points' in v,
    hasFile = 'file' in v;
  if (hasPoints === hasFile) return { error: 'give exactly one of "points" or "file"' };
  const r = (hasPoints ? avoidPointsSchema : avoidFileRefSchema).safeParse(v);
  return r.success ? { data: r.data } : { error: formatIssues(r.error) };
}

/** The JSON file an `avoid.file` names: `{ "points": [[x,y,z], ...] }` (label and source optional). */
export const avoidFileSchema = avoidPointsSchema;

export const objectSpecSchema = z
  .object({
    mesh: path,
    category: z.string().min(1),
    avoid: avoidSpecSchema.optional(),
    // Ground-truth part label per triangle of the mesh (a JSON file, docs/dataset-format.md), e.g. from a generator.
    parts: path.optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const graspSchema = z
  .object({
    id: z.string().min(1),
    object: z.string().min(1),
    hand: z.string().min(1),
    // Optional: a grasp without a robot pose (only a reconstructed human hand) shows and measures no robot hand.
    root: z.object({ position: vec3, quaternion: quat }).strict().optional(),
    // Joint values are checked for finiteness per grasp (not here) so one NaN does not reject the grasp list.
    joints: z.record(z.string(), z.number()),
    objectScale: finite.refine((s) => s > 0, { message: 'must be positive' }).optional(),
    reconstruction: z
      .object({
        mesh: path,
        // 'own': the mesh, the human hand and any root pose are in the reconstruction's own (camera-like) frame, not yet aligned.
        frame: z.enum(['object', 'own']).optional(),
        pose: meshPose.optional(),
      })
      .strict()
      .optional(),
    mano: z.union([z.object({ mesh: path, pose: meshPose.optional() }).strict(), z.object({ keypoints: z.array(vec3).length(21) }).strict()]).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** A shard is a JSON array or a JSON Lines file of grasps, relative to the manifest. */
export const shardRefSchema = z.union([path, z.object({ path, count: z.number().int().nonnegative().optional() }).strict()]);

export const manifestSchema = z
  .object({
    format: z.literal(FORMAT_V1),
    name: z.string().min(1),
    description: z.string().optional(),
    hands: z.record(z.string(), handSpecSchema),
    objects: z.record(z.string(), objectSpecSchema),
    grasps: z.array(z.unknown()).optional(),
    shards: z.array(shardRefSchema).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type HandSpec = z.infer<typeof handSpecSchema>;
export type ObjectSpec = z.infer<typeof objectSpecSchema>;
export type AvoidSpec = z.infer<typeof avoidSpecSchema>;
export type Grasp = z.infer<typeof graspSchema>;
export type ShardRef = z.infer<typeof shardRefSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** The schema users validate against; grasps are described in full there. */
export function manifestJsonSchema(): object {
  const strictManifest = manifestSchema.extend({ grasps: z.array(graspSchema).optional() });
  return {
    title: 'HOI Studio dataset manifest v1',
    ...z.toJSONSchema(strictManifest, { unrepresentable: 'any' }),
  };
}

/** Human-readable list of zod issues, each prefixed with its JSON path. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}
