import { parseMeshAsync } from '../mesh/parseMesh';
import type { TriMesh } from '../mesh/triMesh';
import { colladaToMesh } from './colladaToMesh';

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Fetches the first candidate URL that answers and parses it (in the file's own units).
 * Rejects with one Error naming the URDF filename and every URL tried.
 */
export async function fetchMesh(filename: string, candidates: string[], fetchBytes: FetchBytes): Promise<TriMesh> {
  const failures: string[] = [];
  for (const url of candidates) {
    let bytes: ArrayBuffer;
    try {
      bytes = await fetchBytes(url);
    } catch (e) {
      failures.push(`${url}: ${errorText(e)}`);
      continue;
    }
    // A file that was found but will not parse is the answer; do not mask it with other candidates.
    try {
      return /\.dae$/i.test(url) ? colladaToMesh(bytes, url) : await parseMeshAsync(bytes, url);
    } catch (e) {
      throw new Error(`mesh '${filename}': ${errorText(e)}`, { cause: e });
    }
  }
  throw new Error(`mesh '${filename}' could not be fetched (${failures.join('; ')})`);
}
