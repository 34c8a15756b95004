import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { resolveConfig } from '../agent-config.js';

const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));
const defaults = { stateDir: '/var/lib/x', webDir: '/web' };

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
    expect((error as AppError).field).toBe('webhooks');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal');
}

describe('--webhooks FILE', () => {
  it('is off by default: alerts go to the log only', () => {
    expect(resolveConfig({}, defaults).webhooks).toBeNull();
  });

  it('reads the receivers and fills in the retry and queue defaults', () => {
    const path = file(
      'ok.json',
      JSON.stringify({
        webhooks: [
          { url: 'https://alerts.example.com/ipvs', events: ['server-down', 'server-up'] },
          { url: 'http://127.0.0.1:9000/hook', headers: { Authorization: 'Bearer x' } },
        ],
      }),
    );
    const { webhooks } = resolveConfig({ webhooks: path }, defaults);
    expect(webhooks?.webhooks).toHaveLength(2);
    expect(webhooks?.retry).toEqual({
      maxAttempts: 8,
      firstDelaySeconds: 1,
      maxDelaySeconds: 60,
      timeoutSeconds: 10,
    });
    expect(webhooks?.queueLimit).toBe(1000);
  });

  it('refuses a missing file, bad JSON, an unknown kind or a non-HTTP url, naming what is wrong', () => {
    expect(messageOf(() => resolveConfig({ webhooks: join(dir, 'absent.json') }, defaults))).toMatch(
      /cannot read .*absent\.json/,
    );
    expect(messageOf(() => resolveConfig({ webhooks: file('bad.json', '{webhooks') }, defaults))).toMatch(
      /is not JSON/,
    );
    const kind = file(
      'kind.json',
      JSON.stringify({ webhooks: [{ url: 'https://x.example', events: ['down'] }] }),
    );
    expect(messageOf(() => resolveConfig({ webhooks: kind }, defaults))).toMatch(/webhooks\.0\.events\.0/);
    const ftp = file('ftp.json', JSON.stringify({ webhooks: [{ url: 'ftp://x.example/' }] }));
    expect(messageOf(() => resolveConfig({ webhooks: ftp }, defaults))).toMatch(/http:\/\/ or https:\/\//);
    const header = file(
      'header.json',
      JSON.stringify({ webhooks: [{ url: 'https://x.example', headers: { 'X-A': 'a\r\nB: c' } }] }),
    );
    expect(messageOf(() => resolveConfig({ webhooks: header }, defaults))).toMatch(/one line/);
  });
});
