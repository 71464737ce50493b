// Browser persistence of the review (IndexedDB through Dexie); every failure is a StorageError.
export * from './storageError';
export * from './datasetKey';
export * from './reviewDb';
export * from './decisionStore';
export * from './settingsStore';
