// `npm run lint` step: fails when two source folders import each other (directly or through others).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { folderCycles, folderEdges, type ImportEdge } from './folderCycles';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    // Tests may reach across folders (they exercise several together); only shipped code is layered.
    return /\.tsx?$/.test(name) && !/\.(test|testutil)\.tsx?$/.test(name) ? [rel] : [];
  });
}

function resolveRelative(from: string, spec: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

const imports: ImportEdge[] = [];
for (const file of [...sourceFiles('src'), ...sourceFiles('workers')]) {
  // preProcessFile lists static, type-only and dynamic imports without a full parse.
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const to = resolveRelative(file, ref.fileName);
    if (to) imports.push({ from: file, to });
  }
}
const edges = folderEdges(imports);
const cycles = folderCycles(edges);
if (cycles.length === 0) {
  console.log('no import cycles between folders');
} else {
  for (const cycle of cycles) {
    console.error(`import cycle between folders: ${cycle.join(' ↔ ')}`);
    for (const a of cycle) {
      for (const [b, e] of edges.get(a) ?? []) if (cycle.includes(b)) console.error(`  ${e.from} imports ${e.to}`);
    }
  }
  process.exit(1);
}
