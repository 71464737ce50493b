import { z } from 'zod';
import { DECISION_STATES } from './decisionStates';
import { METRIC_NAMES } from './metricNames';
import type { FilterRules } from './filterRules';

// null = "no bound here" in a category override (see Bounds); JSON has no Infinity, so finite only.
const bound = z.number().refine(Number.isFinite, { message: 'must be a finite number' }).nullable().optional();
export const boundsSchema = z.object({ min: bound, max: bound }).strict();
export const metricBoundsSchema = z
  .object(Object.fromEntries(METRIC_NAMES.map((m) => [m, boundsSchema.optional()])) as Record<string, z.ZodOptional<typeof boundsSchema>>)
  .strict();

export const filterRulesSchema = z
  .object({
    metrics: metricBoundsSchema,
    perCategory: z.record(z.string(), metricBoundsSchema),
    hands: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    decisionStates: z.array(z.enum(DECISION_STATES as [string, ...string[]])).optional(),
    text: z.string().optional(),
  })
  .strict();

/** Validates unknown data (a file, a stored value) as FilterRules; throws a ZodError. */
export function parseFilterRules(data: unknown): FilterRules {
  return filterRulesSchema.parse(data) as FilterRules;
}
