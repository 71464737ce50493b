// The review workflow's core (pure TypeScript: no DOM, runs in workers and Node).
export * from './metricNames';
export * from './metricTable';
export * from './decisionStates';
export * from './filterRules';
export * from './filterRulesSchema';
export * from './histogram';
export * from './summaryTable';
export * from './presets';
export * from './decisions';
export * from './reasons';
export * from './reviewQueue';
export * from './throughput';
export * from './exportDecisions';
export * from './acceptedManifest';
export * from './relativeUrl';
export * from './agreement';
export * from '../csv';
export { benchFilters, syntheticReviewTable } from './benchFilters';
