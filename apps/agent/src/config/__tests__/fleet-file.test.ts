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
      self: { name: 'lb1', pair: 'edge', site: 'seoul', prometheusInstance: null },
      peers: [
        {
          name: 'lb2',
          url: 'https://lb2.example.com:8080',
          token: `${token}-2`,
          pair: 'edge',
          site: 'seoul',
          tlsVerify: true,
          prometheusInstance: null,
        },
        {
          name: 'lab',
          url: 'http://127.0.0.1:9090',
          token,
          pair: null,
          site: null,
          tlsVerify: false,
          prometheusInstance: null,
        },
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

describe('--fleet FILE in YAML', () => {
  const yamlFleet = [
    '# the edge pair in Seoul',
    'self: {name: lb1, pair: edge, site: seoul}',
    'directors:',
    '  - name: lb2',
    '    url: https://lb2.example.com:8080',
    `    token: ${token}`,
    '    pair: edge',
    '    site: seoul',
    '    prometheusInstance: lb2.example.com:8080',
    '  - {name: "no", url: "http://127.0.0.1:9090", token: ' + token + ', tlsVerify: false}',
    '',
  ].join('\n');
  const expected = {
    self: { name: 'lb1', pair: 'edge', site: 'seoul', prometheusInstance: null },
    peers: [
      {
        name: 'lb2',
        url: 'https://lb2.example.com:8080',
        token,
        pair: 'edge',
        site: 'seoul',
        tlsVerify: true,
        prometheusInstance: 'lb2.example.com:8080',
      },
      {
        name: 'no',
        url: 'http://127.0.0.1:9090',
        token,
        pair: null,
        site: null,
        tlsVerify: false,
        prometheusInstance: null,
      },
    ],
  };

  it('reads .yaml and .yml files as the JSON file with the same fields', () => {
    expect(resolveConfig({ fleet: file('fleet.yaml', yamlFleet) }, defaults).fleet).toEqual(expected);
    expect(resolveConfig({ fleet: file('fleet.YML', yamlFleet) }, defaults).fleet).toEqual(expected);
  });

  it('tells YAML from JSON by content when the extension says nothing', () => {
    expect(resolveConfig({ fleet: file('fleet.conf', yamlFleet) }, defaults).fleet).toEqual(expected);
    const json = JSON.stringify({ directors: [{ name: 'lb2', url: 'http://127.0.0.1:1', token }] });
    expect(resolveConfig({ fleet: file('fleet', `\n  ${json}`) }, defaults).fleet?.peers[0]?.name).toBe(
      'lb2',
    );
    // A .json file is JSON even when it looks like YAML: the JSON error, not a YAML one.
    expect(messageOf(() => resolveConfig({ fleet: file('looks.json', 'directors: []') }, defaults))).toMatch(
      /is not JSON/,
    );
  });

  it('names the same fields as for JSON, with a YAML example', () => {
    const wrongUrl = file('url.yaml', `directors:\n  - {name: lb2, url: "lb2:8080", token: ${token}}\n`);
    expect(messageOf(() => resolveConfig({ fleet: wrongUrl }, defaults))).toMatch(
      /is not a fleet file: directors\.0\.url: must start with http:\/\/ or https:\/\/\. Expected "self: \{name: lb1/,
    );
    const unknownField = file(
      'extra.yaml',
      `directors:\n  - {name: lb2, url: "http://a:1", token: ${token}, tls: no}\n`,
    );
    expect(messageOf(() => resolveConfig({ fleet: unknownField }, defaults))).toMatch(
      /directors\.0: Unrecognized key: "tls"/,
    );
    // YAML 1.2: "no" is a string, so a boolean field given "no" is refused rather than read as false.
    const noIsString = file(
      'bool.yaml',
      `directors:\n  - {name: lb2, url: "http://a:1", token: ${token}, tlsVerify: no}\n`,
    );
    expect(messageOf(() => resolveConfig({ fleet: noIsString }, defaults))).toMatch(
      /directors\.0\.tlsVerify: /,
    );
  });

  it('says where a YAML syntax error is, and refuses duplicate keys', () => {
    expect(
      messageOf(() => resolveConfig({ fleet: file('broken.yaml', 'directors: [\n') }, defaults)),
    ).toMatch(/is not YAML \(.*line 2.*\)\. Expected "self:/);
    const twice = file('twice.yaml', 'directors: []\ndirectors: []\n');
    expect(messageOf(() => resolveConfig({ fleet: twice }, defaults))).toMatch(
      /is not YAML \(Map keys must be unique/,
    );
  });
});
