// Test helper: bytes written as spaced hex, the way the reference document prints them.
export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}
