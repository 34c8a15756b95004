// Other programs managing the table (GET /info owners): the banner on the overview and service pages.
export const ownersEn = {
  'owners.title': '{name} also manages this table.',
  'owners.service':
    '{name} (pid {pid}) manages this service: it will put back its own settings at its next reload or check transition, so a change made here may not last. Make lasting changes in {config}.',
  'owners.overview':
    '{name} (pid {pid}, {config}) manages {count} of these services; changes to them may be reverted at its next reload or check transition.',
  'owners.all':
    '{name} (pid {pid}) manages every IPVS service on this host: it removes or rewrites what its own configuration does not hold.',
  'owners.vrrp': 'VRRP {instance}: this director is {state}.',
  'owners.vrrpMaster': 'MASTER (it holds {addresses})',
  'owners.vrrpBackup': 'BACKUP (it holds none of {addresses})',
  'owners.note': 'Not everything could be read: {note}.',
  'owners.noConfig': 'its configuration',
};
