// Real traffic through a NAT service built with ipvsadm alone: proves the scenario and the kernel work
// before any project code is involved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pollUntil } from '../lib/wait-for.js';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { createNatScenario, type NatScenario } from '../scenario.js';

void describe('NAT traffic through ipvsadm alone', () => {
  let scenario: NatScenario | undefined;
  before(() => {
    clearAll();
    scenario = createNatScenario(2);
  });
  after(() => {
    clearAll();
    scenario?.close();
  });

  void it('spreads 40 requests over two real servers and counts every connection', async () => {
    assert.ok(scenario);
    const service = `${scenario.vip}:${scenario.port}`;
    mustIpvsadm(['-A', '-t', service, '-s', 'rr']);
    for (const server of scenario.servers) {
      mustIpvsadm(['-a', '-t', service, '-r', `${server.address}:${server.port}`, '-m']);
    }
    const result = scenario.request(40);
    assert.deepEqual(result, { ok: 40, failed: 0 });
    const readConns = () => {
      const stats = mustIpvsadm(['-Ln', '--stats', '--exact', '-t', service]);
      return [...stats.matchAll(/->\s+\S+\s+(\d+)/g)].map((match) => Number(match[1]));
    };
    const conns = await pollUntil(readConns, (counts) => counts[0] === 20 && counts[1] === 20);
    assert.deepEqual(conns, [20, 20]);
  });
});
