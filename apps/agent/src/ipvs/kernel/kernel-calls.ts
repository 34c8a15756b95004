// The one door from KernelBackend and its helpers (kernel-daemons.ts) to IPVS generic netlink: a request,
// a dump, or a single reply, with every failure turned into a catalogue AppError (kernel-errors.ts).
import { NetlinkError, errno } from '../../netlink/index.js';
import type { GenlReply } from '../../netlink/index.js';
import { IPVS_GENL_NAME } from './codec/constants.js';
import { toDomainError, type IpvsOperation } from './kernel-errors.js';
import type { IpvsConnection } from './kernel-backend-options.js';

export class KernelCalls {
  constructor(private readonly connection: IpvsConnection) {}

  request(operation: IpvsOperation, cmd: number, attributes: Buffer): GenlReply[] {
    try {
      return this.connection.request(IPVS_GENL_NAME, cmd, attributes);
    } catch (error) {
      throw toDomainError(operation, error);
    }
  }

  dump(operation: IpvsOperation, cmd: number, attributes: Buffer): GenlReply[] {
    try {
      return this.connection.dump(IPVS_GENL_NAME, cmd, attributes);
    } catch (error) {
      throw toDomainError(operation, error);
    }
  }

  /** The attributes of the one reply a GET answers with; none at all is a protocol error. */
  single(operation: IpvsOperation, cmd: number, attributes: Buffer): Buffer {
    const reply = this.request(operation, cmd, attributes)[0];
    if (reply === undefined) {
      throw toDomainError(operation, new NetlinkError(`${operation}: no reply`, errno.EPROTO));
    }
    return reply.attributes;
  }
}
