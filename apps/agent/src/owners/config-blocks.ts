// keepalived.conf's shape, read-only: statements of words, `{ ... }` blocks, comments from `#` or `!` to
// the end of the line, and `include FILE` lines (followed when the name holds no wildcard).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface Statement {
  words: string[];
  /** The block that follows the statement's words, if any. */
  block: Statement[] | null;
}

export interface ReadConfig {
  statements: Statement[];
  /** Includes left unread (wildcards, unreadable files), to say that the picture may be incomplete. */
  skipped: string[];
}

function tokens(text: string): string[][] {
  // One entry per statement: a line's words, with braces as statements of their own.
  const out: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#!].*$/, '');
    let words: string[] = [];
    for (const word of line.split(/(\{|\})|\s+/)) {
      if (!word) continue;
      if (word === '{' || word === '}') {
        if (words.length > 0) out.push(words);
        out.push([word]);
        words = [];
      } else words.push(word);
    }
    if (words.length > 0) out.push(words);
  }
  return out;
}

function nest(lines: string[][]): Statement[] {
  const root: Statement[] = [];
  const stack: Statement[][] = [root];
  for (const words of lines) {
    const current = stack[stack.length - 1] as Statement[];
    if (words[0] === '{') {
      const owner = current[current.length - 1];
      const block: Statement[] = [];
      if (owner && owner.block === null) owner.block = block;
      else current.push({ words: [], block }); // an anonymous block: keep its content reachable
      stack.push(block);
    } else if (words[0] === '}') {
      if (stack.length > 1) stack.pop();
    } else current.push({ words, block: null });
  }
  return root;
}

/** Reads `path` and the files it includes (at most `depth` levels), as keepalived would see them. */
export async function readConfigBlocks(path: string, depth = 4): Promise<ReadConfig> {
  const text = await readFile(path, 'utf8');
  const statements = nest(tokens(text));
  const skipped: string[] = [];
  const expanded: Statement[] = [];
  for (const statement of statements) {
    if (statement.words[0] !== 'include' || statement.words.length < 2) {
      expanded.push(statement);
      continue;
    }
    const target = resolve(dirname(path), statement.words[1] as string);
    if (/[*?[]/.test(target) || depth === 0) {
      skipped.push(target);
      continue;
    }
    try {
      const inner = await readConfigBlocks(target, depth - 1);
      expanded.push(...inner.statements);
      skipped.push(...inner.skipped);
    } catch {
      skipped.push(target);
    }
  }
  return { statements: expanded, skipped };
}

/** Exposed for tests: the statements of a text. */
export function parseConfigBlocks(text: string): Statement[] {
  return nest(tokens(text));
}
