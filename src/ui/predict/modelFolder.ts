import { parseDroModel } from '../../core/dro/modelFile';
import type { StoredModel } from '../../storage/modelStore';

/**
 * A model folder picked with a directory input: its dro.json and the two graphs it names, read
 * into memory so they can be kept in IndexedDB. Problems name the file.
 */
export async function readModelFolder(files: File[]): Promise<StoredModel> {
  const rel = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  const descriptor = files.find((f) => rel(f).split('/').pop() === 'dro.json');
  if (!descriptor) throw new Error(`no dro.json in the chosen folder (${files.length} files)`);
  const path = rel(descriptor);
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const name = dir.replace(/\/$/, '').split('/').pop() || 'model';
  const text = await descriptor.text();
  const spec = parseDroModel(text, path);
  const pick = async (file: string) => {
    const f = files.find((x) => rel(x) === dir + file);
    if (!f) throw new Error(`${path} names "${file}", which is not in the folder`);
    return f.arrayBuffer();
  };
  return { name, droJson: text, embed: await pick(spec.embed), kernel: await pick(spec.kernel), savedAt: new Date().toISOString() };
}
