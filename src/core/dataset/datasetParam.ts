/** The default dataset ships with the studio, next to index.html. */
export const SAMPLE_MANIFEST = 'sample/manifest.json';

/**
 * Reads ?dataset= from the page URL. Only http(s) URLs (or paths on this site) are accepted:
 * javascript:, data: and other schemes are refused, never followed.
 */
export function datasetUrlFromLocation(href: string): { url: string } | { error: string } {
  const page = new URL(href);
  const param = page.searchParams.get('dataset');
  const target = param && param.trim() ? param.trim() : SAMPLE_MANIFEST;
  let url: URL;
  try {
    url = new URL(target, page);
  } catch {
    return { error: `The dataset parameter is not a valid URL: "${target.slice(0, 200)}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `Refused to open dataset "${target.slice(0, 200)}": only http(s) URLs are allowed.` };
  }
  return { url: url.href };
}
