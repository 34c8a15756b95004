import type { MessageKey } from '../i18n/catalogue';
import type { Translate } from '../i18n/i18n-context';

// The shared schemas and the agent say what is wrong with a field in English sentences (the API's words).
// The forms show them in the user's language: each sentence shape the shared schemas produce for a form
// field has a catalogue key here, gettext-style (the English sentence is the message id). A sentence with
// no entry is shown as the agent wrote it; a test runs the schemas on bad input so none is missed.
const shapes: [RegExp, MessageKey, string[]][] = [
  [/^must be a whole number (-?\d+)-(-?\d+)$/, 'problem.wholeNumber', ['min', 'max']],
  [/^must be a number of seconds (-?\d+)-(-?\d+)$/, 'problem.seconds', ['min', 'max']],
  [
    /^must be a number of seconds (\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/,
    'problem.secondsFraction',
    ['min', 'max'],
  ],
  [/^must not be longer than intervalSeconds\b/, 'problem.timeoutOverInterval', []],
  [/^must be a port 1-65535$/, 'problem.checkPort', []],
  [/^must start with \/ and hold no spaces$/, 'problem.checkPath', []],
  [/^must be an HTTP status (\d+)-(\d+)$/, 'problem.httpStatus', ['min', 'max']],
  [/^must hold at least one status$/, 'problem.noStatus', []],
  [/^must be a host name, optionally with :port$/, 'problem.hostName', []],
  [/^(?:is required for a command check|must not be empty)$/, 'problem.commandRequired', []],
  [/^"(.*)" is not an IPv4 or IPv6 address$/, 'problem.address', ['text']],
  [/^"(.*)" is not an IPv4 address$/, 'problem.address', ['text']],
  [/^"(.*)" is not an IPv6 address$/, 'problem.address', ['text']],
  [/^must be an? (IPv4 or IPv6|IPv4|IPv6) address$/, 'problem.addressMissing', []],
  [/^must not be higher than upperThreshold$/, 'problem.lowerAboveUpper', []],
  [/^a gue tunnel needs a tunnel port 1-65535$/, 'problem.guePort', []],
  [/^only gue tunnels take a tunnel port; set it to 0$/, 'problem.portOnlyGue', []],
  [/^ipip tunnels take no checksum option; use nocsum$/, 'problem.ipipChecksum', []],
  [/^gre tunnels support nocsum or csum, not remcsum$/, 'problem.greRemcsum', []],
  [/^tunnel options only apply with tunnel forwarding$/, 'problem.tunnelOnly', []],
  [/^a real server of the other address family needs tunnel forwarding$/, 'problem.otherFamily', []],
  [
    /^"(.*)" must be a contiguous dotted IPv4 mask such as 255\.255\.255\.0 \(IPv4 service\)$/,
    'problem.mask4',
    ['text'],
  ],
  [/^"(.*)" must be an IPv6 prefix length 1-128 \(IPv6 service\)$/, 'problem.mask6', ['text']],
  [/^(\S+) only applies to the (\S+) scheduler$/, 'problem.flagOwner', ['flag', 'scheduler']],
  [/^must not repeat a flag$/, 'problem.flagRepeat', []],
  [/^one-packet scheduling is only for UDP or fwmark services$/, 'problem.onePacket', []],
  [/^port 0 \(any port\) needs persistence: set a persistence timeout 1-(\d+)$/, 'problem.portZero', ['max']],
  [/^(\S+) must be (-?\d+)-(-?\d+)$/, 'problem.wholeNumber', ['name', 'min', 'max']],
];

/** `message` in the user's language when its shape is known; otherwise as it came. */
export function translateProblem(message: string, t: Translate): string {
  for (const [pattern, key, names] of shapes) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => (params[name] = match[index + 1] ?? ''));
    return t(key, params);
  }
  return message;
}

/** The agent prefixes a field's sentence with its name ("port: must be ..."); the form shows it next to the field. */
export function withoutFieldName(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
