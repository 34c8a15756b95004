// One decoded snapshot kept next to the raw bytes it came from, so the next snapshot can reuse every row
// whose bytes did not change (snapshot-decoder.ts): the rows in the kernel's dump order, every real server
// in that order, and where each service's bytes and real servers are. What it buys: snapshot-decoder.ts.
import type { Destination, Service, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import type { RawSnapshot } from './raw-snapshot.js';

/** Identity text of a decoded key (addresses from the codecs are canonical, so equal keys give equal text). */
function keyText(service: Service): string {
  const { key } = service;
  return key.protocol === 'fwmark'
    ? `fwmark:${service.family}:${key.fwmark}`
    : `${key.protocol}:${key.address}:${key.port}`;
}

export class DecodedSnapshot {
  /** The raw bytes as a Buffer (row comparisons use Buffer#compare on ranges: no view per row). */
  readonly bytes: Buffer;
  /** Identity text -> row number; made only when a row is not found at its old position. */
  private byKey: Map<string, number> | undefined;

  constructor(
    readonly raw: RawSnapshot,
    /** Services with their real servers, in the kernel's dump order. */
    readonly rows: readonly ServiceWithDestinations[],
    /** Every real server in dump order, service after service. */
    readonly dests: readonly Destination[],
    /** Row i's real servers are dests[firstDest[i], firstDest[i + 1]). */
    readonly firstDest: Uint32Array,
    /** Row i's entry in raw.index: offset, length, destCount, then offset, length per real server. */
    readonly indexAt: Uint32Array,
    /** The rows in ipvsadm's order: what snapshot() hands out. */
    readonly sorted: readonly ServiceWithDestinations[],
  ) {
    this.bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
  }

  get count(): number {
    return this.rows.length;
  }

  /**
   * The row of `service` (decoded from a newer snapshot) here: `hint` first (the dump order of a table
   * that did not change), then by identity. -1 when this snapshot did not have it.
   */
  rowOf(service: Service, hint: number): number {
    const text = keyText(service);
    const atHint = this.rows[hint];
    if (atHint !== undefined && keyText(atHint) === text) return hint;
    if (this.byKey === undefined) {
      this.byKey = new Map();
      this.rows.forEach((row, i) => this.byKey?.set(keyText(row), i));
    }
    return this.byKey.get(text) ?? -1;
  }

  /** True when buf[start, start + length) holds the same bytes as row `row`'s service message here. */
  sameService(row: number, buf: Buffer, start: number, length: number): boolean {
    const at = this.indexAt[row];
    return at !== undefined && this.sameRange(at, buf, start, length);
  }

  /** Same as sameService for the row's real server number `dest` (dump order). */
  sameDestination(row: number, dest: number, buf: Buffer, start: number, length: number): boolean {
    const at = this.indexAt[row];
    if (at === undefined || dest >= this.destCount(row)) return false;
    return this.sameRange(at + 3 + 2 * dest, buf, start, length);
  }

  /** How many real servers row `row` had (0 for a row it did not have). */
  destCount(row: number): number {
    const at = this.indexAt[row];
    return at === undefined ? 0 : (this.raw.index[at + 2] ?? 0);
  }

  /** Real server number `dest` (dump order) of row `row`. */
  destination(row: number, dest: number): Destination | undefined {
    return this.dests[(this.firstDest[row] ?? 0) + dest];
  }

  private sameRange(indexAt: number, buf: Buffer, start: number, length: number): boolean {
    const { index } = this.raw;
    if (index[indexAt + 1] !== length) return false;
    const offset = index[indexAt] ?? 0;
    return buf.compare(this.bytes, offset, offset + length, start, start + length) === 0;
  }
}
