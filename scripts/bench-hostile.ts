// Load time of hostile shards (npx tsx scripts/bench-hostile.ts): prints numbers, asserts nothing.
import { loadDataset } from '../src/core/dataset/loadDataset';
import { memoryIO } from '../src/core/dataset/memoryIO';

const BASE = 'https://bench.test/set/';
const grasp = (id: string) => ({ id, object: 'ball', hand: 'shadow', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: { FFJ3: 0.4 } });
const manifest = JSON.stringify({
  format: 'hoi-studio/dataset@1',
  name: 'bench',
  hands: { shadow: { builtin: 'shadowhand' } },
  objects: { ball: { mesh: 'ball.obj', category: 'ball' } },
  shards: ['grasps.jsonl'],
});

for (const n of [200_000, 1_000_000]) {
  const twin = JSON.stringify(grasp('twin'));
  const shard = [JSON.stringify(grasp('ok')), ...new Array<string>(n).fill(twin)].join('\n') + '\n';
  const t0 = performance.now();
  const ds = await loadDataset(`${BASE}manifest.json`, memoryIO({ [`${BASE}manifest.json`]: manifest, [`${BASE}grasps.jsonl`]: shard }));
  const ms = performance.now() - t0;
  console.log(`${n.toLocaleString('en-US')}-duplicate shard: ${ms.toFixed(0)} ms to load, ${ds.grasps.length} grasps, ${ds.issues.length} issues`);
}
