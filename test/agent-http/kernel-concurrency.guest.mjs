// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 9's concurrency proof on the real kernel: two
// clients each make 100 If-Match writes, each reusing the ETag its own previous write got, while a third
// replaces the table (PUT /config, also with If-Match) a few times in between. No update is lost, every
// ETag handed out is unique and strictly increasing per client, a client's reuse of its own fresh ETag
// succeeds exactly when nobody wrote in between, and a refused (409) write changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { did, ipvsadm, ipvsadmWith, pause, sid, startAgent } from './guest-lib.mjs';

const PORT = 18085;
const WRITES = 100;
let agent;

const TABLE = `-A -t 10.40.0.1:80 -s wrr
-a -t 10.40.0.1:80 -r 10.40.1.1:80 -m -w 1
-a -t 10.40.0.1:80 -r 10.40.1.2:80 -m -w 1
-A -t 10.40.0.2:80 -s rr
-a -t 10.40.0.2:80 -r 10.40.2.1:80 -m -w 1
`;
const destPath = (address) => `/services/${sid('tcp', '10.40.0.1', 80)}/destinations/${did(address, 80)}`;
const etagOf = (response) => {
  const tag = response.headers.get('etag');
  const match = /^W\/"(\d+)"$/.exec(tag ?? '');
  assert.ok(match, `ETag ${tag}`);
  return Number(match[1]);
};

before(async () => {
  ipvsadm('-C');
  ipvsadmWith(TABLE, '-R');
  agent = await startAgent({ port: PORT, stateDir: '/tmp/agent-state-concurrency' });
});

after(async () => {
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

/** Every answered write: who, the If-Match it sent, status, the ETag it got. */
const writes = [];

async function weightNow(address) {
  const response = await agent.api(destPath(address));
  assert.equal(response.status, 200, `GET ${destPath(address)}`);
  const { weight } = await response.json();
  assert.equal(typeof weight, 'number');
  return { weight };
}

/** One client: 100 weight edits of its own real server, each If-Match the ETag of its previous write. */
async function client(name, address) {
  let etag = etagOf(await agent.api('/services'));
  let weight = (await weightNow(address)).weight;
  const seen = [];
  let refused = 0;
  for (let i = 0; i < WRITES; i++) {
    const wanted = ((i + (name === 'a' ? 0 : 50)) % 200) + 2; // differs from the previous write's weight
    const response = await agent.api(destPath(address), {
      method: 'PATCH',
      json: { weight: wanted },
      headers: { 'if-match': `W/"${etag}"` },
    });
    const entry = { name, ifMatch: etag, status: response.status, at: Date.now() };
    writes.push(entry);
    if (response.status === 200) {
      entry.etag = etagOf(response);
      assert.equal((await response.json()).weight, wanted);
      seen.push(entry.etag);
      weight = wanted;
      etag = entry.etag;
    } else {
      assert.equal(response.status, 409, await response.text());
      refused++;
      // Refused: nothing changed; start again from a fresh read (its ETag), as a client would.
      assert.equal((await weightNow(address)).weight, weight, `${name}: a refused write changed nothing`);
      etag = etagOf(await agent.api('/services'));
    }
  }
  return { name, address, seen, refused, weight };
}

/** A few whole-table restores in between, built from the table as it is (so they keep both weights). */
async function restorer() {
  const done = [];
  for (let round = 0; round < 3; round++) {
    await pause(700);
    for (;;) {
      // The ETag first: a write between the two reads then makes this restore stale (409), never lost.
      const etag = etagOf(await agent.api('/services'));
      const config = await agent.api('/config');
      const text = (await config.text()).replace(
        /-A -t 10\.40\.0\.2:80 -s \w+/,
        `-A -t 10.40.0.2:80 -s ${round % 2 ? 'rr' : 'wlc'}`,
      );
      const response = await agent.api('/config', {
        method: 'PUT',
        text,
        headers: { 'if-match': `W/"${etag}"` },
      });
      const entry = { name: 'restore', ifMatch: etag, status: response.status, at: Date.now() };
      writes.push(entry);
      if (response.status === 200) {
        entry.etag = etagOf(response);
        done.push(entry.etag);
        break;
      }
      assert.equal(response.status, 409, await response.text());
    }
  }
  return done;
}

test('2 clients x 100 If-Match writes and 3 restores: no lost update, unique increasing ETags', async () => {
  const started = Date.now();
  const [a, b, restores] = await Promise.all([
    client('a', '10.40.1.1'),
    client('b', '10.40.1.2'),
    restorer(),
  ]);
  const seconds = (Date.now() - started) / 1000;
  const succeeded = writes.filter((w) => w.status === 200);
  console.log(
    `concurrency: ${writes.length} writes in ${seconds.toFixed(1)} s; client a ${a.seen.length} ok / ${a.refused} x 409, ` +
      `client b ${b.seen.length} ok / ${b.refused} x 409, ${restores.length} restores (${writes.filter((w) => w.name === 'restore' && w.status === 409).length} x 409)`,
  );
  // Unique: no two writes were handed the same ETag.
  const tags = succeeded.map((w) => w.etag);
  assert.equal(new Set(tags).size, tags.length, 'every ETag handed out is unique');
  for (const { seen, name } of [a, b]) {
    for (let i = 1; i < seen.length; i++)
      assert.ok(seen[i] > seen[i - 1], `${name}: ETags strictly increase`);
  }
  // A write with If-Match e succeeded exactly when no other write took the table past e first: then it
  // produced e + 1; a 409 means some other write produced e + 1.
  const byEtag = new Map(succeeded.map((w) => [w.etag, w]));
  for (const write of writes) {
    if (write.status === 200)
      assert.equal(write.etag, write.ifMatch + 1, `${write.name}: nothing in between`);
    else {
      const next = byEtag.get(write.ifMatch + 1);
      assert.ok(
        next && next !== write,
        `a 409 for If-Match ${write.ifMatch}: another write produced ${write.ifMatch + 1}`,
      );
    }
  }
  // Every client's reuse of its own fresh ETag succeeded unless another wrote in between: some did.
  assert.ok(a.seen.length > 0 && b.seen.length > 0);
  // No lost update: the kernel holds each client's last successful weight.
  const table = ipvsadm('-Sn');
  assert.match(table, new RegExp(`-r 10\\.40\\.1\\.1:80 -m -w ${a.weight}\\n`));
  assert.match(table, new RegExp(`-r 10\\.40\\.1\\.2:80 -m -w ${b.weight}\\n`));
  assert.match(table, /-A -t 10\.40\.0\.2:80 -s wlc\n/, 'the last restore is in the kernel');
  // Each successful write is one change in the log.
  const log = await (await agent.api('/changes?source=api&limit=500')).json();
  assert.equal(log.items.length, succeeded.length);
});
