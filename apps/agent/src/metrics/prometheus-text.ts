// The Prometheus text format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/), written
// the way Go's client_golang (expfmt) writes it, so node_exporter's families come out byte for byte.

export type MetricType = 'counter' | 'gauge';

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

const NEEDS_ESCAPE = /[\\\n"]/;

export function escapeLabelValue(value: string): string {
  // Addresses, ports and marks never need it: skip the three replaces for the 10,000s of them per scrape.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** `# HELP` and `# TYPE` of a family, newline-terminated. */
export function familyHeader(name: string, help: string, type: MetricType): string {
  return `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
}

/** `a="1",b="2"` (no braces), in the order given. */
export function formatLabels(labels: readonly (readonly [string, string])[]): string {
  return labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
}

/**
 * A value as expfmt's writeFloat prints it: strconv.FormatFloat(v, 'g', -1, 64), i.e. the shortest digits
 * that round-trip (as JavaScript's), in exponent form from 1e6 up and below 1e-4 ("1.234567e+06").
 */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(value);
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const power = Number(exponent);
  return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}
