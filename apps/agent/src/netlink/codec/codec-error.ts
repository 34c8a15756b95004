/** Bytes that are not valid netlink: a short header, an overrunning length, a value out of range. */
export class NetlinkCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetlinkCodecError';
  }
}
