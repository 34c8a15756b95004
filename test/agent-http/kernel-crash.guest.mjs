// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 9's crash proof: kill -9 of the agent in the
// middle of a large PUT /config (300 services x 10 real servers), restart with the same --state-dir: GET
// /info reports the interrupted change, rollback gives back exactly the table before it, resume reaches
// exactly the table the text describes (as `ipvsadm -R` of the same text in an empty table makes it).
import assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { after, test } from 'node:test';
import { tableRules } from '../../bench/ws/table.mjs';
import { ipvsadm, ipvsadmWith, pause, sortedRules, startAgent } from './guest-lib.mjs';

const PORT = 18083;
const STATE = '/tmp/agent-state-crash';
const TARGET = tableRules(300, 10);
let agent;

after(async () => {
  if (agent) await agent.stop();
  ipvsadm('-C');
});

/** The table `text` makes when restored by ipvsadm into an empty table, as sorted -Sn rules. */
function byIpvsadm(text) {
  ipvsadm('-C');
  ipvsadmWith(text, '-R');
  return sortedRules();
}

/** The journal file's path and size, or null while there is none. */
function journal() {
  const file = readdirSync(STATE).find((name) => /^journal-.*\.jsonl$/.test(name));
  if (!file) return null;
  try {
    return { path: `${STATE}/${file}`, size: statSync(`${STATE}/${file}`).size };
  } catch {
    return null; // removed in between: the change finished
  }
}

/**
 * Whole progress lines ({"applied":n}) after the header. Only the file's tail is read: the header is
 * megabytes, and reading it on every poll kept this check so slow in the guest that the restore could end
 * before the kill.
 */
function progressLinesIn(path, size) {
  const length = Math.min(size, 4096);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return (buffer.toString('utf8').match(/\{"applied":\d+\}\n/g) ?? []).length;
}

/**
 * Sets the table to `start` (ipvsadm -R, not the agent), starts a fresh agent, PUTs TARGET and kills the
 * agent with SIGKILL as soon as the journal shows `progressLines` progress lines (one per 1,000 steps), then restarts it on
 * the same state dir. Returns the interrupted change and what the kernel held at the kill.
 */
async function crashDuringRestore(start, progressLines = 1) {
  if (agent) await agent.stop();
  agent = null;
  ipvsadm('-C');
  if (start) ipvsadmWith(start, '-R');
  const before = ipvsadm('-Sn');
  agent = await startAgent({ port: PORT, stateDir: STATE });
  await pause(1200); // the poller has read the starting table
  const dry = await (await agent.api(`/config?dryRun=1`, { method: 'PUT', text: TARGET })).json();
  const steps = dry.added.length + dry.changed.length + dry.removed.length;
  const started = Date.now();
  const put = agent.api('/config', { method: 'PUT', text: TARGET }).catch((error) => error);
  // Read the file again only when it grew (the header alone is ~1 MB).
  let seen = 0;
  for (;;) {
    const found = journal();
    if (found && found.size !== seen) {
      seen = found.size;
      if (progressLinesIn(found.path, found.size) >= progressLines) break;
    }
    if (Date.now() - started > 300_000) throw new Error('no journal progress within 300 s');
    await pause(1);
  }
  const code = await agent.kill9();
  const killedAfter = Date.now() - started;
  assert.equal(code, 'SIGKILL');
  assert.ok((await put) instanceof Error, 'the PUT never got an answer');
  agent = null;
  const atKill = ipvsadm('-Sn');
  const services = atKill.split('\n').filter((line) => line.startsWith('-A')).length;
  agent = await startAgent({ port: PORT, stateDir: STATE, fresh: false });
  const info = await (await agent.api('/info')).json();
  console.log(
    `killed ${killedAfter} ms into the PUT; the kernel then held ${services} services; restart ${agent.startMs} ms; interruptedChange ${JSON.stringify(
      info.interruptedChange && {
        ...info.interruptedChange,
        services: info.interruptedChange.services.length,
      },
    )}`,
  );
  return { before, atKill, info, steps };
}

async function checkInterrupted({ before, atKill, info, steps }, total) {
  assert.equal(steps, total, 'the dry run plans as many steps as expected');
  const interrupted = info.interruptedChange;
  assert.ok(interrupted, 'GET /info reports the interrupted change');
  assert.equal(interrupted.action, 'restore');
  assert.equal(interrupted.total, total);
  assert.ok(interrupted.applied >= 1000 && interrupted.applied < total, JSON.stringify(interrupted));
  // The kill really came in the middle: the kernel holds neither the table before nor the target.
  assert.ok(sortedRules(atKill) !== sortedRules(before), 'some steps had reached the kernel');
  assert.ok(sortedRules(atKill) !== byIpvsadmTarget, 'the restore had not finished');
  return interrupted;
}

let byIpvsadmTarget;

test('kill -9 during a 300 x 10 restore into an empty table: reported, then rolled back exactly', async () => {
  byIpvsadmTarget = byIpvsadm(TARGET);
  const crash = await crashDuringRestore(null);
  const interrupted = await checkInterrupted(crash, 3300);
  const started = Date.now();
  const rollback = await agent.api(`/changes/${interrupted.id}/rollback`, { method: 'POST', json: {} });
  assert.equal(rollback.status, 201, await rollback.clone().text());
  console.log(`rollback: ${Date.now() - started} ms`);
  assert.ok(ipvsadm('-Sn') === crash.before, 'ipvsadm -Sn exactly as before the restore (empty)');
  assert.equal((await (await agent.api('/info')).json()).interruptedChange, null);
  assert.equal(
    (await agent.api(`/changes/${interrupted.id}/rollback`, { method: 'POST', json: {} })).status,
    404,
  );
  await agent.stop();
  agent = null;
});

/** A table the target replaces: 40 services it drops, and 60 of its services with other settings. */
function replacedTable() {
  const dropped = tableRules(40, 4).replaceAll('10.100.', '10.99.');
  const edited = tableRules(60, 10).replaceAll('-s wlc', '-s rr').replaceAll('-m -w 1', '-m -w 5');
  return dropped + edited;
}

test('kill -9 while replacing a table, restart: rollback restores ipvsadm -Sn exactly', async () => {
  // Killed once 3,000 steps are journaled: every addition and some of the edits ran (edits go one by one).
  const crash = await crashDuringRestore(replacedTable(), 3);
  // 240 services + 2,400 real servers added, 60 services + 600 real servers edited, 40 services removed.
  const interrupted = await checkInterrupted(crash, 3340);
  // Some of the 60 services had been edited (rr -> wlc) when the agent died, and some not yet.
  const schedulers = [...crash.atKill.matchAll(/^-A -t 10\.100\.0\.(\d+):80 -s (\w+)$/gm)]
    .filter((match) => Number(match[1]) <= 60)
    .map((match) => match[2]);
  const edited = schedulers.includes('wlc');
  const unedited = schedulers.includes('rr');
  assert.ok(edited && unedited, 'the kill came in the middle of the edits');
  const rollback = await agent.api(`/changes/${interrupted.id}/rollback`, { method: 'POST', json: {} });
  assert.equal(rollback.status, 201, await rollback.clone().text());
  assert.ok(ipvsadm('-Sn') === crash.before, 'ipvsadm -Sn exactly as before the restore');
  assert.equal((await (await agent.api('/info')).json()).interruptedChange, null);
  await agent.stop();
  agent = null;
});

test('kill -9 while replacing a table, restart: resume reaches exactly the target table', async () => {
  const crash = await crashDuringRestore(replacedTable());
  const interrupted = await checkInterrupted(crash, 3340);
  const started = Date.now();
  const resume = await agent.api(`/changes/${interrupted.id}/resume`, { method: 'POST', json: {} });
  assert.equal(resume.status, 201, await resume.clone().text());
  console.log(`resume: ${Date.now() - started} ms`);
  assert.equal(
    sortedRules(),
    byIpvsadmTarget,
    'the table ipvsadm -R of the same text makes in an empty table',
  );
  assert.equal(await (await agent.api('/config')).text(), ipvsadm('-Sn'), 'GET /config agrees');
  assert.equal((await (await agent.api('/info')).json()).interruptedChange, null);
  const record = (await (await agent.api('/changes?limit=1&source=api')).json()).items[0];
  assert.equal(record.action, 'resume');
  assert.equal(record.revertOf, interrupted.id);
});
