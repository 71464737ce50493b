// The importers' public face: research formats -> manifest v1.
export { importDataset, type ImportDatasetOptions, type ImportInput } from './importDataset';
export { importHoiFolder, type HoiFolderOptions } from './hoiFolder';
export { importDexGraspNet, type DexGraspNetOptions } from './dexGraspNet';
export { DEXGRASPNET_ROOT_FRAME, DEXGRASPNET_JOINT_MAP } from './dexGraspNetConventions';
export { importDroQ, DRO_ROOT_OFFSET } from './droQ';
export { jointTreeOrder } from './jointTreeOrder';
export { detectImportKindFromPaths, sniffImportKind, type DetectedKind } from './detectImportKind';
export { importFilesFromMap, importFilesFromIO } from './importFiles';
export { findManifest, topFolder, type ManifestChoice } from './findManifest';
export { prepareLocalFolder, type FolderReport, type PreparedFolder } from './prepareLocalFolder';
export type { ImportFiles, ImportIssue, ImportKind, ImportOptions, ImportResult } from './types';
export { IMPORT_KINDS } from './types';
