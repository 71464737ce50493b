import type { Manifest } from '../dataset/schema';

export type ImportKind = 'hoi-folder' | 'dexgraspnet' | 'dro';
export const IMPORT_KINDS: readonly ImportKind[] = ['hoi-folder', 'dexgraspnet', 'dro'];

/** 'info' is for conventions applied silently by design (e.g. DexGraspNet's fixed wrist joints). */
export interface ImportIssue {
  /** the input file, as the importer was given it */
  file: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/**
 * What every importer returns. The manifest (and `files`, extra files such as grasp shards) are
 * meant to be written next to the input root, so their relative paths name the input files.
 */
export interface ImportResult {
  manifest: Manifest;
  /** extra files (path relative to the manifest -> text), e.g. JSON Lines grasp shards */
  files?: Record<string, string>;
  issues: ImportIssue[];
}

/** Read-only view of the input: every path relative to the dataset root, '/'-separated. */
export interface ImportFiles {
  paths: string[];
  readText(path: string): Promise<string>;
}

export interface ImportOptions {
  /** dataset name for the manifest; default derived from the input */
  name?: string;
}
