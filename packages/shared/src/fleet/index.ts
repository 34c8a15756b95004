// Fleet: the --fleet file, what GET /api/v1/fleet answers, and the pair diff of two tables.
export * from './fleet-file.js';
export * from './fleet-status.js';
export * from './director-summary.js';
export * from './pair-diff.js';
export * from './fleet-change.js';
export * from './fleet-history.js';
export * from './pair-connections.js';
