import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { parseIpvsConnections, readIpvsConnections } from '../proc-connections.js';
import { parseIpvsStats } from '../proc-stats.js';

// ipvsadm-1.31-captured.md, `cat /proc/net/ip_vs_conn`.
const capturedConn = `Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData
TCP 0A0A0002 CB86 0A0A0A0A 0050 0A1E0002 0050 TIME_WAIT       115
TCP 0A0A0002 CBB4 0A0A0A0A 0050 0A1E0002 0050 TIME_WAIT       115
TCP 0A0A0002 CB62 0A0A0A0A 0050 0A140002 0050 TIME_WAIT       114
TCP 0A0A0002 E812 0A0A0A0A 0050 0A140002 0050 TIME_WAIT       116
`;

// Reference §6.1 example: NAT, UDP, a persistence template, a fwmark template, IPv6, SIP PE.
const referenceConn = `Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData
TCP 0A000907 D431 0A000001 0050 0A000102 0050 ESTABLISHED     898
UDP 0A000907 9C40 0A000001 0035 0A000102 0035 UDP             295
TCP 0A000900 0000 0A000002 01BB 0A000104 01BB NONE           1781
IP  0A000907 0000 00000064 0000 0A000105 0000 ASSURED         355
TCP 2001:0db8:0000:0000:0000:0000:0000:0007 D431 2001:0db8:0000:0000:0000:0000:0000:0001 0050 2001:0db8:0000:0000:0000:0000:0000:0010 0050 SYN_RECV         59
UDP 0A000908 13C4 0A000003 13C4 0A000106 13C4 UDP             290 sip 3848276298220188511@10.0.9.8
`;

describe('proc-connections', () => {
  it('reads the captured table as ipvsadm -Lnc shows it', () => {
    const rows = parseIpvsConnections(capturedConn);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      protocol: 'TCP',
      clientAddress: '10.10.0.2',
      clientPort: 52102,
      virtualAddress: '10.10.10.10',
      virtualPort: 80,
      destAddress: '10.30.0.2',
      destPort: 80,
      state: 'TIME_WAIT',
      expiresSeconds: 115,
      template: false,
      persistenceEngine: null,
      persistenceData: null,
    });
    expect(rows.map((r) => `${r.destAddress}:${r.clientPort}`)).toEqual([
      '10.30.0.2:52102',
      '10.30.0.2:52148',
      '10.20.0.2:52066',
      '10.20.0.2:59410',
    ]);
  });

  it('handles templates, fwmark marks, compressed IPv6 and persistence-engine columns (reference §6.1)', () => {
    const rows = parseIpvsConnections(referenceConn);
    expect(rows.map((r) => r.template)).toEqual([false, false, true, true, false, false]);
    expect(rows[3]).toMatchObject({
      protocol: 'IP',
      virtualAddress: '00000064',
      virtualPort: 0,
      destAddress: '10.0.1.5',
    });
    expect(rows[4]).toMatchObject({
      clientAddress: '2001:db8::7',
      virtualAddress: '2001:db8::1',
      destAddress: '2001:db8::10',
      clientPort: 54321,
      state: 'SYN_RECV',
      expiresSeconds: 59,
    });
    expect(rows[5]).toMatchObject({
      persistenceEngine: 'sip',
      persistenceData: '3848276298220188511@10.0.9.8',
    });
  });

  it('reads from an injectable path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipvs-conn-'));
    await writeFile(join(dir, 'ip_vs_conn'), capturedConn);
    expect(await readIpvsConnections(join(dir, 'ip_vs_conn'))).toHaveLength(4);
  });
});

describe('proc-stats', () => {
  it('reads the captured totals, which match ipvsadm --stats and --rate of the same table', () => {
    const text = `   Total Incoming Outgoing         Incoming         Outgoing
   Conns  Packets  Packets            Bytes            Bytes
      1E       CC       9C             330C             3A2C

 Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s
       3       11        D              445              4DC
`;
    expect(parseIpvsStats(text)).toEqual({
      conns: 30,
      inPackets: 204,
      outPackets: 156,
      inBytes: 13068,
      outBytes: 14892,
      cps: 3,
      inPps: 17,
      outPps: 13,
      inBps: 1093,
      outBps: 1244,
    });
  });

  it('reads 64-bit byte counters of the reference §6.3 example', () => {
    const text = `   Total Incoming Outgoing         Incoming         Outgoing
   Conns  Packets  Packets            Bytes            Bytes
     4D2     DDD5     C350         3ADE68B1        2DFDC1C35

 Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s
       C      154      136             B09A            61320
`;
    expect(parseIpvsStats(text)).toMatchObject({
      conns: 1234,
      inBytes: 0x3ade68b1,
      outBytes: 0x2dfdc1c35,
      outBps: 0x61320,
    });
  });

  it('says so when the file has an unexpected shape', () => {
    expect(() => parseIpvsStats('nothing here')).toThrow(AppError);
  });
});
