// Days of history for the real-Prometheus test, as OpenMetrics text for `promtool tsdb create-blocks-from
// openmetrics`: the series the agent's /metrics serves for one service, written out by hand here (not by
// the agent's renderer) so the test also checks that the names and labels the queries use are the ones
// Prometheus holds. Traffic follows a daily wave, so a 7-day chart has a shape to compare.

export interface BackfillServer {
  address: string;
  port: number;
  /** Share of the service's traffic. */
  share: number;
}

export interface BackfillSpec {
  job: string;
  instance: string;
  service: { protocol: 'tcp' | 'udp'; address: string; port: number };
  servers: BackfillServer[];
  from: number;
  to: number;
  /** Sample spacing (ms) for samples older than a day, and within the last day. */
  oldEveryMs: number;
  recentEveryMs: number;
  /** The `backend` label of ipvs_dashboard_up: what the agent would say it ran on; simulated unless told. */
  backend?: 'simulated' | 'kernel';
}

const day = 86_400_000;

/** New connections per second at `at`: 40 at the daily peak, 10 at night. */
export function connectionsPerSecond(at: number): number {
  return 25 + 15 * Math.sin((2 * Math.PI * at) / day);
}

function instants(spec: BackfillSpec): number[] {
  const times: number[] = [];
  for (let at = spec.from; at <= spec.to;) {
    times.push(at);
    at += spec.to - at > day ? spec.oldEveryMs : spec.recentEveryMs;
  }
  return times;
}

/** Counter values at each instant: the integral of the rate, by the trapezoid rule. */
function counterAt(times: readonly number[], perSecond: (at: number) => number): number[] {
  const values: number[] = [];
  let total = 0;
  times.forEach((at, index) => {
    const before = times[index - 1];
    if (before !== undefined) total += ((perSecond(before) + perSecond(at)) / 2) * ((at - before) / 1000);
    values.push(Math.round(total));
  });
  return values;
}

const perConnection = {
  incoming_packets: 8,
  outgoing_packets: 12,
  incoming_bytes: 1_200,
  outgoing_bytes: 24_000,
};

/** One OpenMetrics document (ends with # EOF). Also `ipvs_dashboard_up` of `otherInstances` (other directors). */
export function backfillText(spec: BackfillSpec, otherInstances: readonly string[] = []): string {
  const times = instants(spec);
  const lines: string[] = [];
  const { protocol, address, port } = spec.service;
  const director = `job="${spec.job}",instance="${spec.instance}"`;
  const serviceLabels = `protocol="${protocol}",address="${address}",port="${port}",fwmark="",family=""`;
  const series = (name: string, labels: string, values: readonly number[]) => {
    times.forEach((at, index) => lines.push(`${name}{${labels}} ${values[index]} ${at / 1000}`));
  };
  const counters: [string, number][] = [['connections', 1], ...Object.entries(perConnection)];
  for (const [family, factor] of counters) {
    for (const scope of ['service', 'destination'] as const) {
      lines.push(`# TYPE ipvs_dashboard_${scope}_${family} counter`);
      const targets = scope === 'service' ? [{ labels: '', share: 1 }] : spec.servers.map(realLabels);
      for (const { labels, share } of targets) {
        const values = counterAt(times, (at) => connectionsPerSecond(at) * share * factor);
        series(`ipvs_dashboard_${scope}_${family}_total`, `${director},${serviceLabels}${labels}`, values);
      }
    }
  }
  for (const [family, seconds] of [
    ['active', 4],
    ['inactive', 2],
  ] as const) {
    lines.push(`# TYPE node_ipvs_backend_connections_${family} gauge`);
    for (const server of spec.servers) {
      const labels = `${director},local_address="${address}",local_mark="",local_port="${port}",proto="${protocol.toUpperCase()}",remote_address="${server.address}",remote_port="${server.port}"`;
      const values = times.map((at) => Math.round(connectionsPerSecond(at) * server.share * seconds));
      series(`node_ipvs_backend_connections_${family}`, labels, values);
    }
  }
  lines.push('# TYPE ipvs_dashboard_up gauge');
  for (const instance of [spec.instance, ...otherInstances]) {
    series(
      'ipvs_dashboard_up',
      `job="${spec.job}",instance="${instance}",backend="${spec.backend ?? 'simulated'}"`,
      times.map(() => 1),
    );
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

function realLabels(server: BackfillServer): { labels: string; share: number } {
  return { labels: `,real_address="${server.address}",real_port="${server.port}"`, share: server.share };
}
