// Bytes → string. Order of trust: a byte-order mark, then valid UTF-8, then the declared charset
// (HTTP header or <meta>), then windows-1252, which decodes any byte sequence.

/** Why these bytes are not text, or null when they look like text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const head = (n: number) => Buffer.from(bytes.subarray(0, n)).toString('latin1');
  if (head(8) === '\x89PNG\r\n\x1a\n') return 'a PNG image';
  if (head(3) === 'GIF') return 'a GIF image';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'a JPEG image';
  if (head(4) === '%PDF') return 'a PDF document';
  if (head(4) === 'PK\x03\x04') return 'a zip archive';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'a gzip archive';
  if (head(16) === 'SQLite format 3\0') return 'a SQLite database';
  if (head(4) === 'RIFF' || head(4) === '\x7fELF') return 'a binary file';
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'a binary file';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.1 ? 'a binary file' : null;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decodeWith(label: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decode article bytes. Throws an Error whose message says why the bytes are not text. */
export function decodeText(bytes: Uint8Array, headerCharset: string | null = null): string {
  if (bytes.length === 0) throw new Error('empty file');
  let text: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = decodeWith('utf-8', bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith('utf-16le', bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith('utf-16be', bytes.subarray(2));
  else {
    const kind = binaryKind(bytes);
    if (kind) throw new Error(`${kind}, not text or HTML`);
    text = decodeWith('utf-8', bytes, true);
    for (const label of [headerCharset, declaredCharset(bytes), 'windows-1252']) {
      if (text !== null) break;
      if (label && label !== 'utf-8' && label !== 'utf8') text = decodeWith(label, bytes);
    }
  }
  if (text === null) throw new Error('unknown character encoding');
  if (!text.trim()) throw new Error('no text in it (only whitespace)');
  return text;
}
