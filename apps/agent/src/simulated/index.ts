// The simulated IPVS backend: an in-memory kernel model (table, errors, ordering, estimator) plus a traffic
// model. May import the domain interface (../ipvs/backend.js) and @ipvs-dashboard/shared, nothing else.
export { SimulatedBackend } from './simulated-backend.js';
export type { SimulatedBackendOptions } from './simulated-backend.js';
