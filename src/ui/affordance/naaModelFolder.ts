import { findNaaModelFiles } from '../../core/affordance/modelFolder';
import type { StoredNaaModel } from '../../storage/naaModelStore';

/** An NAA model folder picked with a directory input, read into memory to be kept in IndexedDB. Problems name the file. */
export async function readNaaModelFolder(files: File[]): Promise<StoredNaaModel> {
  const rel = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  const byPath = new Map(files.map((f) => [rel(f), f]));
  const found = findNaaModelFiles([...byPath.keys()]);
  const name = found.root.replace(/\/$/, '').split('/').pop() || 'naa-models';
  const out: Record<string, ArrayBuffer> = {};
  for (const [file, path] of Object.entries(found.files)) out[file] = await byPath.get(path)!.arrayBuffer();
  return { name, files: out, savedAt: new Date().toISOString() };
}
