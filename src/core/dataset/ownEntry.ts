/**
 * Dataset ids (hands, objects, joints, categories) are arbitrary strings: "constructor",
 * "toString" or "__proto__" are valid ids and must never reach Object.prototype. Records keyed
 * by dataset strings are created without a prototype and read through own-property checks,
 * which still hold after structured cloning (workers) gives them a prototype back.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A record for dataset-string keys: no prototype, so `__proto__` is an ordinary key. */
export function keyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Sets `record[key]` as an own data property, even for "__proto__" on an ordinary object. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
