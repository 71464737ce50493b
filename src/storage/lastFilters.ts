import type { FilterRules } from '../core/review/filterRules';

/*
 * The last filters of each dataset, so a plain reload (a URL without `filters=`) comes back to
 * them. localStorage: small, synchronous, read before the first list is drawn. Failures (private
 * mode, quota) only mean the filters are not remembered.
 */

const PREFIX = 'hoi-last-filters:';

export function loadLastFilters(datasetKey: string, storage: Storage | null = globalStorage()): unknown {
  try {
    const text = storage?.getItem(PREFIX + datasetKey);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function saveLastFilters(datasetKey: string, rules: FilterRules, storage: Storage | null = globalStorage()): void {
  try {
    storage?.setItem(PREFIX + datasetKey, JSON.stringify(rules));
  } catch {
    // not remembered; nothing else depends on it
  }
}

function globalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
