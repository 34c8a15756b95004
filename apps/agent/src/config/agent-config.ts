import { AppError, type WebhookSettings } from '@ipvs-dashboard/shared';
import { parseMetricSelection } from '../metrics/metric-selection.js';
import { parseSelector, queriedCounterFamilies, type LabelMatcher } from '../prometheus/promql.js';
import { isLoopbackHost, parseListenAddress, type ListenAddress } from './listen-address.js';
import { loadFleetSettings, type FleetSettings } from './fleet-file.js';
import { loadWebhookSettings } from './webhook-file.js';

export type BackendChoice = 'auto' | 'kernel' | 'simulated';

export interface AgentConfig {
  listen: ListenAddress;
  backend: BackendChoice;
  intervalMs: number;
  /** null: generate one at start. */
  token: string | null;
  stateDir: string;
  tls: { certFile: string; keyFile: string } | null;
  insecureListenReason: string | null;
  /** Built web app to serve at /. */
  webDir: string;
  /** Extra Host names browsers may use (e.g. the name a reverse proxy forwards), lower case, no port. */
  allowedHosts: string[];
  /** Opt-in /metrics families (ipvs_dashboard_*); node_exporter's node_ipvs_* are always served. */
  metricFamilies: ReadonlySet<string>;
  /** Where alerts go besides the log (--webhooks FILE); null: the log only. */
  webhooks: WebhookSettings | null;
  /** Long history (GET /history/range) from this Prometheus, or null: the agent's own 15 minutes only. */
  prometheus: { url: string; selector: LabelMatcher[] } | null;
  /** The other directors this agent shows and reads for the browser (--fleet FILE); null: no fleet. */
  fleet: FleetSettings | null;
}

/** The raw strings a user gave, from flags or environment, before validation. */
export interface RawSettings {
  listen?: string;
  backend?: string;
  interval?: string;
  token?: string;
  stateDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  insecureListenReason?: string;
  webDir?: string;
  /** Comma-separated host names. */
  allowedHosts?: string;
  /** Comma-separated /metrics families to add, `all` or `none`. */
  metrics?: string;
  /** A JSON file of webhooks (docs/api.md "Alerts"). */
  webhooks?: string;
  prometheusUrl?: string;
  /** Label matchers, `{job="ipvs-dashboard"}`. */
  prometheusSelector?: string;
  /** A JSON or YAML file of the fleet's directors (docs/api.md "Fleet"). */
  fleet?: string;
}

const backendChoices: readonly BackendChoice[] = ['auto', 'kernel', 'simulated'];

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field });
}

/** Accepts "1", "1s", "500ms", "0.5s". Bounds keep the poller from spinning or going silent. */
export function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) throw invalid('interval', `--interval must be seconds ("1", "2s") or "500ms", got "${text}".`);
  const value = Number(match[1]);
  const ms = match[2] === 'ms' ? value : value * 1000;
  if (ms < 100 || ms > 60_000) throw invalid('interval', '--interval must be between 100ms and 60s.');
  return Math.round(ms);
}

/** "lb.example.com, [2001:db8::1]" -> names as a Host header carries them, without port. */
export function parseAllowedHosts(text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name)) {
      throw invalid('allowed-hosts', `--allowed-hosts: "${name}" is not a host name (no ports or schemes).`);
    }
  }
  return names;
}

/** --prometheus-url and --prometheus-selector: an http(s) URL, matchers Prometheus would take. */
export function parsePrometheus(raw: RawSettings): AgentConfig['prometheus'] {
  if (raw.prometheusUrl === undefined) {
    if (raw.prometheusSelector !== undefined) {
      throw invalid('prometheus-selector', '--prometheus-selector needs --prometheus-url.');
    }
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw.prometheusUrl);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      'prometheus-url',
      `--prometheus-url must be Prometheus's http(s) address, e.g. http://127.0.0.1:9090, got "${raw.prometheusUrl}".`,
    );
  }
  return { url: url.href, selector: parseSelector(raw.prometheusSelector ?? '') };
}

/** Validates raw settings; every rule that keeps the agent safe to expose lives here. */
export function resolveConfig(raw: RawSettings, defaults: { stateDir: string; webDir: string }): AgentConfig {
  const listen = parseListenAddress(raw.listen ?? '127.0.0.1:8080');
  const backend = (raw.backend ?? 'auto') as BackendChoice;
  if (!backendChoices.includes(backend)) {
    throw invalid('backend', `--backend must be auto, kernel or simulated, got "${raw.backend}".`);
  }
  if ((raw.tlsCert === undefined) !== (raw.tlsKey === undefined)) {
    throw invalid('tls', '--tls-cert and --tls-key go together: give both or neither.');
  }
  const tls = raw.tlsCert && raw.tlsKey ? { certFile: raw.tlsCert, keyFile: raw.tlsKey } : null;
  const insecureListenReason = raw.insecureListenReason?.trim() || null;
  if (!isLoopbackHost(listen.host) && !tls && !insecureListenReason) {
    throw invalid(
      'listen',
      `Refusing to listen on ${listen.host} without TLS: anyone on the network could read the token. ` +
        'Give --tls-cert/--tls-key, or --insecure-listen-reason "<why>" if a trusted proxy terminates TLS.',
    );
  }
  if (raw.token !== undefined && raw.token.length < 16) {
    throw invalid('token', '--token must be at least 16 characters.');
  }
  const prometheus = parsePrometheus(raw);
  return {
    listen,
    backend,
    intervalMs: parseInterval(raw.interval ?? '1'),
    token: raw.token ?? null,
    stateDir: raw.stateDir ?? defaults.stateDir,
    tls,
    insecureListenReason,
    webDir: raw.webDir ?? defaults.webDir,
    allowedHosts: parseAllowedHosts(raw.allowedHosts ?? ''),
    webhooks: raw.webhooks ? loadWebhookSettings(raw.webhooks) : null,
    metricFamilies: new Set([
      ...parseMetricSelection(raw.metrics ?? 'none'),
      // Long history charts rates of these counters; Prometheus can only have them if /metrics serves them.
      ...(prometheus ? queriedCounterFamilies : []),
    ]),
    prometheus,
    fleet: raw.fleet ? loadFleetSettings(raw.fleet) : null,
  };
}
