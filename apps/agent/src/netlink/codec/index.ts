// netlink/codec: the pure netlink + generic-netlink byte codec (headers, attributes, errors); no I/O.
// May import only node:os (byte order) and its own files; the connection layer builds on it.
export * from './constants.js';
export { NetlinkCodecError } from './codec-error.js';
export { AttributeWriter } from './attribute-writer.js';
export { hostOrder } from './host-order.js';
export {
  type Attribute,
  parseAttributes,
  attributeMap,
  readU8,
  readU16,
  readU16be,
  readU32,
  readU32be,
  readU64,
  readString,
} from './attribute-reader.js';
export {
  type NetlinkMessage,
  type MessageToEncode,
  type GenlMessageToEncode,
  type GenlHeader,
  encodeMessage,
  encodeGenl,
  decodeMessages,
  decodeGenlHeader,
  messageAt,
  messageLengthAt,
} from './message.js';
export { type DecodedError, type ExtendedAck, decodeError } from './error-message.js';
