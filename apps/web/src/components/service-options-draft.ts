import type { AddressFamily, SchedulerFlag, ServiceSettings } from '@ipvs-dashboard/shared';
import { defaultNetmask } from '@ipvs-dashboard/shared';
import { numberFrom } from '../lib/forms/use-form-check';

/** What ipvsadm -A/-E set besides the service's identity, as typed (numbers stay text until checked). */
export interface ServiceOptionsDraft {
  scheduler: string;
  schedulerFlags: SchedulerFlag[];
  persistence: string;
  /** Blank: the family's full mask, as ipvsadm uses without -M. */
  netmask: string;
  /** '' for none. */
  persistenceEngine: string;
  onePacket: boolean;
}

export const SERVICE_OPTION_FIELDS = [
  'scheduler',
  'schedulerFlags',
  'persistence',
  'netmask',
  'persistenceEngine',
  'onePacket',
];

export function draftServiceSettings(draft: ServiceOptionsDraft, family: AddressFamily): ServiceSettings {
  return {
    scheduler: draft.scheduler,
    schedulerFlags: draft.schedulerFlags,
    persistence: numberFrom(draft.persistence),
    netmask: draft.netmask.trim() || defaultNetmask(family),
    persistenceEngine: draft.persistenceEngine || null,
    onePacket: draft.onePacket,
  };
}
