import { useEffect } from 'react';
import { asHeldKey } from '../state/urlState';
import { actionForKey, isTypingTarget } from './actions';

export function useKeyboardActions(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const action = actionForKey(e.key);
      if (!action) return;
      e.preventDefault();
      if (e.repeat) asHeldKey(() => action.perform());
      else action.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
