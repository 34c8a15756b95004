// The commands an `ipvsadm -R` file can hold, as typed values. Edits carry every setting because
// ipvsadm -E/-e rebuild the whole object from the line (defaults for what is not given).
import type {
  DestinationInput,
  DestinationKey,
  ServiceInput,
  ServiceKey,
  SyncDaemonInput,
  SyncDaemonState,
  Timeouts,
} from '../model.js';

export type IpvsadmCommand =
  | { kind: 'add-service'; service: ServiceInput }
  | { kind: 'edit-service'; service: ServiceInput }
  | { kind: 'delete-service'; service: ServiceKey }
  | { kind: 'add-destination'; service: ServiceKey; destination: DestinationInput }
  | { kind: 'edit-destination'; service: ServiceKey; destination: DestinationInput }
  | { kind: 'delete-destination'; service: ServiceKey; destination: DestinationKey }
  | { kind: 'clear' }
  /** Without a service: every counter and the totals. */
  | { kind: 'zero'; service?: ServiceKey }
  /** Seconds; 0 = leave unchanged. */
  | { kind: 'set-timeouts'; timeouts: Timeouts }
  | { kind: 'start-daemon'; daemon: SyncDaemonInput }
  | { kind: 'stop-daemon'; state: SyncDaemonState; syncId?: number };

export type IpvsadmCommandKind = IpvsadmCommand['kind'];

/** A command and the 1-based line of the restore text it came from. */
export interface RestoreLine {
  line: number;
  command: IpvsadmCommand;
}
