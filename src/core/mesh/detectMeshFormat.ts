export type MeshFormat = 'obj' | 'ply' | 'stl' | 'glb' | 'gltf';

const EXTENSIONS: Record<string, MeshFormat> = {
  obj: 'obj',
  ply: 'ply',
  stl: 'stl',
  glb: 'glb',
  gltf: 'gltf',
};

export function formatFromExtension(fileName: string): MeshFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return m ? (EXTENSIONS[m[1].toLowerCase()] ?? null) : null;
}

function asciiPrefix(bytes: Uint8Array, n: number): string {
  let s = '';
  const end = Math.min(n, bytes.length);
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * Content wins over the extension where the content is unambiguous, because files downloaded
 * from the web are often misnamed (a .stl that is really a glb, a .ply exported as .obj).
 * Returns null when neither content nor extension says what the file is.
 */
export function detectMeshFormat(bytes: ArrayBuffer, fileName: string): MeshFormat | null {
  const u8 = new Uint8Array(bytes);
  const head = asciiPrefix(u8, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (head.startsWith('glTF')) return 'glb';
  if (/^ply\r?\n/.test(head)) return 'ply';
  const byExt = formatFromExtension(fileName);
  if (u8.length >= 84) {
    const n = new DataView(bytes).getUint32(80, true);
    if (84 + n * 50 === u8.length && n > 0) return 'stl';
  }
  const trimmed = head.trimStart();
  if (/^solid\b/.test(trimmed) && /facet|endsolid/.test(head)) return 'stl';
  if (trimmed.startsWith('{') && /"asset"\s*:/.test(head)) return 'gltf';
  if (byExt) return byExt;
  if (/^(v|f|o|g|vn|vt|#)\s/m.test(head)) return 'obj';
  return null;
}
