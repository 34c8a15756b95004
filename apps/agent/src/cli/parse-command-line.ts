import { parseArgs } from 'node:util';
import { AppError } from '@ipvs-dashboard/shared';
import type { RawSettings } from '../config/index.js';

export type CommandLine = { help: true } | { help: false; settings: RawSettings };

/** Flag name -> RawSettings key -> environment variable. */
const settingsFlags = {
  listen: ['listen', 'IPVS_DASHBOARD_LISTEN'],
  backend: ['backend', 'IPVS_DASHBOARD_BACKEND'],
  interval: ['interval', 'IPVS_DASHBOARD_INTERVAL'],
  token: ['token', 'IPVS_DASHBOARD_TOKEN'],
  'state-dir': ['stateDir', 'IPVS_DASHBOARD_STATE_DIR'],
  'tls-cert': ['tlsCert', 'IPVS_DASHBOARD_TLS_CERT'],
  'tls-key': ['tlsKey', 'IPVS_DASHBOARD_TLS_KEY'],
  'insecure-listen-reason': ['insecureListenReason', 'IPVS_DASHBOARD_INSECURE_LISTEN_REASON'],
  'web-dir': ['webDir', 'IPVS_DASHBOARD_WEB_DIR'],
  'allowed-hosts': ['allowedHosts', 'IPVS_DASHBOARD_ALLOWED_HOSTS'],
  metrics: ['metrics', 'IPVS_DASHBOARD_METRICS'],
  webhooks: ['webhooks', 'IPVS_DASHBOARD_WEBHOOKS'],
  'prometheus-url': ['prometheusUrl', 'IPVS_DASHBOARD_PROMETHEUS_URL'],
  'prometheus-selector': ['prometheusSelector', 'IPVS_DASHBOARD_PROMETHEUS_SELECTOR'],
  fleet: ['fleet', 'IPVS_DASHBOARD_FLEET'],
} as const satisfies Record<string, readonly [keyof RawSettings, string]>;

type FlagName = keyof typeof settingsFlags;

/** Reads flags first, then IPVS_DASHBOARD_* variables; unknown flags are a clear error, not ignored. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  const options = Object.fromEntries(
    Object.keys(settingsFlags).map((name) => [name, { type: 'string' as const }]),
  ) as Record<FlagName, { type: 'string' }>;
  let values: Partial<Record<FlagName | 'help', string | boolean>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'VALIDATION_FAILED',
      `${reason.replace(/\.?$/, '.')} Run with --help to see the options.`,
      {
        cause: error,
      },
    );
  }
  if (values.help === true) return { help: true };
  const settings: RawSettings = {};
  for (const [flag, [key, envName]] of Object.entries(settingsFlags) as [
    FlagName,
    (typeof settingsFlags)[FlagName],
  ][]) {
    const value = values[flag] ?? env[envName];
    if (typeof value === 'string' && value !== '') settings[key] = value;
  }
  if (settings.stateDir === undefined && env.STATE_DIRECTORY) {
    // systemd's StateDirectory= sets this (possibly a colon list; the first is ours).
    settings.stateDir = env.STATE_DIRECTORY.split(':')[0];
  }
  return { help: false, settings };
}
