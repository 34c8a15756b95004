export * from './service-policy.js';
export * from './ramp-plan.js';
export * from './policy-lines.js';
