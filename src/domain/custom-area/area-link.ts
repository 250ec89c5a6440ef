/**
 * A custom area in the URL (issue 23): `area=<check>.<bits>`. `bits` is a bitset over the
 * council's LSOA 2021 codes in sorted order (bit i set = the i-th code is a member; most
 * significant bit first), base64url without padding; `check` is a 32-bit FNV-1a hash of the sorted
 * code list, base64url, so a link made for another council (or another LSOA vintage of this one)
 * is recognised rather than read as some other set of areas. A 488-LSOA council takes
 * 6 + 1 + 82 = 89 characters. Pure.
 */

export type AreaLinkError = 'other-council' | 'malformed' | 'truncated' | 'unknown-codes' | 'empty';

export type AreaLinkResult = { ok: true; codes: string[] } | { ok: false; error: AreaLinkError };

/** What the app says when a link's area cannot be opened (the default view is shown instead). */
export const AREA_LINK_MESSAGE: Record<AreaLinkError, string> = {
  'other-council':
    'The area in this link was made for another council’s map (or an older set of LSOAs), so the default view is shown.',
  malformed: 'The area in this link could not be read (it is damaged), so the default view is shown.',
  truncated: 'The area in this link is cut short (part of the link is missing), so the default view is shown.',
  'unknown-codes': 'The area in this link names LSOAs this map does not have, so the default view is shown.',
  empty: 'The area in this link has no LSOAs, so the default view is shown.',
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Bytes of a base64url string, or null when it is not one (bad character or impossible length). */
export function fromBase64Url(s: string): Uint8Array | null {
  if (!BASE64URL.test(s) || s.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of s) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 255;
    }
  }
  // Leftover bits must be zero, or the string was not made by toBase64Url.
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return bytes;
}

/** FNV-1a 32-bit over the codes joined by commas, base64url (6 characters). */
export function codeListCheck(sortedCodes: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = sortedCodes.join(',');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return toBase64Url(new Uint8Array([h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]));
}

/** The council's codes in the order the bitset uses (sorted, no repeats). */
export function councilOrder(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

/** `check.bits` for the members; throws on a member not in the council (a programming error). */
export function serialiseAreaLink(members: readonly string[], councilCodes: readonly string[]): string {
  const position = new Map(councilCodes.map((c, i) => [c, i]));
  const bytes = new Uint8Array(Math.ceil(councilCodes.length / 8));
  for (const code of members) {
    const i = position.get(code);
    if (i === undefined) throw new Error(`LSOA ${code} is not one of the council's`);
    bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return `${codeListCheck(councilCodes)}.${toBase64Url(bytes)}`;
}

/** The member codes of an `area=` value over the council's sorted codes, or why it cannot be read. */
export function parseAreaLink(raw: string, councilCodes: readonly string[]): AreaLinkResult {
  const dot = raw.indexOf('.');
  if (dot < 0) return { ok: false, error: 'malformed' };
  const check = raw.slice(0, dot);
  const bits = raw.slice(dot + 1);
  if (!BASE64URL.test(check) || check.length !== 6) return { ok: false, error: 'malformed' };
  if (check !== codeListCheck(councilCodes)) return { ok: false, error: 'other-council' };
  const bytes = fromBase64Url(bits);
  if (!bytes) return { ok: false, error: 'malformed' };
  const need = Math.ceil(councilCodes.length / 8);
  if (bytes.length < need) return { ok: false, error: 'truncated' };
  if (bytes.length > need) return { ok: false, error: 'unknown-codes' };
  const codes: string[] = [];
  for (let i = 0; i < need * 8; i++) {
    if ((bytes[i >> 3]! & (0x80 >> (i & 7))) === 0) continue;
    const code = councilCodes[i];
    // A bit past the last code names an LSOA the council does not have.
    if (code === undefined) return { ok: false, error: 'unknown-codes' };
    codes.push(code);
  }
  return codes.length > 0 ? { ok: true, codes } : { ok: false, error: 'empty' };
}
