// The calculator's inputs in the URL fragment: `#roi=<base64url of the input JSON>`. The
// fragment never reaches a server, so a shared link carries the figures without sending them
// anywhere.

const KEY = 'roi';

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

/** The fragment for `input`. */
export function encodeHash(input) {
  return `#${KEY}=${toBase64Url(new TextEncoder().encode(JSON.stringify(input)))}`;
}

/**
 * The input a fragment holds: `{ input }`, `{ error }` when it holds one that cannot be read,
 * or `null` when it holds none.
 */
export function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(KEY);
  if (!value) return null;
  try {
    const input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(value)));
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error('not an object');
    return { input };
  } catch (e) {
    return { error: String(e.message || e) };
  }
}
