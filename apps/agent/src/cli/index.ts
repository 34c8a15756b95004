// cli: turns argv + environment into RawSettings, prints usage and picks the backend (auto/kernel/simulated);
// imports config, the ipvs domain interface (to choose a backend) and node built-ins.
export * from './parse-command-line.js';
export * from './usage.js';
export * from './select-backend.js';
export * from './token-command.js';
