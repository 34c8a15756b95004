import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { attributeMap } from '../../../../netlink/index.js';
import { packDaemonStart, packDaemonStop, unpackDaemonMessage } from '../daemon-codec.js';
import { packTimeouts, unpackInfo, unpackTimeouts } from '../config-codec.js';
import { hex } from './hex.js';

describe('daemon-codec', () => {
  it('packs a master daemon with a host-order multicast port and a big-endian group', () => {
    const packed = packDaemonStart({
      state: 'master',
      interface: 'eth0',
      syncId: 7,
      group: '224.0.0.81',
      port: 8848,
      ttl: 1,
    });
    const a = attributeMap(attributeMap(packed).get(3) ?? Buffer.alloc(0));
    expect(a.get(1)).toEqual(hex('01 00 00 00'));
    expect(a.get(2)).toEqual(Buffer.from('eth0\0'));
    expect(a.get(3)).toEqual(hex('07 00 00 00'));
    expect(a.get(5)).toEqual(hex('e0 00 00 51'));
    expect(a.get(7)).toEqual(hex('90 22'));
    expect(a.get(8)).toEqual(hex('01'));
  });

  it('packs the sync maxlen as a u16 and an IPv6 group as MCAST_GROUP6, leaving the IPv4 one out', () => {
    const packed = packDaemonStart({
      state: 'backup',
      interface: 'eth1',
      maxLen: 1400,
      group: 'ff02::1:3',
      port: 8849,
      ttl: 3,
    });
    const a = attributeMap(attributeMap(packed).get(3) ?? Buffer.alloc(0));
    expect(a.get(1)).toEqual(hex('02 00 00 00'));
    expect(a.get(4)).toEqual(hex('78 05'));
    expect(a.has(5)).toBe(false);
    expect(a.get(6)).toEqual(hex('ff 02 00 00 00 00 00 00 00 00 00 00 00 01 00 03'));
    expect(a.get(7)).toEqual(hex('91 22'));
    expect(a.get(8)).toEqual(hex('03'));
  });

  it('leaves out every option not given, so the kernel fills in its defaults', () => {
    const a = attributeMap(
      attributeMap(packDaemonStart({ state: 'master', interface: 'eth0' })).get(3) ?? Buffer.alloc(0),
    );
    expect([...a.keys()].sort()).toEqual([1, 2, 3]);
  });

  it('packs DEL_DAEMON with only the state', () => {
    expect(packDaemonStop('backup')).toEqual(hex('0c 00 03 00 08 00 01 00 02 00 00 00'));
  });

  it('decodes a GET_DAEMON reply as ipvsadm --daemon shows it', () => {
    const nest = hex(`
      08 00 01 00 01 00 00 00
      09 00 02 00 65 74 68 30 00 00 00 00
      08 00 03 00 00 00 00 00
      06 00 04 00 c0 05 00 00
      08 00 05 00 e0 00 00 51
      06 00 07 00 90 22 00 00
      05 00 08 00 01 00 00 00`);
    const message = Buffer.concat([Buffer.from([nest.length + 4, 0, 3, 0]), nest]);
    expect(unpackDaemonMessage(message)).toEqual({
      state: 'master',
      interface: 'eth0',
      syncId: 0,
      maxLen: 1472,
      group: '224.0.0.81',
      port: 8848,
      ttl: 1,
    });
  });

  it('refuses an interface name longer than IP_VS_IFNAME_MAXLEN - 1', () => {
    expect(() => packDaemonStart({ state: 'master', interface: 'a-very-long-ifname0' })).toThrow(AppError);
  });
});

describe('config-codec', () => {
  it('decodes GET_INFO: version code 0x010201 is "1.2.1", table size 4096', () => {
    expect(unpackInfo(hex('08 00 01 00 01 02 01 00 08 00 02 00 00 10 00 00'))).toEqual({
      version: '1.2.1',
      connTableSize: 4096,
    });
  });

  it('packs and decodes the three timeouts (0 = unchanged)', () => {
    const packed = packTimeouts({ tcp: 900, tcpFin: 0, udp: 300 });
    expect(packed).toEqual(hex('08 00 04 00 84 03 00 00 08 00 05 00 00 00 00 00 08 00 06 00 2c 01 00 00'));
    expect(unpackTimeouts(packed)).toEqual({ tcp: 900, tcpFin: 0, udp: 300 });
  });

  it('refuses negative or fractional timeouts naming the field', () => {
    expect(() => packTimeouts({ tcp: -1, tcpFin: 0, udp: 0 })).toThrow(/tcp/);
    expect(() => packTimeouts({ tcp: 1, tcpFin: 0.5, udp: 0 })).toThrow(/tcpFin/);
  });
});
