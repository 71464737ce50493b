/**
 * Runs `fn` with some globals replaced and restores them afterwards, even on throw.
 * Needed because urdf-loader and three's ColladaLoader test `instanceof Document/Element` and
 * call `new DOMParser()` as free globals, which do not exist in Node or Web Workers.
 * Only for synchronous `fn`: nothing else can observe the swap.
 */
export function withGlobals<T>(replacements: Record<string, unknown>, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(replacements).map((key) => ({
    key,
    desc: Object.getOwnPropertyDescriptor(g, key),
  }));
  for (const key of Object.keys(replacements)) {
    Object.defineProperty(g, key, { value: replacements[key], configurable: true, writable: true });
  }
  try {
    return fn();
  } finally {
    for (const { key, desc } of saved) {
      if (desc) Object.defineProperty(g, key, desc);
      else delete g[key];
    }
  }
}
