import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helper: the real hand URDFs in ../shared/assets/hands (outside the repo), if present. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const REAL_HANDS_DIR = path.resolve(repoRoot, '../shared/assets/hands');

export const REAL_URDFS = {
  shadowhand: path.join(REAL_HANDS_DIR, 'shadow_hand/shadow_hand_right.urdf'),
  leaphand: path.join(REAL_HANDS_DIR, 'leap_hand/leap_hand_right.urdf'),
} as const;

export function realHandsAvailable(note: string): boolean {
  const ok = fs.existsSync(REAL_URDFS.shadowhand) && fs.existsSync(REAL_URDFS.leaphand);
  if (!ok) console.warn(`[skipped] ${note}: ${REAL_HANDS_DIR} not found`);
  return ok;
}

export async function readFileBytes(file: string): Promise<ArrayBuffer> {
  const b = await fs.promises.readFile(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
