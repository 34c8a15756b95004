// metrics: the Prometheus text exposition of a table snapshot (node_exporter's ipvs names + ipvs_dashboard_*).
// Pure: imports only @ipvs-dashboard/shared types; the HTTP layer serves what renderMetrics returns.
export * from './prometheus-text.js';
export * from './render-metrics.js';
