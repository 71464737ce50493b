import { useEffect, useState } from 'react';
import { failureReasons } from '../../core/review/filterRules';
import { queueProgress } from '../../core/review/reviewQueue';
import { decisionsPerMinute } from '../../core/review/throughput';
import { useDatasetStore } from '../../state/datasetStore';
import { graspSaving } from '../../state/decisionSaving';
import { decide, setNote, setReasons, toggleReason, undo } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';
import { actions } from '../actions';
import { DecisionBadge } from './DecisionBadge';
import { DecisionHistory } from './DecisionHistory';
import { SaveState } from './SaveState';
import { BatchActions } from './BatchActions';
import { keyLabel } from './keyLabel';
import { QueueOrderPicker } from './QueueOrderPicker';

function keyOf(name: string): string {
  const a = actions.find((x) => x.name === name);
  return a ? keyLabel(a.keys[0]) : '';
}

/** Decide the selected grasp: buttons, reasons, note, its history, and the queue's progress. */
export function ReviewTab() {
  const selected = useDatasetStore((s) => s.selected);
  const table = useReviewStore((s) => s.table);
  useReviewStore((s) => s.logVersion);
  useReviewStore((s) => s.tableVersion);
  const log = useReviewStore((s) => s.log);
  const annotator = useReviewStore((s) => s.annotator);
  const dbReady = useReviewStore((s) => s.dbReady);
  const unsaved = useReviewStore((s) => s.unsaved);
  const grasp = table && selected < table.n ? table.ids[selected] : null;
  if (!table || !grasp) return <p className="muted">No grasp selected.</p>;
  const state = log.state(grasp);

  return (
    <div className="review-tab" data-testid="review-tab">
      <div className="review-annotator">
        Annotator: {annotator ? <strong data-testid="annotator-name">{annotator}</strong> : <em className="muted">not set</em>}{' '}
        <button className="link-button" onClick={() => useReviewStore.setState({ annotatorDialog: true })}>
          {annotator ? 'Change' : 'Set name'}
        </button>
      </div>
      <div className="review-state">
        <DecisionBadge state={state} saving={graspSaving(unsaved, grasp)} /> <span data-testid="decision-state">{state}</span>
        <FilterVerdict row={selected} />
      </div>
      <div className="decision-buttons" role="group" aria-label="Decision">
        <button className="btn-accept" aria-label="Accept" title={`Accept (${keyOf('accept')})`} disabled={!dbReady} onClick={() => void decide('accept')}>
          Accept <kbd>{keyOf('accept')}</kbd>
        </button>
        <button className="btn-reject" aria-label="Reject" title={`Reject (${keyOf('reject')})`} disabled={!dbReady} onClick={() => void decide('reject')}>
          Reject <kbd>{keyOf('reject')}</kbd>
        </button>
        <button aria-label="Skip" title={`Skip (${keyOf('skip')})`} disabled={!dbReady} onClick={() => void decide('skip')}>
          Skip <kbd>{keyOf('skip')}</kbd>
        </button>
        <button aria-label="Undo" title={`Undo the last decision (${keyOf('undo')})`} disabled={!dbReady} onClick={() => void undo()}>
          Undo <kbd>⌫</kbd>
        </button>
      </div>
      <SaveState />
      <BatchActions />
      <ReasonsEditor />
      <NoteField />
      <Progress />
      <QueueOrderPicker />
      <h3>History</h3>
      <DecisionHistory grasp={grasp} />
    </div>
  );
}

function FilterVerdict({ row }: { row: number }) {
  const result = useReviewStore((s) => s.result);
  const rules = useReviewStore((s) => s.rules);
  const table = useReviewStore((s) => s.table);
  if (!result || !table || row >= result.total) return null;
  const reasons = result.pass[row] ? [] : failureReasons(rules, table, result, row);
  if (reasons.length === 0) return <span className="pass-mark">passes filters</span>;
  return (
    <span className="fail-mark" title={reasons.join('\n')}>
      fails: {reasons[0]}
      {reasons.length > 1 ? ` (+${reasons.length - 1})` : ''}
    </span>
  );
}

function ReasonsEditor() {
  const reasons = useReviewStore((s) => s.reasons);
  const chosen = useReviewStore((s) => s.draft.reasons);
  const [editing, setEditing] = useState(false);
  const [added, setAdded] = useState('');
  return (
    <fieldset className="reasons">
      <legend>
        Reasons{' '}
        <button className="link-button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {editing ? 'Done' : 'Edit list'}
        </button>
      </legend>
      {reasons.map((r, k) => (
        <label key={r} className="reason">
          <input type="checkbox" checked={chosen.includes(r)} onChange={() => toggleReason(r)} /> {r}
          {k < 9 && (
            <kbd className="reason-key" aria-hidden="true">
              {k + 1}
            </kbd>
          )}
          {editing && (
            <button className="link-button" aria-label={`Remove reason ${r}`} onClick={(e) => (e.preventDefault(), void setReasons(reasons.filter((x) => x !== r)))}>
              ×
            </button>
          )}
        </label>
      ))}
      {editing && (
        <form
          className="reason-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (added.trim()) void setReasons([...reasons, added]);
            setAdded('');
          }}
        >
          <input aria-label="New reason" placeholder="new reason" value={added} onChange={(e) => setAdded(e.target.value)} />
          <button type="submit">Add</button>
        </form>
      )}
    </fieldset>
  );
}

function NoteField() {
  const note = useReviewStore((s) => s.draft.note);
  return (
    <textarea
      id="review-note"
      className="note"
      aria-label="Note"
      placeholder={`Note (${keyOf('focusNote')} to write; saved with the next decision; Esc leaves the field)`}
      rows={2}
      value={note}
      onChange={(e) => setNote(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget as HTMLTextAreaElement).blur()}
    />
  );
}

function Progress() {
  const queue = useReviewStore((s) => s.queue);
  const codes = useReviewStore((s) => s.codes);
  const log = useReviewStore((s) => s.log);
  const annotator = useReviewStore((s) => s.annotator);
  useReviewStore((s) => s.logVersion);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const p = queueProgress(queue, codes);
  const rate = decisionsPerMinute(log.all(), { now: Math.max(now, Date.now()), annotator: annotator || undefined });
  return (
    <div className="progress" data-testid="queue-progress">
      <div className="progress-text">
        <span data-testid="progress-count">
          {p.decided.toLocaleString('en-US')} / {p.total.toLocaleString('en-US')}
        </span>{' '}
        decided in the queue · <span data-testid="rate">{rate.toFixed(1)}</span> decisions/min
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.decided} aria-label="Queue progress">
        <div style={{ width: `${(100 * p.fraction).toFixed(1)}%` }} />
      </div>
    </div>
  );
}
