import { useMemo, useState } from 'react';
import { DECISION_STATES, type DecisionState } from '../../core/review/decisionStates';
import { effectiveBounds, passSummary, validateRules, type FilterRules } from '../../core/review/filterRules';
import { METRIC_INFO, METRIC_NAMES } from '../../core/review/metricNames';
import { boundAt, boundsConflict, setBound } from '../../state/reviewDerive';
import { setRules } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';
import { MetricHistogram } from './MetricHistogram';
import { NumberField } from './NumberField';
import { PresetBar } from './PresetBar';
import { ownEntry } from '../../core/dataset/ownEntry';

/** "N of M pass", always in view while filtering. */
export function PassSummary() {
  const result = useReviewStore((s) => s.result);
  if (!result) return null;
  return (
    <div className="pass-summary" data-testid="pass-summary" role="status">
      {passSummary(result.passCount, result.total)}
    </div>
  );
}

function toggle<T>(list: T[] | undefined, item: T): T[] {
  const l = list ?? [];
  return l.includes(item) ? l.filter((x) => x !== item) : [...l, item];
}

/** Metric rules (global or a category's overrides) with histograms, and the other filters. */
export function FilterTab() {
  const rules = useReviewStore((s) => s.rules);
  const table = useReviewStore((s) => s.table);
  const result = useReviewStore((s) => s.result);
  const [scope, setScope] = useState('');
  const categories = useMemo(() => (table ? [...table.categories].sort() : []), [table]);
  const issues = useMemo(() => validateRules(rules), [rules]);
  const scopePass = useScopeCount(scope);
  if (!table) return null;
  const update = (r: FilterRules) => setRules(r);
  const globalBounds = effectiveBounds(rules, '');

  return (
    <div className="filter-tab" data-testid="filter-tab">
      <PresetBar />
      <div className="filter-row">
        <input
          type="search"
          aria-label="Search id and meta"
          placeholder="Search id, object, meta…"
          value={rules.text ?? ''}
          onChange={(e) => update({ ...rules, text: e.target.value || undefined })}
          onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
        />
      </div>
      <ChipGroup label="Hand" options={table.hands} chosen={rules.hands} onToggle={(h) => update({ ...rules, hands: toggle(rules.hands, h) })} />
      <ChipGroup label="Category" options={categories} chosen={rules.categories} onToggle={(c) => update({ ...rules, categories: toggle(rules.categories, c) })} />
      <ChipGroup<DecisionState>
        label="Decision"
        options={DECISION_STATES as DecisionState[]}
        chosen={rules.decisionStates}
        onToggle={(d) => update({ ...rules, decisionStates: toggle(rules.decisionStates, d) })}
      />

      <div className="scope-row">
        <label>
          Thresholds for{' '}
          <select aria-label="Threshold scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">all categories (global)</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
                {ownEntry(rules.perCategory, c) ? ' (overrides)' : ''}
              </option>
            ))}
          </select>
        </label>
        {scope && scopePass && (
          <span className="muted small" data-testid="scope-summary">
            {scope}: {passSummary(scopePass.pass, scopePass.total)}
          </span>
        )}
      </div>
      {scope && <p className="muted small">Empty fields inherit the global bound (shown greyed); type “none” to remove it for {scope}.</p>}

      <div className="metric-rules">
        {METRIC_NAMES.map((m) => {
          const { label, unit } = METRIC_INFO[m];
          const fails = result?.failCounts.metrics[m];
          const inherit = (k: 'min' | 'max') => {
            const g = globalBounds[m][k];
            return Number.isFinite(g) ? `${g}` : k;
          };
          return (
            <div key={m} className="metric-rule" data-testid={`rule-${m}`}>
              <div className="metric-rule-head">
                <span className="metric-label">
                  {label} <span className="muted">({unit})</span>
                </span>
                <NumberField
                  label={`${label} min${scope ? ` for ${scope}` : ''}`}
                  value={boundAt(rules, scope, m, 'min')}
                  placeholder={scope ? inherit('min') : 'min'}
                  allowNone={!!scope}
                  onCommit={(v) => setRules(setBound(useReviewStore.getState().rules, scope, m, 'min', v))}
                />
                <span className="muted">–</span>
                <NumberField
                  label={`${label} max${scope ? ` for ${scope}` : ''}`}
                  value={boundAt(rules, scope, m, 'max')}
                  placeholder={scope ? inherit('max') : 'max'}
                  allowNone={!!scope}
                  onCommit={(v) => setRules(setBound(useReviewStore.getState().rules, scope, m, 'max', v))}
                />
              </div>
              {boundsConflict(rules, scope, m) && (
                <p className="warning small" role="alert" data-testid={`conflict-${m}`}>
                  Min is above max{scope ? ` for ${scope}` : ''}: no grasp can pass.
                </p>
              )}
              <MetricHistogram metric={m} scope={scope} />
              {fails && fails.min + fails.max + fails.missing > 0 && (
                <div className="muted small">
                  rejects {fails.min ? `${fails.min} below min ` : ''}
                  {fails.max ? `${fails.max} above max ` : ''}
                  {fails.missing ? `${fails.missing} without a value` : ''}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {result && result.failCounts.error > 0 && <p className="warning small">{result.failCounts.error} grasps fail because their metrics could not be computed.</p>}
      {issues.length > 0 && (
        <ul className="warning small">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      <OverridesList onEdit={setScope} />
    </div>
  );
}

/** Passing grasps of one category (the scope being edited). */
function useScopeCount(scope: string): { pass: number; total: number } | null {
  const table = useReviewStore((s) => s.table);
  const result = useReviewStore((s) => s.result);
  return useMemo(() => {
    if (!scope || !table || !result) return null;
    const c = table.categories.indexOf(scope);
    let pass = 0,
      total = 0;
    for (let i = 0; i < table.n; i++) {
      if (table.category[i] !== c) continue;
      total++;
      pass += result.pass[i];
    }
    return { pass, total };
  }, [scope, table, result]);
}

function OverridesList({ onEdit }: { onEdit(c: string): void }) {
  const rules = useReviewStore((s) => s.rules);
  const entries = Object.entries(rules.perCategory);
  if (entries.length === 0) return null;
  const fmt = (v: number | null | undefined) => (v === null ? 'none' : v === undefined ? '' : String(v));
  return (
    <div className="overrides">
      <h3>Per-category overrides</h3>
      <ul data-testid="overrides">
        {entries.map(([cat, over]) => (
          <li key={cat}>
            <button className="link-button" onClick={() => onEdit(cat)}>
              {cat}
            </button>
            :{' '}
            {Object.entries(over)
              .map(
                ([m, b]) =>
                  `${METRIC_INFO[m as keyof typeof METRIC_INFO].label} ${b?.min !== undefined ? `min ${fmt(b.min)} ` : ''}${b?.max !== undefined ? `max ${fmt(b.max)}` : ''}`,
              )
              .join('; ')}{' '}
            <button
              className="link-button"
              aria-label={`Remove overrides for ${cat}`}
              onClick={() => {
                const perCategory = { ...rules.perCategory };
                delete perCategory[cat];
                setRules({ ...rules, perCategory });
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChipGroup<T extends string>(props: { label: string; options: readonly T[]; chosen: T[] | undefined; onToggle(v: T): void }) {
  const chosen = props.chosen ?? [];
  return (
    <div className="chip-group" role="group" aria-label={`${props.label} filter`}>
      <span className="chip-label">{props.label}</span>
      {props.options.map((o) => (
        <label key={o} className={'chip' + (chosen.includes(o) ? ' on' : '')}>
          <input type="checkbox" checked={chosen.includes(o)} onChange={() => props.onToggle(o)} />
          {o || '(none)'}
        </label>
      ))}
      {chosen.length === 0 && <span className="muted small">all</span>}
    </div>
  );
}
