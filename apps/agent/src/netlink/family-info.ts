// The generic-netlink controller's description of a family (CTRL_CMD_NEWFAMILY reply to GETFAMILY,
// net/netlink/genetlink.c ctrl_fill_info): its dynamic id, version, attribute range and operations.
import {
  AttributeWriter,
  CTRL_ATTR_FAMILY_ID,
  CTRL_ATTR_FAMILY_NAME,
  CTRL_ATTR_HDRSIZE,
  CTRL_ATTR_MAXATTR,
  CTRL_ATTR_OPS,
  CTRL_ATTR_OP_FLAGS,
  CTRL_ATTR_OP_ID,
  CTRL_ATTR_VERSION,
  GENL_NAMSIZ,
  attributeMap,
  parseAttributes,
  readString,
  readU16,
  readU32,
} from './codec/index.js';

export interface FamilyOperation {
  /** The command number (e.g. IPVS_CMD_NEW_SERVICE). */
  id: number;
  /** GENL_ADMIN_PERM, GENL_CMD_CAP_DO, GENL_CMD_CAP_DUMP, ... */
  flags: number;
}

export interface FamilyInfo {
  name: string;
  id: number;
  version: number;
  /** Bytes of family-specific header after the genlmsghdr (0 for IPVS). */
  hdrSize: number;
  maxAttr: number;
  ops: FamilyOperation[];
}

/** The longest name the controller accepts: GENL_NAMSIZ including the NUL. */
export const MAX_FAMILY_NAME_LENGTH = GENL_NAMSIZ - 1;

export function familyQuery(name: string): Buffer {
  return new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, name).toBuffer();
}

/** Decodes the attributes of a CTRL_CMD_NEWFAMILY reply; undefined when it carries no family id. */
export function decodeFamilyInfo(attributes: Buffer): FamilyInfo | undefined {
  const map = attributeMap(attributes);
  const id = map.get(CTRL_ATTR_FAMILY_ID);
  if (!id) return undefined;
  const optionalU32 = (type: number): number => {
    const payload = map.get(type);
    return payload ? readU32(payload) : 0;
  };
  const name = map.get(CTRL_ATTR_FAMILY_NAME);
  const ops = map.get(CTRL_ATTR_OPS);
  return {
    name: name ? readString(name) : '',
    id: readU16(id),
    version: optionalU32(CTRL_ATTR_VERSION),
    hdrSize: optionalU32(CTRL_ATTR_HDRSIZE),
    maxAttr: optionalU32(CTRL_ATTR_MAXATTR),
    ops: ops ? decodeOperations(ops) : [],
  };
}

// CTRL_ATTR_OPS holds one nest per operation, numbered 1..n, each with OP_ID and OP_FLAGS.
function decodeOperations(nest: Buffer): FamilyOperation[] {
  return parseAttributes(nest).map((entry) => {
    const op = attributeMap(entry.payload);
    const id = op.get(CTRL_ATTR_OP_ID);
    const flags = op.get(CTRL_ATTR_OP_FLAGS);
    return { id: id ? readU32(id) : 0, flags: flags ? readU32(flags) : 0 };
  });
}
