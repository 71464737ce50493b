import { useState } from 'react';
import { useDatasetStore } from '../state/datasetStore';
import { useSceneStore } from '../state/sceneStore';
import type { DatasetIssue } from '../core/dataset/loadDataset';

const NO_ISSUES: DatasetIssue[] = [];

/** Every problem with the data, named by file, shown where the user looks (not only the console). */
export function IssuesPanel() {
  const issues = useDatasetStore((s) => s.dataset?.issues ?? NO_ISSUES);
  const scene = useSceneStore();
  const [open, setOpen] = useState(true);
  const sceneErrors = [scene.objectError, scene.reconstructionError, scene.manoError, scene.handError, ...(scene.hand?.errors ?? [])].filter((e): e is string => !!e);
  const errors = issues.filter((i) => i.severity === 'error').length + sceneErrors.length;
  const warnings = issues.length - issues.filter((i) => i.severity === 'error').length;
  if (issues.length === 0 && sceneErrors.length === 0) return null;
  return (
    <section className="issues" aria-label="Problems" data-testid="issues">
      <button className="issues-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {errors > 0 ? `⚠ ${errors} problem${errors === 1 ? '' : 's'}` : ''}
        {warnings > 0 ? ` ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
      </button>
      {open && (
        <ul>
          {sceneErrors.map((m, i) => (
            <li key={'s' + i} className="error" role="alert">
              {m}
            </li>
          ))}
          {issues.map((i, k) => (
            <li key={k} className={i.severity}>
              <strong>{i.file}</strong>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
