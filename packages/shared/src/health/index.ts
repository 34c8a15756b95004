// Health checks: their settings, what they found, and how they travel in an export.
export * from './health-check.js';
export * from './health-status.js';
export * from './check-lines.js';
