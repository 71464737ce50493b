/**
 * Dataset paths are URLs relative to the file that names them. Absolute URLs pass through,
 * so a manifest on one host may reference meshes on another.
 */
export function resolveUrl(base: string, path: string): string {
  try {
    return new URL(path, base).href;
  } catch {
    // A base that is not a URL (a bare file name in tests): join as plain paths.
    const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
    return dir + path;
  }
}

/** How a file is named in messages: relative to the manifest's folder when it lies below it. */
export function fileLabel(url: string, manifestUrl: string): string {
  const dir = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
  if (url === manifestUrl) return url.slice(dir.length) || url;
  return dir && url.startsWith(dir) ? url.slice(dir.length) : url;
}
