// Reads the Prometheus text exposition format (as /metrics and node_exporter serve it) into a Map from a
// canonical series id (name plus labels sorted by name) to its value, so two exporters can be compared.

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

function parseLabels(text, line) {
  const labels = [];
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match || LABEL.lastIndex === start) throw new Error(`bad labels in: ${line}`);
    labels.push([match[1], match[2]]);
  }
  return labels.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The id of a series: `name{a="1",b="2"}` with labels sorted by name. */
export function seriesId(name, labels) {
  return `${name}{${labels.map(([key, value]) => `${key}="${value}"`).join(',')}}`;
}

/** Samples whose metric name starts with `prefix`, as Map<seriesId, number>. Comments are skipped. */
export function parseSeries(text, prefix) {
  const series = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || !line.startsWith(prefix)) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const id = seriesId(match[1], parseLabels(match[2] ?? '', line));
    if (series.has(id)) throw new Error(`series listed twice: ${id}`);
    series.set(id, Number(match[3]));
  }
  return series;
}

/**
 * Differences between `actual` and the reference readings `before` and `after` taken around it: a series
 * missing on either side, or a value outside [min(before, after), max(before, after)] (what moved between
 * the two reference scrapes may differ, nothing else). Returns readable lines; empty when they agree.
 */
export function seriesDifferences(actual, before, after) {
  const problems = [];
  for (const id of before.keys()) if (!actual.has(id)) problems.push(`missing: ${id} ${before.get(id)}`);
  for (const [id, value] of actual) {
    const low = Math.min(before.get(id) ?? NaN, after.get(id) ?? NaN);
    const high = Math.max(before.get(id) ?? NaN, after.get(id) ?? NaN);
    if (!before.has(id)) problems.push(`extra: ${id} ${value}`);
    else if (!(value >= low && value <= high))
      problems.push(`value: ${id} ${value}, node_exporter ${low}..${high}`);
  }
  return problems;
}

/** The lines of `text` about families starting with `prefix` (samples, HELP and TYPE), exactly as sent. */
export function familyLines(text, prefix) {
  const about = (line) =>
    line.startsWith(prefix) || line.startsWith(`# HELP ${prefix}`) || line.startsWith(`# TYPE ${prefix}`);
  return text.split('\n').filter(about).join('\n');
}
