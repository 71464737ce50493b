// Folder-level import cycles. ESLint's import-x/no-cycle only sees file cycles; two folders that import
// each other through different files are still tangled (neither can be understood or moved alone).

/** The folder a source file belongs to for layering: src/core/<area>, workers, or src/<layer>. */
export function folderOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'workers') return 'workers';
  if (parts[0] !== 'src' || parts.length < 3) return null;
  if (parts[1] === 'core') return parts.length > 3 ? `src/core/${parts[2]}` : 'src/core';
  return `src/${parts[1]}`;
}

export type ImportEdge = { from: string; to: string };

/** Folder edges with one example file import each, so a failure names a line to fix. */
export function folderEdges(imports: ImportEdge[]): Map<string, Map<string, ImportEdge>> {
  const edges = new Map<string, Map<string, ImportEdge>>();
  for (const e of imports) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (!a || !b || a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    const out = edges.get(a)!;
    if (!out.has(b)) out.set(b, e);
  }
  return edges;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted, for stable messages. */
export function folderCycles(edges: Map<string, Map<string, ImportEdge>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) cycles.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}
