// The simulated IPVS backend: an in-memory kernel model (table, errors, ordering, estimator) plus a traffic
// model. May import the domain layer (../ipvs: the interface and its pure helpers) and @ipvs-dashboard/shared.
export { SimulatedBackend } from './simulated-backend.js';
export {
  createDemoTable,
  demoServices,
  DEMO_QUIESCED,
  DEMO_QUIESCED_WEIGHT,
  DEMO_WEB,
} from './demo-table.js';
export { DEMO_CHECK, DEMO_FAILING, startDemoOutage } from './demo-outage.js';
export type { TrafficProfile } from './traffic/traffic-profile.js';
export type { SimulatedBackendOptions } from './simulated-backend.js';
