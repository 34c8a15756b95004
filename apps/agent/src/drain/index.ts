// drain: drains to completion (docs/api.md "Drain"): a drain hold, the connections and templates followed on
// every reading, the end (remove, or keep out under the operator's hold). May import holds, changes, state,
// live and shared; knows nothing of HTTP.
export * from './drain-tracker.js';
export * from './drain-ends.js';
export * from './drain-readings.js';
export * from './open-drain-tracker.js';
export * from './drain-refusal.js';
