import type { HandSpec } from '../dataset/schema';
import type { DroModelSpec } from './modelFile';

/** Why this model cannot drive this dataset hand, or null when it can (links are checked on binding). */
export function modelHandMismatch(model: DroModelSpec, handId: string, spec: HandSpec): string | null {
  if ('builtin' in spec && spec.builtin !== model.hand) {
    return `${model.url}: the model was made for the ${model.hand} hand; dataset hand "${handId}" is the built-in ${spec.builtin}`;
  }
  return null;
}
