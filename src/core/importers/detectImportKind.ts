import { meshRole } from './hoiFolderLayout';
import { isMeshPath, splitPath } from './importFiles';
import { isRecord, parseJsonLenient } from './lenientJson';
import type { ImportKind } from './types';

export interface DetectedKind {
  kind: ImportKind;
  reason: string;
}

/**
 * Guesses the importer for a folder without a manifest from its file names alone. JSON and CSV
 * grasp records are told apart only by content: `sniffImportKind` reads one of them.
 */
export function detectImportKindFromPaths(paths: readonly string[]): DetectedKind | { kind: 'records'; files: string[]; reason: string } | undefined {
  const roles = paths.filter(isMeshPath).map(meshRole);
  const hands = roles.filter((r) => r?.role === 'hand').length;
  const objects = roles.filter((r) => r?.role === 'object').length;
  if (hands && objects) return { kind: 'hoi-folder', reason: `${hands} hand mesh(es) and ${objects} object mesh(es) named by role` };
  if (paths.some((p) => splitPath(p).ext === 'npy')) {
    return { kind: 'dexgraspnet', reason: '.npy grasp files (DexGraspNet); they must be converted to JSON first' };
  }
  const records = paths.filter((p) => ['json', 'csv'].includes(splitPath(p).ext));
  if (records.length) return { kind: 'records', files: records, reason: 'JSON/CSV files: read one with sniffImportKind to tell DexGraspNet from DRO' };
  return undefined;
}

/** DexGraspNet records carry "qpos" objects; DRO records carry "q" vectors (or are CSV rows). */
export function sniffImportKind(text: string, fileName: string): DetectedKind | undefined {
  if (splitPath(fileName).ext === 'csv') return { kind: 'dro', reason: `${fileName}: CSV rows of q vectors` };
  let data: unknown;
  try {
    data = parseJsonLenient(text);
  } catch {
    return undefined;
  }
  const first = Array.isArray(data) ? data[0] : isRecord(data) && Array.isArray(data.grasps) ? data.grasps[0] : data;
  if (isRecord(first) && isRecord(first.qpos)) return { kind: 'dexgraspnet', reason: `${fileName}: records with "qpos"` };
  if (isRecord(first) && first.q !== undefined) return { kind: 'dro', reason: `${fileName}: records with "q" vectors` };
  return undefined;
}
