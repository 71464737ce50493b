import { useEffect, useState } from 'react';

function show(v: number | null | undefined): string {
  return v === null ? 'none' : v === undefined ? '' : String(v);
}

function parse(t: string, allowNone: boolean): number | null | undefined | 'invalid' {
  const s = t.trim();
  if (s === '') return undefined;
  if (allowNone && s.toLowerCase() === 'none') return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : 'invalid';
}

/**
 * A bound typed by hand: commits while typing whenever the text is a number (or empty = no bound,
 * "none" = explicitly no bound where allowed), keeps half-typed text ("0.") without fighting it.
 */
export function NumberField(props: { label: string; value: number | null | undefined; placeholder?: string; allowNone?: boolean; onCommit(v: number | null | undefined): void }) {
  const { value, allowNone = false } = props;
  const [text, setText] = useState(show(value));
  useEffect(() => {
    setText((t) => (parse(t, allowNone) === value ? t : show(value)));
  }, [value, allowNone]);
  const parsed = parse(text, allowNone);
  return (
    <input
      className="number-field"
      type="text"
      inputMode="decimal"
      aria-label={props.label}
      aria-invalid={parsed === 'invalid'}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = parse(e.target.value, allowNone);
        if (v !== 'invalid') props.onCommit(v);
      }}
      onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
    />
  );
}
