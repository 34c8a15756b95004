// A minimal writer for the Prometheus text format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/): HELP/TYPE once per family, escaped labels.

export type MetricType = 'counter' | 'gauge';
export type Labels = Readonly<Record<string, string>>;

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: { labels: Labels; value: number }[];
}

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/**
 * The text of every family. A label set shared by several samples (the same object: one real server's
 * labels in each of its families) is formatted and escaped once.
 */
export function formatFamilies(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  const formatted = new WeakMap<Labels, string>();
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      let labels = formatted.get(sample.labels);
      if (labels === undefined) {
        labels = formatLabels(sample.labels);
        formatted.set(sample.labels, labels);
      }
      lines.push(`${family.name}${labels} ${formatValue(sample.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}
