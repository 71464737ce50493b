/**
 * CSV writing and reading (RFC 4180). Text cells starting with = + - @ (or tab/CR) are prefixed
 * with a single quote so a spreadsheet does not run them as formulas (CSV injection); numbers we
 * format ourselves are written through `csvNumber` and never prefixed, so negative values stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: plain, never formula-guarded; '' for missing. */
export function csvNumber(v: number | null | undefined, precision = 7): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(precision))) : '';
}

export function csvRow(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

/** A row whose cells are already encoded (mixing csvCell text and csvNumber numbers). */
export function csvRawRow(cells: string[]): string {
  return cells.join(',');
}

/** Parses RFC 4180 text into rows of cells (quotes, doubled quotes, CRLF or LF, newlines in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
