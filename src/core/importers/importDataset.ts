import type { BlobLike } from '../dataset/folderIO';
import { importDexGraspNet, type DexGraspNetOptions } from './dexGraspNet';
import { importDroQ } from './droQ';
import { importHoiFolder, type HoiFolderOptions } from './hoiFolder';
import { importFilesFromMap } from './importFiles';
import type { ImportFiles, ImportKind, ImportResult } from './types';

export type ImportDatasetOptions = HoiFolderOptions & DexGraspNetOptions;
export type ImportInput = ImportFiles | Record<string, string | ArrayBuffer | Uint8Array | BlobLike>;

function isImportFiles(input: ImportInput): input is ImportFiles {
  return Array.isArray((input as ImportFiles).paths) && typeof (input as ImportFiles).readText === 'function';
}

/**
 * The one entry point for the CLI and the UI: converts a research-format folder into a v1
 * manifest (+ extra files) that then loads through loadDataset like any dataset. `input` is
 * either an ImportFiles or a map of root-relative path -> content.
 */
export function importDataset(kind: ImportKind, input: ImportInput, opts: ImportDatasetOptions = {}): Promise<ImportResult> {
  const files = isImportFiles(input) ? input : importFilesFromMap(input);
  switch (kind) {
    case 'hoi-folder':
      return importHoiFolder(files, opts);
    case 'dexgraspnet':
      return importDexGraspNet(files, opts);
    case 'dro':
      return importDroQ(files, opts);
    default:
      return Promise.reject(new Error(`unknown import kind "${String(kind)}" (expected hoi-folder, dexgraspnet or dro)`));
  }
}
