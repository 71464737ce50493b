import type { BuiltinHandId, Grasp, HandSpec, ObjectSpec } from '../dataset/schema';
import { buildManifest } from './buildManifest';
import { groupHoiMeshes, hoiCategory, meshRole, sidecarCandidates, type HoiGroup } from './hoiFolderLayout';
import { parseJsonLenient } from './lenientJson';
import { parseRobotSidecar, type RobotSidecar } from './robotSidecar';
import type { ImportFiles, ImportIssue, ImportOptions, ImportResult } from './types';

export interface HoiFolderOptions extends ImportOptions {
  /** hand that grasps without a sidecar reference; default: the hand most sidecars use, else shadowhand */
  placeholderHand?: BuiltinHandId;
}

/**
 * Marks a grasp whose robot hand was not given: root and joints are placeholders (identity, none)
 * and the robot hand should be hidden and left out of metrics. See docs/importers.md.
 */

/**
 * A folder of reconstructed hand-object results -> manifest: per grasp a human-hand mesh (as
 * `mano.mesh`), an object mesh (its own object entry) and optionally a robot sidecar JSON.
 */
export async function importHoiFolder(input: ImportFiles, opts: HoiFolderOptions = {}): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const { groups, unclassified } = groupHoiMeshes(input.paths);
  for (const file of unclassified) {
    issues.push({ file, severity: 'info', message: 'ignored: the file name says neither hand nor object' });
  }
  const present = new Set(input.paths);
  const usable: { g: HoiGroup; sidecar?: RobotSidecar; sidecarFile?: string }[] = [];
  for (const g of groups) {
    const label = g.hand ?? g.object ?? g.key;
    for (const d of g.duplicates) {
      issues.push({ file: d, severity: 'warning', message: `ignored: grasp "${g.key || 'grasp'}" already uses ${g[meshRole(d)!.role]}` });
    }
    const sidecarFile = sidecarCandidates(g.key).find((c) => present.has(c));
    let sidecar: RobotSidecar | undefined;
    if (sidecarFile) {
      try {
        const parsed = parseRobotSidecar(parseJsonLenient(await input.readText(sidecarFile)));
        if (typeof parsed === 'string') issues.push({ file: sidecarFile, severity: 'error', message: `${parsed}; the grasp is imported without a robot hand` });
        else sidecar = parsed;
      } catch (e) {
        issues.push({ file: sidecarFile, severity: 'error', message: `cannot read as JSON (${(e as Error).message}); the grasp is imported without a robot hand` });
      }
    }
    if (!g.object) {
      issues.push({
        file: label,
        severity: 'error',
        message: `grasp "${g.key || 'grasp'}" has no object mesh (expected e.g. ${g.key ? `${g.key}/object.obj or ${g.key}_object.ply` : 'object.obj'}); skipped`,
      });
      continue;
    }
    if (!g.hand && !sidecar) {
      issues.push({ file: g.object, severity: 'error', message: `grasp "${g.key || 'grasp'}" has neither a hand mesh nor a robot sidecar; skipped` });
      continue;
    }
    usable.push({ g, sidecar, sidecarFile });
  }

  const placeholder = opts.placeholderHand ?? mostUsedHand(usable.flatMap((u) => (u.sidecar ? [u.sidecar.hand] : [])));
  const hands: Record<string, HandSpec> = {};
  const objects: Record<string, ObjectSpec> = {};
  const grasps: Grasp[] = [];
  for (const { g, sidecar, sidecarFile } of usable) {
    const id = g.key || 'grasp';
    const hand = sidecar?.hand ?? placeholder;
    hands[hand] = { builtin: hand };
    objects[id] = { mesh: g.object!, category: sidecar?.category ?? hoiCategory(g.key) };
    if (!sidecar && !sidecarFile) {
      issues.push({
        file: g.hand!,
        severity: 'warning',
        message: `grasp "${id}" has no robot sidecar (${sidecarCandidates(g.key)[0]}); imported with the human hand only (no "root")`,
      });
    }
    grasps.push({
      id,
      object: id,
      hand,
      // No sidecar: no robot pose, so no "root"; the studio shows the human hand only.
      ...(sidecar ? { root: sidecar.root } : {}),
      joints: sidecar?.joints ?? {},
      ...(g.hand ? { mano: { mesh: g.hand } } : {}),
      ...(sidecar ? { meta: { ...sidecar.meta, sidecar: sidecarFile } } : {}),
    });
  }
  return buildManifest({ name: opts.name ?? 'HOI reconstructions', hands, objects, grasps, meta: { importedFrom: 'hoi-folder' } }, issues);
}

function mostUsedHand(used: BuiltinHandId[]): BuiltinHandId {
  const counts = new Map<BuiltinHandId, number>();
  for (const h of used) counts.set(h, (counts.get(h) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'shadowhand';
}
