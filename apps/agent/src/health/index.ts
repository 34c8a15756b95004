// health: the agent's health checks (tcp, http, https, command), their rise/fall rule and schedule, and
// the probes. May import holds, state, changes, the ipvs backend interface and shared; knows nothing of HTTP.
// Only probes/ touch the network.
export * from './health-monitor.js';
export * from './check-state.js';
export * from './check-schedule.js';
export * from './probes/probe.js';
export * from './probes/network-probe.js';
export * from './probes/simulated-probe.js';
export * from './probe-for.js';
