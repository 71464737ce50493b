import { create } from 'zustand';
import type { ResolvedGrasp } from '../core/dataset/loadDataset';
import { EMPTY_RULES } from '../core/review/filterRules';
import { parseFilterRules } from '../core/review/filterRulesSchema';
import { datasetUrlFromLocation } from '../core/dataset/datasetParam';
import { buildSearch, parseViewLink, type ViewLink } from './viewLink';
import { useCameraStore } from './cameraStore';
import { useDatasetStore } from './datasetStore';
import { setRules } from './reviewActions';
import { useReviewStore } from './reviewStore';
import { useViewStore } from './viewStore';

/*
 * The page URL always describes what is on screen: dataset, selected grasp, camera, view toggles
 * and review filters. Grasp changes push a history entry (back/forward walk through visited
 * grasps); camera, toggles and filters replace the current one.
 */

interface LinkState {
  /** problems with the link the page was opened with (bad parameters, unknown grasp) */
  problems: string[];
  /** set when the open dataset came from a local folder: a link cannot reopen it */
  localName: string | null;
  /** the dataset parameter as given (relative links stay relative); null = the bundled sample */
  datasetParam: string | null;
}

export const useLinkStore = create<LinkState>(() => ({ problems: [], localName: null, datasetParam: null }));

/**
 * Grasps changed by a held key (auto-repeat) replace the history entry instead of pushing one:
 * holding an arrow key is one step back. Decided by what the user did, not by timing.
 */
let heldKey = false;
export function asHeldKey(f: () => void): void {
  heldKey = true;
  try {
    f();
  } finally {
    heldKey = false;
  }
}

let pendingGrasp: string | null = null;
let lastGrasp: string | null = null;
let started = false;

function viewDefaults(): Record<string, unknown> {
  return useViewStore.getInitialState() as unknown as Record<string, unknown>;
}

const indexes = new WeakMap<ResolvedGrasp[], Map<string, number>>();
function indexOfGrasp(grasps: ResolvedGrasp[], id: string): number {
  let m = indexes.get(grasps);
  if (!m) {
    m = new Map();
    grasps.forEach((g, i) => m!.set(g.id, i));
    indexes.set(grasps, m);
  }
  return m.get(id) ?? -1;
}

function problem(message: string): void {
  useLinkStore.setState((s) => ({ problems: [...s.problems, message] }));
}

function currentLink(): ViewLink {
  const ds = useDatasetStore.getState();
  const link = useLinkStore.getState();
  const cam = useCameraStore.getState();
  const rules = useReviewStore.getState().rules;
  const grasp = pendingGrasp ?? ds.dataset?.grasps[ds.selected]?.id;
  return {
    dataset: link.datasetParam ?? undefined,
    local: link.localName ?? undefined,
    grasp,
    cam: cam.requested ?? cam.pose ?? undefined,
    view: useViewStore.getState() as unknown as Record<string, unknown>,
    filters: JSON.stringify(rules) === JSON.stringify(EMPTY_RULES) ? undefined : rules,
  };
}

function write(mode: 'push' | 'replace'): void {
  const search = buildSearch(window.location.search, currentLink(), viewDefaults());
  if (search === window.location.search) return;
  const url = window.location.pathname + search + window.location.hash;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

/** Selects the linked grasp once it has arrived (shards stream in); reports it when it never does. */
function resolvePendingGrasp(): void {
  const ds = useDatasetStore.getState();
  if (pendingGrasp === null || !ds.dataset) return;
  const i = indexOfGrasp(ds.dataset.grasps, pendingGrasp);
  if (i >= 0) {
    lastGrasp = pendingGrasp;
    pendingGrasp = null;
    if (ds.selected !== i) ds.select(i);
  } else if (ds.status === 'ready' || ds.status === 'error') {
    problem(`The link's grasp "${pendingGrasp.slice(0, 200)}" is not in this dataset; showing the first grasp.`);
    pendingGrasp = null;
  }
}

function onDatasetChange(): void {
  resolvePendingGrasp();
  const ds = useDatasetStore.getState();
  if (pendingGrasp !== null || !ds.dataset) return;
  const id = ds.dataset.grasps[ds.selected]?.id ?? null;
  if (id === null || id === lastGrasp) return;
  const first = lastGrasp === null;
  lastGrasp = id;
  write(!first && !heldKey ? 'push' : 'replace');
}

/** Which dataset a link or the page shows: a URL (or the sample, '') or a local folder. */
const sourceKey = (dataset: string | null | undefined, local: string | null | undefined) => (dataset ? `url:${dataset}` : local ? `local:${local}` : 'url:');

function onPopState(): void {
  const { link, problems } = parseViewLink(window.location.search, viewDefaults());
  const here = useLinkStore.getState();
  if (sourceKey(link.dataset, link.local) !== sourceKey(here.datasetParam, here.localName)) {
    if (link.dataset || !link.local) {
      useLinkStore.setState({ datasetParam: link.dataset ?? null, localName: null, problems });
      openFromLink(link);
    } else {
      problem(`This history entry showed the local folder "${link.local}", which cannot be reopened from the URL: open it again with "Open…".`);
    }
    return;
  }
  const ds = useDatasetStore.getState();
  if (!link.grasp || !ds.dataset) return;
  const i = indexOfGrasp(ds.dataset.grasps, link.grasp);
  if (i < 0) return;
  // The URL already says this grasp: remember it so the selection change does not push again.
  lastGrasp = link.grasp;
  ds.select(i);
}

function openFromLink(link: ViewLink): void {
  pendingGrasp = link.grasp ?? null;
  lastGrasp = null;
  useCameraStore.getState().request(link.cam ?? null);
  const href = new URL(window.location.href);
  href.search = link.dataset ? `?dataset=${encodeURIComponent(link.dataset)}` : '';
  const target = datasetUrlFromLocation(href.href);
  if ('url' in target) void useDatasetStore.getState().open(target.url);
  else useDatasetStore.setState({ status: 'error', loadError: target.error, dataset: null });
}

/**
 * Opens what the page URL names and keeps the URL in step from then on. Called once at start-up
 * instead of opening the dataset directly.
 */
export function startUrlSync(): void {
  if (started) return;
  started = true;
  const { link, problems } = parseViewLink(window.location.search, viewDefaults());
  useLinkStore.setState({ problems, datasetParam: link.dataset ?? null, localName: link.local && !link.dataset ? link.local : null });

  if (link.view && Object.keys(link.view).length) useViewStore.setState(link.view as never);
  if (link.filters !== undefined) {
    try {
      setRules(parseFilterRules(link.filters));
    } catch (e) {
      problem(`The link's filters are not valid and were ignored (${e instanceof Error ? e.message.slice(0, 300) : String(e)}).`);
    }
  }

  if (link.local && !link.dataset) {
    useDatasetStore.setState({
      status: 'error',
      loadError: `This link refers to the local folder "${link.local}", which a link cannot reopen: nothing was uploaded. Open the folder again with "Open…", or serve it over HTTP and share a ?dataset= link.`,
    });
  } else openFromLink(link);

  useDatasetStore.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset || s.selected !== prev.selected || s.status !== prev.status) onDatasetChange();
  });
  useCameraStore.subscribe((s, prev) => s.pose !== prev.pose && s.requested === null && write('replace'));
  useViewStore.subscribe(() => write('replace'));
  useReviewStore.subscribe((s, prev) => s.rules !== prev.rules && write('replace'));
  window.addEventListener('popstate', onPopState);
}

/** A new history entry for another dataset: its own URL, the current toggles and filters, no grasp or camera yet. */
function pushLink(source: Pick<ViewLink, 'dataset' | 'local'>): void {
  const link = { ...currentLink(), ...source, grasp: undefined, cam: undefined };
  window.history.pushState(null, '', window.location.pathname + buildSearch(window.location.search, link, viewDefaults()));
}

/** Opens a manifest URL typed by the user (http(s) or relative to the studio); refuses other schemes. */
export function openDatasetParam(raw: string): string | null {
  const value = raw.trim();
  const href = new URL(window.location.href);
  href.search = `?dataset=${encodeURIComponent(value)}`;
  const target = datasetUrlFromLocation(href.href);
  if (!value || !('url' in target)) return 'error' in target ? target.error : 'Enter the URL of a manifest.';
  useLinkStore.setState({ datasetParam: value, localName: null, problems: [] });
  pendingGrasp = null;
  lastGrasp = null;
  useCameraStore.getState().request(null);
  pushLink({ dataset: value, local: undefined });
  void useDatasetStore.getState().open(target.url);
  return null;
}

/** Records that a local folder is open: the URL says so, and links explain they cannot reopen it. */
export function markLocalDataset(name: string): void {
  useLinkStore.setState({ datasetParam: null, localName: name, problems: [] });
  pendingGrasp = null;
  lastGrasp = null;
  useCameraStore.getState().request(null);
  pushLink({ dataset: undefined, local: name });
}
