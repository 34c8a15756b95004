// metrics: the Prometheus text exposition of a table snapshot (node_exporter's node_ipvs_* byte for byte,
// opt-in ipvs_dashboard_*, the alerting families), as pieces a caller can stream. Pure: imports only
// @ipvs-dashboard/shared and node:crypto (the table digest).
export * from './alerting-families.js';
export * from './metric-selection.js';
export * from './node-exporter-families.js';
export * from './prometheus-text.js';
export * from './render-metrics.js';
export * from './table-digest.js';
