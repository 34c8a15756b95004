// The poller reads a service's real servers as steps, one datagram at a time (snapshot-reader.ts,
// connection.ts dumpEachSteps), and gives the event loop turns in between. While it is suspended its
// socket holds an unfinished dump; every other call on the same connection (edits, reads) must be
// answered correctly meanwhile, and the read must still agree with ipvsadm -Ln.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GenlConnection } from '@ipvs-dashboard/agent/netlink';
import {
  IPVS_GENL_NAME,
  IpvsCmd,
  KernelBackend,
  packServiceIdentity,
  unpackDestinationMessage,
} from '@ipvs-dashboard/agent/ipvs';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { clearAll, mustIpvsadm, restoreRules } from '../ipvsadm.js';
import { destination, tcp } from './inputs.js';

const LARGE = tcp('10.1.0.1', 80);
const SMALL = tcp('10.1.0.2', 80);
const LARGE_SIZE = 4000;

/** 10.3.x.y:80, x.y counting from 0.1: LARGE_SIZE real servers of one service, all weight 1. */
function largeAddress(i: number): string {
  return `10.3.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 1}`;
}

function rules(): string {
  const lines = [
    '-A -t 10.1.0.1:80 -s rr',
    '-A -t 10.1.0.2:80 -s rr',
    '-a -t 10.1.0.2:80 -r 10.2.0.1:80 -m -w 1',
  ];
  for (let i = 0; i < LARGE_SIZE; i++) lines.push(`-a -t 10.1.0.1:80 -r ${largeAddress(i)}:80 -m -w 1`);
  return lines.join('\n');
}

/** ipvsadm -Ln's real servers per service ("10.1.0.1:80" -> ["10.3.0.2:80 1", ...]), sorted. */
function ipvsadmListing(): Map<string, string[]> {
  const listing = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of mustIpvsadm(['-Ln']).split('\n')) {
    const service = /^TCP\s+(\S+)/.exec(line);
    const dest = /^\s+->\s+(\d\S+)\s+\S+\s+(\d+)/.exec(line);
    if (service) listing.set(service[1] ?? '', (current = []));
    else if (dest) current.push(`${dest[1]} ${dest[2]}`);
  }
  for (const dests of listing.values()) dests.sort();
  return listing;
}

function snapshotListing(snapshot: readonly ServiceWithDestinations[]): Map<string, string[]> {
  return new Map(
    snapshot.map((entry) => [
      entry.key.protocol === 'fwmark' ? '' : `${entry.key.address}:${entry.key.port}`,
      entry.destinations.map((dest) => `${dest.address}:${dest.port} ${dest.weight}`).sort(),
    ]),
  );
}

void describe('stepped destination dumps on a shared connection', () => {
  let connection: GenlConnection;
  let backend: KernelBackend;
  before(() => {
    clearAll();
    restoreRules(rules());
    connection = GenlConnection.open();
    backend = KernelBackend.withConnection(connection, { sliceMs: 1 });
  });
  after(async () => {
    await backend.close();
    clearAll();
  });

  void it('answers edits and reads between the datagrams of a suspended dump of 4,000 real servers', async () => {
    const seen: string[] = [];
    const steps = connection.dumpEachSteps(
      IPVS_GENL_NAME,
      IpvsCmd.GET_DEST,
      packServiceIdentity(LARGE),
      (buf, start, end) => {
        const dest = unpackDestinationMessage(Buffer.from(buf.subarray(start, end)), 'inet');
        seen.push(`${dest.address}:${dest.port} ${dest.weight}`);
      },
    );
    let suspensions = 0;
    let extra = 0;
    while (!steps.next().done) {
      suspensions++;
      // Every kind of call a change or a page makes, on the connection whose other socket holds the dump.
      const address = `10.2.1.${(suspensions % 200) + 1}`;
      await backend.addDestination(SMALL, destination(address, 80, { forwarding: 'masq', weight: 2 }));
      await backend.editDestination(SMALL, destination(address, 80, { forwarding: 'masq', weight: 3 }));
      const small = await backend.listDestinations(SMALL);
      assert.equal(small.find((dest) => dest.address === address)?.weight, 3);
      if (suspensions % 2 === 0) await backend.deleteDestination(SMALL, { address, port: 80 });
      else extra++;
      assert.equal((await backend.listServices()).length, 2);
      await backend.info();
    }
    assert.ok(suspensions >= 5, `a dump of ${LARGE_SIZE} real servers took ${suspensions + 1} datagrams`);
    const listing = ipvsadmListing();
    assert.deepEqual(seen.sort(), listing.get('10.1.0.1:80'));
    assert.equal(listing.get('10.1.0.2:80')?.length, 1 + extra);
    assert.deepEqual(snapshotListing(await backend.snapshot()), listing);
  });

  void it('keeps the poller read right while edits run during it, and ipvsadm -Ln agrees', async () => {
    let reading = true;
    let editsDuringRead = 0;
    // Edits queued on the event loop, one after another, for as long as the snapshot is being read: they
    // can only run in the turns the read gives inside the large service's dump (sliceMs 1).
    const edits = (async () => {
      for (let weight = 1; reading; weight = (weight % 50) + 1) {
        await backend.editDestination(
          LARGE,
          destination(largeAddress(0), 80, { forwarding: 'masq', weight }),
        );
        await backend.listDestinations(SMALL);
        if (reading) editsDuringRead++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const read = await backend.snapshot();
    reading = false;
    await edits;
    assert.ok(editsDuringRead >= 3, `only ${editsDuringRead} edits ran while the snapshot was read`);
    const large = read.find((entry) => entry.key.protocol === 'tcp' && entry.key.address === '10.1.0.1');
    assert.equal(large?.destinations.length, LARGE_SIZE);
    // Quiet now: a fresh read and ipvsadm agree on every real server and weight.
    assert.deepEqual(snapshotListing(await backend.snapshot()), ipvsadmListing());
  });
});
