/** Bump when a change to the metric code changes results, so caches keyed on inputs are invalidated. */
export const METRICS_VERSION = 4;
