// The calculator's inputs in the URL fragment. The fragment never reaches a server, so a
// shared link carries the figures without sending them anywhere. Three forms, read all:
// - `#z=<base64url of deflate-raw of the JSON>`: what a link holds now, only the inputs that
//   differ from the worked example (with the currency and decimal mark, always), compressed
//   with the browser's CompressionStream: a link of a few hundred characters;
// - `#j=<base64url of the JSON>`: the same without compression, where a browser has none;
// - `#roi=<base64url of the whole input JSON>`: links made before, still opened as they were.

const PACKED = 'z';
const PLAIN = 'j';
const WHOLE = 'roi';

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** `bytes` through a CompressionStream or DecompressionStream of deflate-raw. */
async function through(stream, bytes) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const canPack = () => typeof CompressionStream === 'function';

/**
 * The keys of `input` whose values differ from `example`'s; the currency and the decimal mark
 * always (a reader's example may have others: theirs would change what the numbers mean).
 */
export function changesFrom(input, example) {
  const out = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'currency' || key === 'decimal_mark' || JSON.stringify(value) !== JSON.stringify(example?.[key])) out[key] = value;
  }
  return out;
}

/** The fragment for `input`, holding what differs from `example` (`#z=…`, or `#j=…`). */
export async function encodeHash(input, example) {
  const bytes = new TextEncoder().encode(JSON.stringify(changesFrom(input, example)));
  if (canPack()) {
    try {
      return `#${PACKED}=${toBase64Url(await through(new CompressionStream('deflate-raw'), bytes))}`;
    } catch {
      /* a browser that lists the stream but not this format: the plain form */
    }
  }
  return `#${PLAIN}=${toBase64Url(bytes)}`;
}

function object(text) {
  const value = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

const utf8 = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * What a fragment holds: `{ input }` (an old link: the whole input), `{ changes }` (the keys
 * to put over the example), `{ error }` when it holds inputs that cannot be read, or `null`
 * when it holds none.
 */
export async function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  try {
    if (params.get(PACKED)) {
      if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot open compressed links');
      return { changes: object(utf8(await through(new DecompressionStream('deflate-raw'), fromBase64Url(params.get(PACKED))))) };
    }
    if (params.get(PLAIN)) return { changes: object(utf8(fromBase64Url(params.get(PLAIN)))) };
    if (params.get(WHOLE)) return { input: object(utf8(fromBase64Url(params.get(WHOLE)))) };
  } catch (e) {
    return { error: String(e.message || e) };
  }
  return null;
}
