import type { ChangeRecord, PlanDetail, PlanField, SavableService, SyncDaemon } from '@ipvs-dashboard/shared';
import { destinationFields, destinationId, planRestore, serviceId } from '@ipvs-dashboard/shared';

// What a recorded change did to the rows it touched, as old -> new per field: the same rule the import's
// dry run uses (shared planRestore, from the rows before to the rows after). A service that came or went
// is one entry there; its real servers are listed too, since they came or went with it.
const daemonFields = ['interface', 'syncId', 'maxLen', 'group', 'port', 'ttl'] as const;
type DaemonField = (typeof daemonFields)[number];

function destinationDetails(action: 'add' | 'remove', service: SavableService): PlanDetail[] {
  const sid = serviceId(service.key);
  return service.destinations.map((destination) => ({
    action,
    service: sid,
    destination: destinationId(destination),
    fields: destinationFields.map((field): PlanField => {
      const value = String(destination[field]);
      return action === 'add' ? { field, from: null, to: value } : { field, from: value, to: null };
    }),
  }));
}

export function changeDiff(record: Pick<ChangeRecord, 'before' | 'after'>): PlanDetail[] {
  const { details } = planRestore(record.before, record.after).plan;
  const rows = { add: record.after, remove: record.before };
  return details.flatMap((detail) => {
    if (detail.destination !== undefined || detail.action === 'edit') return [detail];
    const service = rows[detail.action].find((row) => serviceId(row.key) === detail.service);
    return [detail, ...(service ? destinationDetails(detail.action, service) : [])];
  });
}

/** Timeouts, a kernel setting or a sync daemon a change set, as one more old -> new entry. */
export function settingDiff(record: Pick<ChangeRecord, 'setting'>): PlanDetail | null {
  const setting = record.setting;
  if (!setting) return null;
  switch (setting.kind) {
    case 'kernel-setting': {
      const name = `net.ipv4.vs.${setting.name}`;
      return {
        action: 'edit',
        service: name,
        fields: [{ field: name, from: String(setting.before), to: String(setting.after) }],
      };
    }
    case 'timeouts': {
      const fields = (['tcp', 'tcpFin', 'udp'] as const)
        .filter((field) => setting.before[field] !== setting.after[field])
        .map((field) => ({ field, from: String(setting.before[field]), to: String(setting.after[field]) }));
      return { action: 'edit', service: 'ipvsadm --set', fields };
    }
    case 'daemon': {
      const { before, after } = setting;
      const daemon = after ?? before;
      if (!daemon) return null;
      const value = (row: SyncDaemon | null, field: DaemonField) => (row ? String(row[field]) : null);
      return {
        action: before === null ? 'add' : after === null ? 'remove' : 'edit',
        service: `sync daemon ${daemon.state}`,
        fields: daemonFields
          .map((field) => ({ field, from: value(before, field), to: value(after, field) }))
          .filter((field) => field.from !== field.to),
      };
    }
  }
}
