// Splits restore text into lines of tokens the way ipvsadm -R does (ipvsadm.c restore loop): on space,
// TAB and CR, no quoting; a token that is exactly "ipvsadm" is dropped; blank lines are skipped. Lines
// starting with '#' are skipped as the ipvsadm-restore wrapper does (grep -v '^#').

export interface TokenLine {
  /** 1-based line number in the text. */
  line: number;
  tokens: string[];
}

/** `--opt=value` and `-p=30` become two tokens, as popt reads them (ipvsadm -R accepts both). */
function splitOptionValue(token: string): string[] {
  const equals = token.indexOf('=');
  const isOption = token.startsWith('--') ? equals > 2 : /^-[A-Za-z0-9]=/.test(token);
  return isOption ? [token.slice(0, equals), token.slice(equals + 1)] : [token];
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 13; // space, TAB, CR
}

/** The tokens of text[start, end), split on space, TAB and CR, without "ipvsadm" tokens. */
function tokensOf(text: string, start: number, end: number): string[] {
  const tokens: string[] = [];
  let at = start;
  while (at < end) {
    while (at < end && isSeparator(text.charCodeAt(at))) at++;
    const from = at;
    while (at < end && !isSeparator(text.charCodeAt(at))) at++;
    if (at === from) break;
    const token = text.slice(from, at);
    if (token === 'ipvsadm') continue;
    if (token.includes('=')) tokens.push(...splitOptionValue(token));
    else tokens.push(token);
  }
  return tokens;
}

export function tokenizeRestoreText(text: string): TokenLine[] {
  const lines: TokenLine[] = [];
  let line = 0;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    line++;
    let first = start;
    while (first < end && isSeparator(text.charCodeAt(first))) first++;
    if (text.charCodeAt(first) !== 35 /* '#' */) {
      const tokens = tokensOf(text, first, end);
      if (tokens.length > 0) lines.push({ line, tokens });
    }
    start = end + 1;
  }
  return lines;
}
