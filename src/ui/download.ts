/** Saves a blob as a file through the browser's download (the only way a static page can write files). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

export async function readFiles(list: FileList | null): Promise<{ name: string; text: string }[]> {
  if (!list) return [];
  return Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * A file input's change handler: reads the chosen files as text, hands them on, reports a file
 * that cannot be read, and clears the input so choosing the same file again fires again.
 */
export function onFilesChosen(
  handle: (files: { name: string; text: string }[]) => Promise<void>,
  report: (message: string) => void,
): (e: { currentTarget: HTMLInputElement }) => Promise<void> {
  return async (e) => {
    const input = e.currentTarget;
    try {
      await handle(await readFiles(input.files));
    } catch (err) {
      report(`Could not read the chosen file: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      input.value = '';
    }
  };
}

/** A file-name-safe slug of a dataset name. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'dataset'
  );
}
