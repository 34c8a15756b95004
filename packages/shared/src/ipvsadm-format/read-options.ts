// Reads the options after the command token into a map, refusing unknown, repeated and misplaced ones
// the way ipvsadm does ("multiple ... options specified", "Illegal ... option with the ... command").
import type { IpvsadmCommandKind } from './commands.js';
import { allowedOptions, findOption, type OptionName } from './options.js';
import { LineProblem } from './restore-error.js';

export interface ReadOptions {
  /** The value of each option given; `true` for switches and for `-p` without a value. */
  values: Map<OptionName, string | true>;
  /** How the user spelled each option, for messages. */
  spelling: Map<OptionName, string>;
}

export function readOptions(kind: IpvsadmCommandKind, command: string, tokens: string[]): ReadOptions {
  const values = new Map<OptionName, string | true>();
  const spelling = new Map<OptionName, string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    const option = findOption(token);
    if (!option) {
      throw new LineProblem(
        token.startsWith('-') ? `unknown option ${token}` : `unexpected argument "${token}"`,
      );
    }
    if (!allowedOptions[kind].includes(option.name)) {
      throw new LineProblem(`option ${token} cannot be used with ${command}`);
    }
    if (values.has(option.name)) throw new LineProblem(`option ${token} is given more than once`);
    spelling.set(option.name, token);
    const next = tokens[index + 1];
    if (
      option.value === 'none' ||
      (option.value === 'optional' && (next === undefined || next.startsWith('-')))
    ) {
      values.set(option.name, true);
      continue;
    }
    if (next === undefined) throw new LineProblem(`option ${token} needs a value`);
    values.set(option.name, next);
    index++;
  }
  return { values, spelling };
}

/** The value of an option that takes one (readOptions guarantees it is a string). */
export function textOf(options: ReadOptions, name: OptionName): string | undefined {
  const value = options.values.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A whole decimal number, or a LineProblem naming the option. */
export function numberOf(options: ReadOptions, name: OptionName): number | undefined {
  const text = textOf(options, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new LineProblem(`${options.spelling.get(name)}: "${text}" is not a number`);
  return Number(text);
}
