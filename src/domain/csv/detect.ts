/**
 * Which separator a delimited text file uses, and how its bytes are encoded: what a person's own
 * file needs before parseDelimited can read it (spreadsheets in some regions save "CSV" with
 * semicolons; older Excel saves Windows-1252).
 */
import { parseDelimited } from './parse';

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The separator that splits the first rows (up to 20) into the same number of columns (more than
 * one), preferring the most columns; ',' when none does (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let best: { d: Delimiter; score: number } = { d: ',', score: 0 };
  for (const d of CANDIDATES) {
    const rows = parseDelimited(head, { delimiter: d }).records.slice(0, 20);
    // The last row of a 64 KB slice may be cut short, so it does not vote.
    const voting = rows.length > 1 && head.length < text.length ? rows.slice(0, -1) : rows;
    const widths = voting.map((r) => r.cells.length);
    const first = widths[0] ?? 1;
    if (first < 2) continue;
    const same = widths.filter((w) => w === first).length / widths.length;
    const score = same >= 0.8 ? first + same : 0;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/**
 * Bytes → text: UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else Windows-1252
 * (what Excel's plain "CSV" writes in the UK: £ is 0xA3, é is 0xE9). The BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}
