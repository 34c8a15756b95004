// ipvsadm text formats: parse what `ipvsadm -R` reads, print what `ipvsadm -S -n` writes, and render the
// ipvsadm command of any single change. Pure text work: imports only the shared model, ids and schemas.
export * from './commands.js';
export * from './restore-error.js';
export * from './service-names.js';
export * from './host-port.js';
export * from './tokenize.js';
export * from './parse-line.js';
export * from './parse-restore.js';
export * from './sort.js';
export * from './format-command.js';
export * from './save-table.js';
export * from './format-save.js';
export * from './plan-restore.js';
