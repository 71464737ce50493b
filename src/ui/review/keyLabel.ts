const NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Backspace: 'Backspace',
  Escape: 'Esc',
};

/** How a KeyboardEvent.key value is written on a key cap. */
export function keyLabel(key: string): string {
  return NAMES[key] ?? key;
}
