/** Files of a drop keyed by their path inside what was dropped ('myset/meshes/a.obj'). */
export async function filesFromDrop(dt: DataTransfer): Promise<Record<string, File>> {
  // Entries must be taken synchronously, during the drop event; reading them can wait.
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  const out: Record<string, File> = {};
  if (entries.length === 0) {
    for (const f of Array.from(dt.files)) out[f.name] = f;
    return out;
  }
  await Promise.all(entries.map((e) => walk(e, out)));
  return out;
}

async function walk(entry: FileSystemEntry, out: Record<string, File>): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out[entry.fullPath.replace(/^\/+/, '')] = file;
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    await Promise.all(batch.map((e) => walk(e, out)));
  }
}

/** Whether a drag carries files (not text or a link dragged from the page). */
export function dragHasFiles(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types).includes('Files');
}
