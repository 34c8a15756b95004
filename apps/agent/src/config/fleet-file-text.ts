// The fleet file's text to a plain object: JSON or YAML, told apart by the file's extension (.json, .yaml,
// .yml) or, when the extension says nothing, by its first character (JSON documents start with "{").
// Both then go through the same zod schema, so a mistake is named the same way whichever was written.
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export type FleetFileFormat = 'json' | 'yaml';

export function fleetFileFormat(file: string, text: string): FleetFileFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Parses the text; a syntax error is thrown as an Error whose message says where (line and column). */
export function parseFleetText(format: FleetFileFormat, text: string): unknown {
  if (format === 'json') return JSON.parse(text) as unknown;
  try {
    // YAML 1.2 core schema (the library's default): `no`, `on` and `off` stay strings, so a director
    // called "no" is not read as false; duplicate keys are an error rather than the last one winning.
    return parseYaml(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The library's message ends with a snippet of the file on several lines; one line is enough here.
      const firstLine = error.message.split('\n')[0] ?? error.message;
      throw new Error(firstLine, { cause: error });
    }
    throw error;
  }
}
