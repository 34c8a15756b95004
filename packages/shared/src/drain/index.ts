// Drain to completion (docs/api.md "Drain"): the request, the progress, the pure estimate and finish rule,
// and the warning for persistent services.
export * from './drain-request.js';
export * from './drain-progress.js';
export * from './drain-estimate.js';
export * from './drain-warning.js';
export * from './drain-commands.js';
