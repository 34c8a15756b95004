// `--fleet FILE` (JSON or YAML, fleet-file-text.ts): read once at start (before anything listens) and validated with the shared schema, so a
// typo stops the agent with the file, the field and what to write instead of a Fleet page full of errors.
// Token files are read here too: a missing one is a start-up error, not a peer that is "unreachable".
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError, fleetFileSchema } from '@ipvs-dashboard/shared';
import { fleetFileFormat, parseFleetText } from './fleet-file-text.js';

/** A peer as the proxy uses it: its token read, its URL without a trailing slash. */
export interface FleetPeer {
  name: string;
  url: string;
  token: string;
  pair: string | null;
  site: string | null;
  tlsVerify: boolean;
  /** Its `instance` label in Prometheus as the file gives it; null: derive it from the url. */
  prometheusInstance: string | null;
}

export interface FleetSettings {
  self: { name: string; pair: string | null; site: string | null; prometheusInstance: string | null };
  peers: FleetPeer[];
}

const examples = {
  json: '{"self":{"name":"lb1","pair":"edge"},"directors":[{"name":"lb2","url":"https://lb2:8080","tokenFile":"/etc/ipvs-dashboard/lb2.token","pair":"edge"}]}',
  yaml: '"self: {name: lb1, pair: edge}" then "directors:" and "- {name: lb2, url: https://lb2:8080, tokenFile: /etc/ipvs-dashboard/lb2.token, pair: edge}"',
} as const;

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field: 'fleet' });
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`--fleet: cannot read ${what} ${file}: ${reason}.`);
  }
}

export function loadFleetSettings(file: string): FleetSettings {
  const text = readText(file, 'the fleet file');
  const format = fleetFileFormat(file, text);
  const example = examples[format];
  let data: unknown;
  try {
    data = parseFleetText(format, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(
      `--fleet: ${file} is not ${format === 'json' ? 'JSON' : 'YAML'} (${reason}). Expected ${example}.`,
    );
  }
  const parsed = fleetFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
    throw invalid(
      `--fleet: ${file} is not a fleet file: ${problems.join('; ')}. Expected ${example} (docs/api.md "Fleet").`,
    );
  }
  const peers = parsed.data.directors.map((director, index): FleetPeer => {
    let token = director.token;
    if (token === undefined) {
      // Relative token files are relative to the fleet file, so a directory of files can move as one.
      const tokenFile = resolve(dirname(file), director.tokenFile!);
      token = readText(tokenFile, `directors.${index}.tokenFile`).trim();
      if (token.length < 16) {
        throw invalid(
          `--fleet: directors.${index}.tokenFile ${tokenFile} holds no token of 16 characters or more.`,
        );
      }
    }
    return {
      name: director.name,
      url: director.url.replace(/\/+$/, ''),
      token,
      pair: director.pair ?? null,
      site: director.site ?? null,
      tlsVerify: director.tlsVerify,
      prometheusInstance: director.prometheusInstance ?? null,
    };
  });
  const self = parsed.data.self;
  return {
    self: {
      name: self?.name ?? 'local',
      pair: self?.pair ?? null,
      site: self?.site ?? null,
      prometheusInstance: self?.prometheusInstance ?? null,
    },
    peers,
  };
}
