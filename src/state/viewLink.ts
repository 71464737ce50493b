import type { CameraPose } from './cameraStore';

/**
 * What a shared link carries, as query parameters next to any others the page has (`e2e`...):
 *   dataset=<manifest URL, as given>  grasp=<id>  cam=x,y,z,tx,ty,tz (meters)
 *   view=wireframe.1~showHand.0~objectSource.reconstruction (only values that differ from the defaults)
 *   filters=<base64url JSON of the review's filter rules>   local=<folder name> (not reopenable)
 */
export interface ViewLink {
  dataset?: string;
  grasp?: string;
  cam?: CameraPose;
  /** on output: the whole view state (only primitives that differ from the defaults are written) */
  view?: Record<string, unknown>;
  filters?: unknown;
  local?: string;
}
export type ViewValue = boolean | string | number;

export const LINK_PARAMS = ['dataset', 'local', 'grasp', 'cam', 'view', 'filters'] as const;

const CAM_DIGITS = 4; // 0.1 mm
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCamera(c: CameraPose): string {
  return [...c.position, ...c.target].map((v) => String(Number(v.toFixed(CAM_DIGITS)))).join(',');
}

export function decodeCamera(text: string): CameraPose | string {
  const v = text.split(',').map((t) => (t.trim() === '' ? NaN : Number(t)));
  if (v.length !== 6 || !v.every(Number.isFinite)) return `"cam" must be six numbers x,y,z,tx,ty,tz (found "${text.slice(0, 80)}")`;
  if (v.some((x) => Math.abs(x) > 1e4)) return `"cam" is out of range (|value| > 10 km)`;
  if (v[0] === v[3] && v[1] === v[4] && v[2] === v[5]) return '"cam": the camera sits on its target';
  return { position: [v[0], v[1], v[2]], target: [v[3], v[4], v[5]] };
}

/** Primitive view settings that differ from `defaults`; objects and functions are left out. */
export function encodeView(view: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(view)) {
    if (v === defaults[k] || !TOKEN.test(k)) continue;
    if (typeof v === 'boolean') parts.push(`${k}.${v ? 1 : 0}`);
    else if ((typeof v === 'string' && TOKEN.test(v)) || (typeof v === 'number' && Number.isFinite(v))) parts.push(`${k}.${v}`);
  }
  return parts.join('~');
}

/**
 * Values for keys `defaults` has, converted to the default's type. Unknown keys and values of
 * the wrong type are reported and skipped, so a link from another version still opens.
 */
export function decodeView(text: string, defaults: Record<string, unknown>): { view: Record<string, ViewValue>; problems: string[] } {
  const view: Record<string, ViewValue> = {};
  const problems: string[] = [];
  for (const part of text.split('~')) {
    if (!part) continue;
    const dot = part.indexOf('.');
    const key = dot > 0 ? part.slice(0, dot) : part;
    const raw = dot > 0 ? part.slice(dot + 1) : '';
    const def = Object.prototype.hasOwnProperty.call(defaults, key) ? defaults[key] : undefined;
    if (typeof def === 'boolean' && (raw === '1' || raw === '0')) view[key] = raw === '1';
    else if (typeof def === 'number' && Number.isFinite(Number(raw)) && raw !== '') view[key] = Number(raw);
    else if (typeof def === 'string' && TOKEN.test(raw)) view[key] = raw;
    else problems.push(`view setting "${part.slice(0, 60)}" is not known; ignored`);
  }
  return { view, problems };
}

export function base64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Reads the link parameters; bad ones are reported (never thrown) and left out. */
export function parseViewLink(search: string, viewDefaults: Record<string, unknown>): { link: ViewLink; problems: string[] } {
  const p = new URLSearchParams(search);
  const link: ViewLink = {};
  const problems: string[] = [];
  const dataset = p.get('dataset')?.trim();
  if (dataset) link.dataset = dataset;
  const local = p.get('local');
  if (local) link.local = local.slice(0, 200);
  const grasp = p.get('grasp');
  if (grasp) link.grasp = grasp;
  const cam = p.get('cam');
  if (cam) {
    const c = decodeCamera(cam);
    if (typeof c === 'string') problems.push(c);
    else link.cam = c;
  }
  const view = p.get('view');
  if (view) {
    const v = decodeView(view, viewDefaults);
    link.view = v.view;
    problems.push(...v.problems);
  }
  const filters = p.get('filters');
  if (filters) {
    try {
      link.filters = JSON.parse(base64urlDecode(filters));
    } catch {
      problems.push('"filters" is not readable (expected base64url-encoded JSON); ignored');
    }
  }
  return { link, problems };
}

/**
 * The query string for `link`, keeping the page's other parameters in their place. Commas,
 * colons, slashes and tildes stay readable: they are legal in a query.
 */
export function buildSearch(currentSearch: string, link: ViewLink, viewDefaults: Record<string, unknown>): string {
  const p = new URLSearchParams(currentSearch);
  for (const k of LINK_PARAMS) p.delete(k);
  if (link.dataset) p.set('dataset', link.dataset);
  if (link.local) p.set('local', link.local);
  if (link.grasp !== undefined) p.set('grasp', link.grasp);
  if (link.cam) p.set('cam', encodeCamera(link.cam));
  const view = link.view ? encodeView(link.view, viewDefaults) : '';
  if (view) p.set('view', view);
  if (link.filters !== undefined) p.set('filters', base64urlEncode(JSON.stringify(link.filters)));
  const s = p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%7E/gi, '~');
  return s ? `?${s}` : '';
}
