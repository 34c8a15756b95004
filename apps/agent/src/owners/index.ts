export { TableOwners, localAddresses } from './table-owners.js';
export { detectOwners, type DetectOptions } from './detect-owners.js';
