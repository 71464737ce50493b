/** The files NAA reads from a model folder (docs/affordance.md): SAM's two graphs, CLIP's two towers and its tokenizer. */
export const NAA_MODEL_FILES = [
  'sam/onnx/vision_encoder.onnx',
  'sam/onnx/prompt_encoder_mask_decoder.onnx',
  'clip/onnx/vision_model.onnx',
  'clip/onnx/text_model.onnx',
  'clip/tokenizer.json',
] as const;

export type NaaModelFile = (typeof NAA_MODEL_FILES)[number];

/**
 * Finds the NAA files among the paths of a folder the user picked (a directory input gives
 * paths starting with the folder's own name; the model may sit one level deeper). All five must
 * share one root; otherwise the error names what is missing, so the user knows which export to add.
 */
export function findNaaModelFiles(paths: readonly string[]): { root: string; files: Record<NaaModelFile, string> } {
  const roots = new Map<string, number>();
  for (const p of paths)
    for (const f of NAA_MODEL_FILES)
      if (p === f || p.endsWith('/' + f)) {
        const root = p.slice(0, p.length - f.length);
        roots.set(root, (roots.get(root) ?? 0) + 1);
      }
  // The root holding most of the files (the shortest on a tie), so a stray copy elsewhere does not win.
  const best = [...roots.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0];
  const have = new Set(paths);
  const missing = NAA_MODEL_FILES.filter((f) => best === undefined || !have.has(best + f));
  if (missing.length) {
    throw new Error(
      `the chosen folder is not an NAA model folder: ${missing.length === NAA_MODEL_FILES.length ? 'none' : `${NAA_MODEL_FILES.length - missing.length} of ${NAA_MODEL_FILES.length}`} of its files found, missing ${missing.join(', ')} (${paths.length} files in the folder)`,
    );
  }
  const files = {} as Record<NaaModelFile, string>;
  for (const f of NAA_MODEL_FILES) files[f] = best + f;
  return { root: best!, files };
}
