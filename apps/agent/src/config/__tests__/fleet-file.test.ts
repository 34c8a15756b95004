import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { parseCommandLine } from '../../cli/parse-command-line.js';
import { resolveConfig } from '../agent-config.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
const defaults = { stateDir: '/var/lib/x', webDir: '/web' };
const token = 'peer-token-0123456789abcdef';

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe('fleet');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal');
}

describe('--fleet FILE', () => {
  it('is off by default, and read from the flag or IPVS_DASHBOARD_FLEET', () => {
    expect(resolveConfig({}, defaults).fleet).toBeNull();
    const fromFlag = parseCommandLine(['--fleet', '/a.json'], {});
    const fromEnv = parseCommandLine([], { IPVS_DASHBOARD_FLEET: '/b.json' });
    expect(fromFlag.help === false && fromFlag.settings.fleet).toBe('/a.json');
    expect(fromEnv.help === false && fromEnv.settings.fleet).toBe('/b.json');
  });

  it('reads each peer with its token, a token file relative to the fleet file, pair and site', () => {
    file('lb2.token', `${token}-2\n`);
    const path = file(
      'ok.json',
      JSON.stringify({
        self: { name: 'lb1', pair: 'edge', site: 'seoul' },
        directors: [
          {
            name: 'lb2',
            url: 'https://lb2.example.com:8080/',
            tokenFile: 'lb2.token',
            pair: 'edge',
            site: 'seoul',
          },
          { name: 'lab', url: 'http://127.0.0.1:9090', token, tlsVerify: false },
        ],
      }),
    );
    expect(resolveConfig({ fleet: path }, defaults).fleet).toEqual({
      self: { name: 'lb1', pair: 'edge', site: 'seoul' },
      peers: [
        {
          name: 'lb2',
          url: 'https://lb2.example.com:8080',
          token: `${token}-2`,
          pair: 'edge',
          site: 'seoul',
          tlsVerify: true,
        },
        { name: 'lab', url: 'http://127.0.0.1:9090', token, pair: null, site: null, tlsVerify: false },
      ],
    });
  });

  it('stops the agent with the file, the field and an example', () => {
    expect(messageOf(() => resolveConfig({ fleet: join(dir, 'none.json') }, defaults))).toMatch(
      /^--fleet: cannot read the fleet file .*none\.json: ENOENT/,
    );
    expect(messageOf(() => resolveConfig({ fleet: file('bad.json', '{') }, defaults))).toMatch(
      /is not JSON .* Expected \{"self"/,
    );
    const wrongUrl = file(
      'url.json',
      JSON.stringify({ directors: [{ name: 'lb2', url: 'lb2:8080', token }] }),
    );
    expect(messageOf(() => resolveConfig({ fleet: wrongUrl }, defaults))).toMatch(
      /is not a fleet file: directors\.0\.url: must start with http:\/\/ or https:\/\//,
    );
    const noTokenFile = file(
      'tokenfile.json',
      JSON.stringify({ directors: [{ name: 'lb2', url: 'https://lb2:8080', tokenFile: 'missing.token' }] }),
    );
    expect(messageOf(() => resolveConfig({ fleet: noTokenFile }, defaults))).toMatch(
      /^--fleet: cannot read directors\.0\.tokenFile .*missing\.token/,
    );
  });
});
