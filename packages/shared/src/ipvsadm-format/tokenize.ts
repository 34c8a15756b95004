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

export function tokenizeRestoreText(text: string): TokenLine[] {
  const lines: TokenLine[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trimStart().startsWith('#')) continue;
    const tokens = raw
      .split(/[ \t\r]+/)
      .filter((token) => token !== '' && token !== 'ipvsadm')
      .flatMap(splitOptionValue);
    if (tokens.length > 0) lines.push({ line: index + 1, tokens });
  }
  return lines;
}
