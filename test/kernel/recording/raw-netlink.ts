// One generic-netlink request on a raw socket, keeping every datagram the kernel sent back byte for byte:
// what the fixtures record. Uses the agent's socket and codec, but none of its reply handling.
import { IPVS_GENL_NAME } from '@ipvs-dashboard/agent/ipvs';
import {
  GenlConnection,
  NLM_F_ACK,
  NLM_F_DUMP,
  NLM_F_REQUEST,
  NLMSG_DONE,
  NLMSG_ERROR,
  decodeMessages,
  encodeGenl,
} from '@ipvs-dashboard/agent/netlink';
import type { NetlinkSocket as NetlinkSocketClass } from '../../../apps/agent/dist/netlink/netlink-socket.js';

// The socket class is internal to the agent package (not in its exports): load it from the agent's build,
// found next to the public ./ipvs entry, so the path holds from both src and dist.
const socketModuleUrl = new URL(
  '../netlink/netlink-socket.js',
  import.meta.resolve('@ipvs-dashboard/agent/ipvs'),
);
const { NetlinkSocket } = (await import(socketModuleUrl.href)) as {
  NetlinkSocket: typeof NetlinkSocketClass;
};

export interface RawExchange {
  /** Every reply datagram, concatenated (each is a whole number of aligned netlink messages). */
  bytes: Buffer;
  flags: number;
}

export class RawIpvs {
  readonly familyId: number;
  readonly version: number;
  private readonly socket: NetlinkSocketClass = NetlinkSocket.open(65536);
  private seq = 100;

  constructor() {
    const connection = GenlConnection.open();
    const family = connection.resolveFamily(IPVS_GENL_NAME);
    connection.close();
    this.familyId = family.id;
    this.version = family.version;
  }

  /** A dump (REQUEST|DUMP) or a do-request with ACK; collects datagrams until DONE or ERROR arrives. */
  exchange(cmd: number, attributes: Buffer, dump: boolean): RawExchange {
    const flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : NLM_F_ACK);
    const seq = ++this.seq;
    const op = `record cmd ${cmd}`;
    this.socket.send(
      op,
      encodeGenl({ type: this.familyId, flags, seq, cmd, version: this.version, attributes }),
    );
    const datagrams: Buffer[] = [];
    const deadline = Date.now() + 5000;
    for (;;) {
      const datagram = this.socket.receive(op, deadline);
      datagrams.push(datagram);
      const ended = decodeMessages(datagram).some(
        (message) => message.seq === seq && (message.type === NLMSG_DONE || message.type === NLMSG_ERROR),
      );
      if (ended) return { bytes: Buffer.concat(datagrams), flags };
    }
  }

  close(): void {
    this.socket.close();
  }
}
