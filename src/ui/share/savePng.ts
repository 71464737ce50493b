import { downloadBlob } from '../download';
/** A file name safe on every OS from dataset text (which may hold anything). */
export function pngFileName(dataset: string | undefined, grasp: string | undefined): string {
  const clean = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+|_+$/g, '')
      .slice(0, 60);
  const parts = [dataset, grasp]
    .filter((s): s is string => !!s)
    .map(clean)
    .filter(Boolean);
  return `${parts.join('--') || 'hoi-studio'}.png`;
}

/** Downloads the viewport canvas as a PNG (the canvas keeps its drawing buffer for this). */
export function saveCanvasPng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the viewport could not be captured'));
      downloadBlob(fileName, blob);
      resolve();
    }, 'image/png'),
  );
}

export function viewportCanvas(): HTMLCanvasElement | null {
  return document.querySelector<HTMLCanvasElement>('[data-testid="viewport"] canvas');
}
