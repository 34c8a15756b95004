import { stat } from 'node:fs/promises';
import { holdSchema, withHold, withoutHold, type Hold, type HoldKind } from '@ipvs-dashboard/shared';
import { JsonFile } from './json-file.js';

/** A real server out of rotation: the weight it goes back to, and what holds it out (never empty). */
export interface HeldServer {
  weight: number;
  holds: Hold[];
}

/**
 * The held real servers (shared holds.ts): for each, the weight it had before it was taken out and its
 * holds, keyed by "<service id> <destination id>", in <state-dir>/quiesced.json so they survive a restart.
 * The file of older agents mapped a key to a bare weight (an operator's quiesce); it is read as such.
 */
export class HoldStore {
  private readonly file: JsonFile;
  private readonly held = new Map<string, HeldServer>();
  private readonly listeners = new Set<(key: string) => void>();

  private constructor(dir: string) {
    this.file = new JsonFile(dir, 'quiesced.json');
  }

  static async open(dir: string): Promise<HoldStore> {
    const store = new HoldStore(dir);
    const parsed = await store.file.load();
    if (parsed && typeof parsed === 'object') {
      let written: number | null = null;
      for (const [key, value] of Object.entries(parsed)) {
        if (Number.isInteger(value) && (value as number) > 0) {
          written ??= (await stat(store.file.path)).mtimeMs;
          const hold: Hold = { kind: 'operator', since: Math.round(written), reason: 'quiesced' };
          store.held.set(key, { weight: value as number, holds: [hold] });
        } else if (value && typeof value === 'object') {
          const { weight, holds } = value as { weight?: unknown; holds?: unknown };
          const parsedHolds = holdSchema.array().safeParse(holds);
          if (Number.isInteger(weight) && (weight as number) > 0 && parsedHolds.success) {
            if (parsedHolds.data.length > 0)
              store.held.set(key, { weight: weight as number, holds: parsedHolds.data });
          }
        }
      }
    }
    return store;
  }

  static key(serviceId: string, destinationId: string): string {
    return `${serviceId} ${destinationId}`;
  }

  static parseKey(key: string): { service: string; destination: string } {
    const space = key.indexOf(' ');
    return { service: key.slice(0, space), destination: key.slice(space + 1) };
  }

  /** Called with the key of every real server whose holds changed (the live samples tell clients). */
  subscribe(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every held real server, for GET /quiesced. */
  list(): { service: string; destination: string; weight: number; holds: Hold[] }[] {
    return [...this.held].map(([key, { weight, holds }]) => ({ ...HoldStore.parseKey(key), weight, holds }));
  }

  keys(): string[] {
    return [...this.held.keys()];
  }

  get(key: string): HeldServer | undefined {
    return this.held.get(key);
  }

  holdsOf(key: string): readonly Hold[] {
    return this.held.get(key)?.holds ?? [];
  }

  /** Places a hold; `weight` is remembered only when the server was not held yet (it is 0 since then). */
  async place(key: string, weight: number, hold: Hold): Promise<void> {
    const current = this.held.get(key);
    this.held.set(key, { weight: current?.weight ?? weight, holds: withHold(current?.holds ?? [], hold) });
    await this.save([key]);
  }

  /** Releases one kind of hold while others remain; the last one goes with `forget`, once the weight is back. */
  async release(key: string, kind: HoldKind): Promise<void> {
    const current = this.held.get(key);
    if (!current) return;
    const holds = withoutHold(current.holds, kind);
    if (holds.length === 0) this.held.delete(key);
    else this.held.set(key, { weight: current.weight, holds });
    await this.save([key]);
  }

  /**
   * Hands a held server from one kind of hold to another in one write (a finished drain with then: keep
   * becomes the operator's, so an ordinary unquiesce brings it back); nothing when `from` is not there.
   */
  async replace(key: string, from: HoldKind, hold: Hold): Promise<boolean> {
    const current = this.held.get(key);
    if (!current?.holds.some((h) => h.kind === from)) return false;
    this.held.set(key, { weight: current.weight, holds: withHold(withoutHold(current.holds, from), hold) });
    await this.save([key]);
    return true;
  }

  async forget(key: string): Promise<void> {
    if (this.held.delete(key)) await this.save([key]);
  }

  /** Forgets every real server of one service (it was deleted), or of all services without an id (cleared). */
  async forgetService(serviceId?: string): Promise<void> {
    const gone = [...this.held.keys()].filter(
      (key) => serviceId === undefined || key.startsWith(`${serviceId} `),
    );
    for (const key of gone) this.held.delete(key);
    if (gone.length > 0) await this.save(gone);
  }

  private save(changed: readonly string[]): Promise<void> {
    for (const key of changed) for (const listener of this.listeners) listener(key);
    return this.file.save(Object.fromEntries(this.held));
  }
}
