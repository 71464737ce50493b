import { useEffect, useState } from 'react';
import { dragHasFiles, filesFromDrop } from './readDrop';
import { openLocalFiles } from '../../state/openLocal';
import { useOpenStore } from '../../state/openStore';

/** Dropping a folder (or files) anywhere on the page opens it; an overlay says so while dragging. */
export function DropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      if (--depth <= 0) {
        depth = 0;
        setOver(false);
      }
    };
    const overHandler = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const reading = filesFromDrop(e.dataTransfer!);
      useOpenStore.setState({ busy: 'Reading the dropped files…', error: null });
      reading.then(
        (files) => openLocalFiles(files),
        (err) => useOpenStore.setState({ busy: null, dialogOpen: true, error: `Could not read the dropped files: ${String(err?.message ?? err)}` }),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      Drop a dataset folder to open it (nothing is uploaded)
    </div>
  );
}
