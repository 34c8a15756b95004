// policy: a service's return policy (shared policy/): slow-start ramps and sorry servers, both as changes
// through the pipeline. May import changes, holds (its hook), state, live and shared; knows nothing of HTTP.
export * from './slow-start.js';
export * from './resume-ramps.js';
export * from './sorry-server.js';
export * from './return-source.js';
export * from './follow-returns.js';
