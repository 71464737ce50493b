/**
 * Every storage failure reaches the user as a StorageError with a message they can act on; the
 * original error stays in `cause` for the console. Nothing in src/storage catches without rethrowing.
 */
export type StorageErrorKind = 'quota' | 'unavailable' | 'version' | 'closed' | 'invalid' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const HINTS: Record<StorageErrorKind, string> = {
  quota:
    "the browser refused to store more data (storage quota exceeded). Export your decisions now, then free space (remove old datasets' decisions or site data) or allow this site more storage.",
  unavailable:
    "the browser's database (IndexedDB) is not available. Private browsing windows and some privacy settings disable it; open HOI Studio in a normal window to keep decisions.",
  version: 'another tab runs a different version of HOI Studio. Reload all HOI Studio tabs.',
  closed: 'the database was closed (another tab upgraded it, or the browser is shutting down). Reload the page.',
  invalid: 'the stored data could not be read back; it may be from a newer version of HOI Studio.',
  unknown: 'the browser reported a database error.',
};

function names(e: unknown): string[] {
  const out: string[] = [];
  for (let x = e as { name?: unknown; inner?: unknown; cause?: unknown } | undefined, k = 0; x && k < 5; k++) {
    if (typeof x.name === 'string') out.push(x.name);
    x = (x.inner ?? x.cause) as typeof x | undefined;
  }
  return out;
}

export function classify(e: unknown): StorageErrorKind {
  if (e instanceof StorageError) return e.kind;
  const n = names(e);
  if (n.includes('QuotaExceededError')) return 'quota';
  if (n.some((x) => ['MissingAPIError', 'InvalidStateError', 'OpenFailedError', 'SecurityError', 'InvalidAccessError'].includes(x))) return 'unavailable';
  if (n.some((x) => ['VersionError', 'UpgradeError', 'VersionChangeError'].includes(x))) return 'version';
  if (n.includes('DatabaseClosedError')) return 'closed';
  if (n.some((x) => ['DataError', 'DataCloneError', 'ZodError'].includes(x))) return 'invalid';
  return 'unknown';
}

/** Wraps any error thrown while doing `action` ("save the decision") into a StorageError. */
export function toStorageError(e: unknown, action: string): StorageError {
  if (e instanceof StorageError) return e;
  const kind = classify(e);
  const detail = e instanceof Error ? e.message : String(e);
  return new StorageError(kind, `Could not ${action}: ${HINTS[kind]}${detail ? ` (${detail})` : ''}`, e);
}

/** Runs `f`, turning any failure into a StorageError naming `action`. */
export async function guard<T>(action: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toStorageError(e, action);
  }
}
