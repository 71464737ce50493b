import { z } from 'zod';
import { formatIssues } from '../dataset/schema';

/** dro.json, the descriptor of a DRO model folder (docs/dro-model.md is the contract). */
export const DRO_FORMAT = 'hoi-studio/dro@1';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const fileName = z
  .string()
  .min(1, 'file name must not be empty')
  .refine((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https?:/i.test(s), { message: 'only relative paths or http(s) URLs' });

export const droModelSchema = z
  .object({
    format: z.literal(DRO_FORMAT),
    hand: z.string().min(1),
    robotPoints: z.object({
      links: z.array(z.string().min(1)).min(1),
      local: z.array(z.tuple([finite, finite, finite])).min(1),
    }),
    objectPoints: z.number().int().positive(),
    latent: z.number().int().positive(),
    centerRobot: z.boolean(),
    embed: fileName,
    kernel: fileName,
    source: z.string().optional(),
  })
  // Training information is free-form.
  .passthrough()
  .superRefine((m, ctx) => {
    if (m.robotPoints.links.length !== m.robotPoints.local.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['robotPoints'],
        message: `links has ${m.robotPoints.links.length} entries but local has ${m.robotPoints.local.length}; they must match (one link per point)`,
      });
    }
  });

export type DroModelJson = z.infer<typeof droModelSchema>;

/** A model descriptor plus where its ONNX files are, as URLs resolved against the dro.json. */
export interface DroModelSpec extends DroModelJson {
  /** where dro.json was read from (shown in messages and recorded in meta.prediction.model) */
  url: string;
  embedUrl: string;
  kernelUrl: string;
}

export class DroModelError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DroModelError';
  }
}

/** Validates dro.json text; every problem names the file. */
export function parseDroModel(text: string, url: string): DroModelSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DroModelError(url, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = droModelSchema.safeParse(raw);
  if (!r.success) throw new DroModelError(url, `not a ${DRO_FORMAT} model: ${formatIssues(r.error)}`);
  return { ...r.data, url, embedUrl: resolveAgainst(r.data.embed, url), kernelUrl: resolveAgainst(r.data.kernel, url) };
}

function resolveAgainst(file: string, base: string): string {
  try {
    return new URL(file, base).href;
  } catch {
    // A base that is no URL (a plain path, a label for a local folder): join as paths.
    const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
    return dir + file;
  }
}

/** Link names the model needs that the hand does not have; empty when the model fits the hand. */
export function missingLinks(model: Pick<DroModelJson, 'robotPoints'>, handLinks: Iterable<string>): string[] {
  const have = new Set(handLinks);
  return [...new Set(model.robotPoints.links)].filter((l) => !have.has(l));
}
