// prometheus: long history (GET /history/range) from Prometheus's HTTP API, joined to the live history.
// Imports shared only; http wires it to the live history store.
export * from './long-history.js';
export * from './prometheus-client.js';
export * from './promql.js';
export * from './range-plan.js';
export * from './long-history-for.js';
export * from './fleet-history.js';
