// Decoding report bytes to text. (Skeleton version: BOM, strict UTF-8, then windows-1256;
// binary detection. The text-pipeline work refines the legacy-encoding choice.)
import type { LineEnding } from '../model/types.ts';

export interface Decoded {
  text: string;
  /** WHATWG label of the encoding used: utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6, cp720 */
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
}

export type DecodeErrorCode = 'binary-file' | 'unknown-encoding';

export class DecodeError extends Error {
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export function detectLineEnding(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : lf ? 'lf' : 'cr';
}

function done(text: string, encoding: string, bom: boolean): Decoded {
  return { text, encoding, bom, lineEnding: detectLineEnding(text) };
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return done(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return done(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return done(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', true);
  if (bytes.includes(0)) throw new DecodeError('binary-file', 'This file holds binary data (NUL bytes), not text.');
  try {
    return done(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', false);
  } catch {
    return done(new TextDecoder('windows-1256').decode(bytes), 'windows-1256', false);
  }
}
