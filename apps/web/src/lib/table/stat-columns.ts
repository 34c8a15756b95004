import type { Stats } from '@ipvs-dashboard/shared';
import { formatCount, formatRate, formatSi } from '../format/format-si';
import type { MessageKey } from '../i18n/catalogue';

// The numbers ipvsadm can list per service and per real server, as columns an operator picks: connections
// (-L), rates (--rate) and the counters since the last zero (--stats). One list for the overview table and
// the real-server cards, so both name, order, format and sort them the same way.
export type StatColumnId =
  | 'active'
  | 'inactive'
  | 'cps'
  | 'pps'
  | 'bps'
  | 'conns'
  | 'inPackets'
  | 'outPackets'
  | 'inBytes'
  | 'outBytes';

/** What a column reads: a service (connections summed over its real servers) or one real server. */
export interface StatSubject {
  active: number;
  inactive: number;
  stats: Stats;
}

type Translate = (key: MessageKey) => string;

export interface StatColumn {
  id: StatColumnId;
  label: MessageKey;
  /** The ipvsadm column(s) it matches, for the header's tooltip; not translated (ipvsadm is not). */
  ipvsadm: string;
  /** Rates are drawn with a sparkline in the overview. */
  rate: boolean;
  value(subject: StatSubject): number;
  text(subject: StatSubject, t: Translate): string;
}

const count = (read: (stats: Stats) => number) => ({
  rate: false,
  value: (subject: StatSubject) => read(subject.stats),
  // Scaled like ipvsadm --stats without -x; the exact count is the cell's tooltip (exactText).
  text: (subject: StatSubject) => formatSi(read(subject.stats)),
});

export const statColumns: readonly StatColumn[] = [
  {
    id: 'active',
    label: 'overview.col.active',
    ipvsadm: 'ipvsadm -L: ActiveConn',
    rate: false,
    value: (subject) => subject.active,
    text: (subject) => formatCount(subject.active),
  },
  {
    id: 'inactive',
    label: 'overview.col.inactive',
    ipvsadm: 'ipvsadm -L: InActConn',
    rate: false,
    value: (subject) => subject.inactive,
    text: (subject) => formatCount(subject.inactive),
  },
  {
    id: 'cps',
    label: 'overview.col.cps',
    ipvsadm: 'ipvsadm -L --rate: CPS',
    rate: true,
    value: (subject) => subject.stats.cps,
    text: (subject, t) => formatRate(subject.stats.cps, 'conns', t('unit.conns')),
  },
  {
    id: 'pps',
    label: 'overview.col.pps',
    ipvsadm: 'ipvsadm -L --rate: InPPS / OutPPS',
    rate: true,
    value: (subject) => subject.stats.inPps + subject.stats.outPps,
    text: ({ stats }, t) =>
      `${formatSi(stats.inPps)} / ${formatRate(stats.outPps, 'packets', t('unit.packets'))}`,
  },
  {
    id: 'bps',
    label: 'overview.col.bps',
    ipvsadm: 'ipvsadm -L --rate: InBPS / OutBPS',
    rate: true,
    value: (subject) => subject.stats.inBps + subject.stats.outBps,
    text: ({ stats }, t) =>
      `${formatSi(stats.inBps)} / ${formatRate(stats.outBps, 'bytes', t('unit.bytes'))}`,
  },
  { id: 'conns', label: 'stat.conns', ipvsadm: 'ipvsadm -L --stats: Conns', ...count((s) => s.conns) },
  {
    id: 'inPackets',
    label: 'stat.inPackets',
    ipvsadm: 'ipvsadm -L --stats: InPkts',
    ...count((s) => s.inPackets),
  },
  {
    id: 'outPackets',
    label: 'stat.outPackets',
    ipvsadm: 'ipvsadm -L --stats: OutPkts',
    ...count((s) => s.outPackets),
  },
  {
    id: 'inBytes',
    label: 'stat.inBytes',
    ipvsadm: 'ipvsadm -L --stats: InBytes',
    ...count((s) => s.inBytes),
  },
  {
    id: 'outBytes',
    label: 'stat.outBytes',
    ipvsadm: 'ipvsadm -L --stats: OutBytes',
    ...count((s) => s.outBytes),
  },
];

/** What the overview showed before the operator could choose: connections and rates. */
export const defaultStatColumns: readonly StatColumnId[] = ['active', 'inactive', 'cps', 'pps', 'bps'];

const byId = new Map(statColumns.map((column) => [column.id, column]));

export function isStatColumnId(value: string): value is StatColumnId {
  return byId.has(value as StatColumnId);
}

export function statColumn(id: StatColumnId): StatColumn {
  const column = byId.get(id);
  if (!column) throw new Error(`unknown stat column ${id}`);
  return column;
}

/** A since-zero counter's exact value (its cell shows it scaled); null for columns shown exactly. */
export function exactText(column: StatColumn, subject: StatSubject): string | null {
  return column.rate || column.id === 'active' || column.id === 'inactive'
    ? null
    : formatCount(column.value(subject));
}
