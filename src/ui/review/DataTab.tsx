import { useMemo, useState } from 'react';
import { acceptedManifest } from '../../core/review/acceptedManifest';
import { agreement } from '../../core/review/agreement';
import { decisionsToCsv, decisionsToJson } from '../../core/review/exportDecisions';
import { useDatasetStore } from '../../state/datasetStore';
import { agreementRecords, clearDecisions, forgetImport, importDecisionFiles, selectGrasp } from '../../state/reviewActions';
import { pushError, useReviewStore } from '../../state/reviewStore';
import { downloadText, fileSlug, onFilesChosen } from '../download';

/** Exports (decisions, accepted subset), imports of other annotators' files, agreement, clearing. */
export function DataTab() {
  const dataset = useDatasetStore((s) => s.dataset);
  const log = useReviewStore((s) => s.log);
  const logVersion = useReviewStore((s) => s.logVersion);
  const imports = useReviewStore((s) => s.imports);
  const [target, setTarget] = useState('accepted-manifest.json');
  const accepted = useMemo(() => [...log.latestAll().values()].filter((r) => r.decision === 'accept').map((r) => r.grasp), [log, logVersion]); // eslint-disable-line react-hooks/exhaustive-deps -- logVersion: the log is appended in place
  if (!dataset) return null;
  const slug = fileSlug(dataset.name);
  const ref = { name: dataset.name, manifest: dataset.manifestUrl };

  const exportManifest = () => {
    let at: URL;
    try {
      at = new URL(target.trim() || 'accepted-manifest.json', dataset.manifestUrl);
    } catch {
      useReviewStore.setState((s) => ({ errors: [...s.errors, `"${target}" is not a usable file location`] }));
      return;
    }
    const out = acceptedManifest(dataset, accepted, { target: at.href });
    const name = at.pathname.split('/').pop() || 'accepted-manifest.json';
    downloadText(name, out.json);
    if (out.missing.length) useReviewStore.setState({ notice: `${out.missing.length} accepted grasps are not in this dataset and were left out` });
  };

  return (
    <div className="data-tab">
      <h3>Decisions</h3>
      <p className="muted small">
        {log.size} records ({accepted.length} accepted) stored in this browser for this dataset, saved the moment they are made.
      </p>
      <div className="button-row">
        <button onClick={() => downloadText(`${slug}-decisions.json`, decisionsToJson(ref, log.all()))}>Export JSON</button>
        <button
          onClick={() =>
            downloadText(
              `${slug}-decisions.csv`,
              decisionsToCsv(
                log.all(),
                dataset.grasps.map((g) => g.id),
              ),
              'text/csv',
            )
          }
        >
          Export CSV
        </button>
        <label className="file-button">
          Import decision files…
          <input
            type="file"
            multiple
            accept=".json,application/json"
            aria-label="Import decision files"
            onChange={onFilesChosen((files) => importDecisionFiles(files), pushError)}
          />
        </label>
      </div>
      <p className="muted small">
        JSON holds the full history (undos included); CSV one row per grasp with its latest decision. Importing your own export restores it; other annotators' files feed the
        agreement view.
      </p>

      <h3>Accepted subset as a dataset</h3>
      <label className="target">
        Save as <input aria-label="Accepted manifest location" value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <p className="muted small">
        Relative to the open manifest. Mesh and URDF paths in the new manifest are rewritten to resolve from that location, so save the downloaded file there (default: next to the
        original manifest).
      </p>
      <button disabled={accepted.length === 0} onClick={exportManifest}>
        Export accepted manifest ({accepted.length})
      </button>

      <Agreement />
      {imports.length > 0 && (
        <>
          <h3>Imported files</h3>
          <ul className="imports">
            {imports.map((f) => (
              <li key={f.file}>
                {f.file} <span className="muted">({f.data.records.length} records)</span>{' '}
                <button className="link-button" aria-label={`Forget ${f.file}`} onClick={() => void forgetImport(f.file)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Danger zone</h3>
      <button
        className="btn-danger"
        onClick={() => {
          if (confirm(`Delete all ${log.size} decision records of "${dataset.name}" from this browser? Export them first if you need them.`)) void clearDecisions();
        }}
      >
        Clear decisions
      </button>
    </div>
  );
}

function Agreement() {
  const log = useReviewStore((s) => s.log);
  const logVersion = useReviewStore((s) => s.logVersion);
  const imports = useReviewStore((s) => s.imports);
  const a = useMemo(() => agreement(agreementRecords({ log, imports })), [log, logVersion, imports]); // eslint-disable-line react-hooks/exhaustive-deps -- logVersion: the log is appended in place
  if (a.annotators.length < 2) return <p className="muted small">Import another annotator's decision file to compare (Cohen's kappa per pair).</p>;
  return (
    <div className="agreement" data-testid="agreement">
      <h3>Agreement</h3>
      <table className="summary-table">
        <thead>
          <tr>
            <th>Pair</th>
            <th>Both decided</th>
            <th>Agree</th>
            <th>κ</th>
          </tr>
        </thead>
        <tbody>
          {a.pairs.map((p) => (
            <tr key={`${p.a}|${p.b}`} title={p.note}>
              <td>
                {p.a} / {p.b}
              </td>
              <td>{p.n}</td>
              <td>{Number.isNaN(p.observed) ? '–' : `${(100 * p.observed).toFixed(0)}%`}</td>
              <td data-testid="kappa">{Number.isNaN(p.kappa) ? '–' : p.kappa.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Accept and reject count; skips defer judgement and are left out.</p>
      <h3>Disagreements ({a.disagreements.length})</h3>
      <ul className="disagreements">
        {a.disagreements.slice(0, 300).map((d) => (
          <li key={d.grasp}>
            <button className="link-button" onClick={() => selectGrasp(d.grasp)}>
              {d.grasp}
            </button>{' '}
            <span className="muted">
              {Object.entries(d.decisions)
                .map(([who, dec]) => `${who}: ${dec}`)
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {a.disagreements.length > 300 && <p className="muted small">first 300 shown</p>}
    </div>
  );
}
