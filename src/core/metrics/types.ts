import type { Vec3 } from '../hands/types';

/** The metric columns, in file order (after `id`, before `error`). */
export const METRIC_COLUMNS = [
  'penetration_depth_cm',
  'penetration_volume_cm3',
  'disjoint_distance_cm',
  'contact_ratio_pct',
  'object_diagonal_cm',
  'd2_wasserstein_cm',
  'affordance_score',
  'avoid_distance_cm',
] as const;
export type MetricName = (typeof METRIC_COLUMNS)[number];

/** One grasp's metrics in reporting units; null = not computed (see `error`). */
export type GraspMetrics = Record<MetricName, number | null> & {
  /** box side lengths of the scaled object, cm */
  object_extents_cm: [number, number, number] | null;
  /** errors and warnings ("warning: ..."), joined by "; "; empty when fine */
  error: string;
};

export interface GraspMetricsRow extends GraspMetrics {
  id: string;
}

/** What the viewport draws for the selected grasp. Object frame, meters. */
export interface MetricsOverlay {
  penetration: {
    /** hand surface points inside the object, xyz interleaved */
    points: Float32Array;
    /** their distance to the object surface */
    depths: Float32Array;
  };
  contact: {
    /** object surface samples, xyz interleaved */
    points: Float32Array;
    /** 1 where the sample is in contact with the hand */
    inContact: Uint8Array;
  };
  fingertips: { name: string; link: string; distance: number; onHand: Vec3; onObject: Vec3 }[];
  /** per fingertip, its distance to the object's negative-affordance region; empty without a region */
  avoid?: { name: string; link: string; distance: number; point: Vec3; onHand: Vec3; violates: boolean }[];
}

export interface GraspMetricsResult extends GraspMetrics {
  errors: string[];
  warnings: string[];
  overlay?: MetricsOverlay;
  /** milliseconds spent on this grasp */
  ms: number;
}

export function emptyMetrics(error: string): GraspMetrics {
  return {
    penetration_depth_cm: null,
    penetration_volume_cm3: null,
    disjoint_distance_cm: null,
    contact_ratio_pct: null,
    object_diagonal_cm: null,
    d2_wasserstein_cm: null,
    affordance_score: null,
    avoid_distance_cm: null,
    object_extents_cm: null,
    error,
  };
}

/** Joins errors and warnings into the single `error` column. */
export function errorColumn(errors: string[], warnings: string[]): string {
  return [...errors, ...warnings.map((w) => `warning: ${w}`)].join('; ');
}
