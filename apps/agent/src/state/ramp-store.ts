import type { ChangeAction, ChangeActor } from '@ipvs-dashboard/shared';
import { JsonFile } from './json-file.js';

/**
 * A slow-start ramp in progress, as much as a restarted agent needs to finish it (ramps/slow-start.ts): the
 * plan is planRamp(target, seconds) from startedAt; `weight` is the last step applied, `commands` the
 * `ipvsadm -e ... -w` lines applied so far (the one change record's commands when it ends).
 */
export interface PersistedRamp {
  /** The change id the steps are attributed to and the record is written under. */
  id: string;
  service: string;
  destination: string;
  /** The weight before the ramp (what its undo puts back). */
  from: number;
  target: number;
  seconds: number;
  startedAt: number;
  /** Index of the last step applied in planRamp(target, seconds). */
  index: number;
  weight: number;
  commands: string[];
  actor: ChangeActor;
  action: ChangeAction;
  /** What started it, the first words of the record's summary ("Unquiesced 10.0.1.2:80 in ..."). */
  lead: string;
}

function isRamp(value: unknown): value is PersistedRamp {
  const ramp = value as Partial<PersistedRamp> | null;
  return (
    !!ramp &&
    typeof ramp.id === 'string' &&
    typeof ramp.service === 'string' &&
    typeof ramp.destination === 'string' &&
    [ramp.from, ramp.target, ramp.seconds, ramp.startedAt, ramp.index, ramp.weight].every(
      (n) => typeof n === 'number' && Number.isFinite(n),
    ) &&
    Array.isArray(ramp.commands) &&
    typeof ramp.actor === 'object' &&
    typeof ramp.action === 'string' &&
    typeof ramp.lead === 'string'
  );
}

/** Ramps in progress by "<service id> <destination id>", in <state-dir>/ramps.json (rewritten per step). */
export class RampStore {
  private readonly file: JsonFile;
  private readonly ramps = new Map<string, PersistedRamp>();

  private constructor(dir: string) {
    this.file = new JsonFile(dir, 'ramps.json');
  }

  static async open(dir: string): Promise<RampStore> {
    const store = new RampStore(dir);
    const parsed = (await store.file.load()) as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(parsed ?? {})) if (isRamp(value)) store.ramps.set(key, value);
    return store;
  }

  list(): [string, PersistedRamp][] {
    return [...this.ramps];
  }

  async put(key: string, ramp: PersistedRamp): Promise<void> {
    this.ramps.set(key, { ...ramp, commands: [...ramp.commands] });
    await this.save();
  }

  async remove(key: string): Promise<void> {
    if (this.ramps.delete(key)) await this.save();
  }

  private save(): Promise<void> {
    return this.file.save(Object.fromEntries(this.ramps));
  }
}
