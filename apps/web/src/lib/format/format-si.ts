// Numbers with SI prefixes (powers of 1000, as the kernel's rates are decimal quantities) and a unit said
// plainly: "1.25 Mbytes/s", never an ambiguous "MB".
const prefixes = ['', 'k', 'M', 'G', 'T', 'P'] as const;

/** Scale a number to at most three significant integer digits with an SI prefix: 1234 -> "1.23 k". */
export function formatSi(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value < 0 ? '-' : '';
  let scaled = Math.abs(value);
  let index = 0;
  while (scaled >= 999.5 && index < prefixes.length - 1) {
    scaled /= 1000;
    index += 1;
  }
  const digits = index === 0 && Number.isInteger(scaled) ? 0 : scaled < 10 ? 2 : scaled < 100 ? 1 : 0;
  const number = `${sign}${scaled.toFixed(digits)}`;
  const prefix = prefixes[index] ?? '';
  // "1.23 Mbytes/s", like "Mbit/s": the prefix binds to the unit, the unit is a plain word.
  const tail = `${prefix}${unit}`;
  return tail ? `${number} ${tail}` : number;
}

/** Whole counts as the table shows them: 12345 -> "12,345". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export type RateKind = 'conns' | 'packets' | 'bytes' | 'bits';

/** Rates: bytes per second stay bytes (the kernel's unit); bits only when asked. `unit`: in the user's words. */
export function formatRate(value: number, kind: RateKind, unit?: string): string {
  const english = { conns: 'conn/s', packets: 'packets/s', bytes: 'bytes/s', bits: 'bits/s' }[kind];
  return formatSi(kind === 'bits' ? value * 8 : value, unit ?? english);
}

/** A duration in seconds as "15 min", "2 h 5 min", "45 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600)
    return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}
