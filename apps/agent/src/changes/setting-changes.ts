// Changes beside the table, through the pipeline so they are recorded and can be undone: timeouts
// (ipvsadm --set), /proc/sys/net/ipv4/vs settings, and the sync daemons.
import {
  AppError,
  formatCommand,
  type ChangeActor,
  type ChangeRecord,
  type SyncDaemon,
  type SyncDaemonInput,
  type SyncDaemonState,
  type Timeouts,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { ChangePipeline } from './change-pipeline.js';

const timeoutsText = (t: Timeouts) => `${t.tcp} ${t.tcpFin} ${t.udp}`;
const setTimeoutsLine = (t: Timeouts) => `ipvsadm ${formatCommand({ kind: 'set-timeouts', timeouts: t })}`;
const sysctlLine = (name: string, value: number) => `sysctl -w net.ipv4.vs.${name}=${value}`;
const startLine = (d: SyncDaemonInput) => `ipvsadm ${formatCommand({ kind: 'start-daemon', daemon: d })}`;
const stopLine = (state: SyncDaemonState) => `ipvsadm ${formatCommand({ kind: 'stop-daemon', state })}`;

function sameTimeouts(a: Timeouts, b: Timeouts): boolean {
  return a.tcp === b.tcp && a.tcpFin === b.tcpFin && a.udp === b.udp;
}

export async function changeTimeouts(
  backend: IpvsBackend,
  pipeline: ChangePipeline,
  actor: ChangeActor,
  timeouts: Timeouts,
  revertOf?: string,
): Promise<ChangeRecord> {
  const before = await backend.getTimeouts();
  // 0 leaves a timeout as it is (ipvsadm --set), so the undo sets every one back explicitly.
  return pipeline.runSetting({
    action: revertOf ? 'revert' : 'timeouts',
    actor,
    summary: `Timeouts (tcp tcpfin udp) ${timeoutsText(before)} -> ${timeoutsText(timeouts)}`,
    commands: [setTimeoutsLine(timeouts)],
    inverse: [setTimeoutsLine(before)],
    ...(revertOf ? { revertOf } : {}),
    async apply() {
      await backend.setTimeouts(timeouts);
      return { kind: 'timeouts', before, after: await backend.getTimeouts() };
    },
  });
}

export async function changeKernelSetting(
  backend: IpvsBackend,
  pipeline: ChangePipeline,
  actor: ChangeActor,
  change: { name: string; before: number; value: number },
  revertOf?: string,
): Promise<ChangeRecord> {
  const { name, before, value } = change;
  return pipeline.runSetting({
    action: revertOf ? 'revert' : 'kernel-setting',
    actor,
    summary: `net.ipv4.vs.${name} ${before} -> ${value}`,
    commands: [sysctlLine(name, value)],
    inverse: [sysctlLine(name, before)],
    ...(revertOf ? { revertOf } : {}),
    async apply() {
      await backend.setKernelSetting(name, value);
      return { kind: 'kernel-setting', name, before, after: value };
    },
  });
}

function inputOf(daemon: SyncDaemon): SyncDaemonInput {
  const { state, syncId, maxLen, group, port, ttl } = daemon;
  return { state, interface: daemon.interface, syncId, maxLen, group, port, ttl };
}

const runningAs = async (backend: IpvsBackend, state: SyncDaemonState) =>
  (await backend.listDaemons()).find((d) => d.state === state) ?? null;

export function startDaemon(
  backend: IpvsBackend,
  pipeline: ChangePipeline,
  actor: ChangeActor,
  input: SyncDaemonInput,
  revertOf?: string,
): Promise<ChangeRecord> {
  return pipeline.runSetting({
    action: revertOf ? 'revert' : 'start-daemon',
    actor,
    summary: `Started the ${input.state} sync daemon on ${input.interface}`,
    commands: [startLine(input)],
    inverse: [stopLine(input.state)],
    ...(revertOf ? { revertOf } : {}),
    async apply() {
      await backend.startDaemon(input);
      return { kind: 'daemon', before: null, after: await runningAs(backend, input.state) };
    },
  });
}

export async function stopDaemon(
  backend: IpvsBackend,
  pipeline: ChangePipeline,
  actor: ChangeActor,
  state: SyncDaemonState,
  revertOf?: string,
): Promise<ChangeRecord> {
  const before = await runningAs(backend, state);
  return pipeline.runSetting({
    action: revertOf ? 'revert' : 'stop-daemon',
    actor,
    summary: `Stopped the ${state} sync daemon`,
    commands: [stopLine(state)],
    inverse: before ? [startLine(inputOf(before))] : null,
    ...(revertOf ? { revertOf } : {}),
    async apply() {
      await backend.stopDaemon(state);
      return { kind: 'daemon', before, after: null };
    },
  });
}

/** Undo of a setting change: the value back, refused (409) when it changed since unless forced. */
export function settingReverter(backend: IpvsBackend, pipeline: ChangePipeline) {
  return async (record: ChangeRecord, force: boolean, actor: ChangeActor): Promise<ChangeRecord> => {
    const setting = record.setting;
    const refuse = (what: string) => {
      if (force) return;
      throw new AppError(
        'CONFLICT',
        `${what} changed since ${record.id}. Send {"force":true} to undo anyway.`,
        {
          details: { conflicts: [what] },
        },
      );
    };
    switch (setting?.kind) {
      case 'timeouts': {
        if (!sameTimeouts(await backend.getTimeouts(), setting.after)) refuse('The timeouts');
        return changeTimeouts(backend, pipeline, actor, setting.before, record.id);
      }
      case 'kernel-setting': {
        const now = (await backend.kernelSettings()).find((s) => s.name === setting.name)?.value;
        if (now !== setting.after) refuse(`net.ipv4.vs.${setting.name}`);
        return changeKernelSetting(
          backend,
          pipeline,
          actor,
          { name: setting.name, before: now ?? setting.after, value: setting.before },
          record.id,
        );
      }
      case 'daemon': {
        if (setting.after && !setting.before)
          return stopDaemon(backend, pipeline, actor, setting.after.state, record.id);
        if (setting.before && !setting.after)
          return startDaemon(backend, pipeline, actor, inputOf(setting.before), record.id);
        break;
      }
    }
    throw new AppError('CANNOT_UNDO', `Change ${record.id} cannot be undone.`);
  };
}
