import { describe, expect, it } from 'vitest';
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
  GENL_ADMIN_PERM,
  GENL_CMD_CAP_DO,
  GENL_CMD_CAP_DUMP,
} from '../codec/index.js';
import { decodeFamilyInfo } from '../family-info.js';

describe('family-info', () => {
  it('decodes an IPVS NEWFAMILY reply as reference §1.10 describes it', () => {
    const attributes = new AttributeWriter()
      .string(CTRL_ATTR_FAMILY_NAME, 'IPVS')
      .u16(CTRL_ATTR_FAMILY_ID, 0x24)
      .u32(CTRL_ATTR_VERSION, 1)
      .u32(CTRL_ATTR_HDRSIZE, 0)
      .u32(CTRL_ATTR_MAXATTR, 6)
      .nest(CTRL_ATTR_OPS, (ops) =>
        ops
          .nest(1, (op) =>
            op.u32(CTRL_ATTR_OP_ID, 1).u32(CTRL_ATTR_OP_FLAGS, GENL_ADMIN_PERM | GENL_CMD_CAP_DO),
          )
          .nest(2, (op) =>
            op.u32(CTRL_ATTR_OP_ID, 8).u32(CTRL_ATTR_OP_FLAGS, GENL_ADMIN_PERM | GENL_CMD_CAP_DUMP),
          ),
      )
      .toBuffer();
    expect(decodeFamilyInfo(attributes)).toEqual({
      name: 'IPVS',
      id: 0x24,
      version: 1,
      hdrSize: 0,
      maxAttr: 6,
      ops: [
        { id: 1, flags: 0x3 },
        { id: 8, flags: 0x5 },
      ],
    });
  });

  it('returns undefined for a reply without a family id', () => {
    expect(
      decodeFamilyInfo(new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'x').toBuffer()),
    ).toBeUndefined();
  });
});
