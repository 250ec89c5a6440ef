/**
 * A pasted list of LSOA codes and postcodes, one a line (issue 23). Pure: which lines are LSOA
 * codes, which are full postcodes (to geocode with the postcode lookup), and which were not
 * understood, each with its line number so the panel can report them.
 */
import { isFullPostcode, postcodeKey } from '../../data/postcode';
import { postcodeMessage, type PostcodeLookup } from '../postcode-lookup';

export interface PastedList {
  lsoaCodes: { line: number; code: string }[];
  postcodes: { line: number; postcode: string }[];
  notUnderstood: { line: number; text: string }[];
}

const LSOA_CODE = /^[EW]01\d{6}$/;

/** Splits the text into lines; a line may also hold a list separated by commas, semicolons or tabs. */
export function parsePastedList(text: string): PastedList {
  const out: PastedList = { lsoaCodes: [], postcodes: [], notUnderstood: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    for (const item of raw.split(/[,;\t]/)) {
      const t = item.trim().replace(/^"|"$/g, '').trim();
      if (t === '') continue;
      const upper = t.toUpperCase();
      if (LSOA_CODE.test(upper)) out.lsoaCodes.push({ line, code: upper });
      else if (isFullPostcode(postcodeKey(t))) out.postcodes.push({ line, postcode: postcodeKey(t) });
      else out.notUnderstood.push({ line, text: t.slice(0, 80) });
    }
  });
  return out;
}

export interface ResolvedList {
  /** Member codes found (sorted, no repeats). */
  codes: string[];
  /** One plain sentence per line that did not give an LSOA of this council. */
  problems: string[];
}

/** Codes and geocoded postcodes → members; anything not in the council is reported, never dropped silently. */
export function resolvePastedList(
  list: PastedList,
  councilCodes: ReadonlySet<string>,
  lookups: readonly PostcodeLookup[],
): ResolvedList {
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const { line, code } of list.lsoaCodes) {
    if (councilCodes.has(code)) codes.add(code);
    else problems.push(`Line ${line}: ${code} is not an LSOA 2021 of this council.`);
  }
  list.postcodes.forEach(({ line }, i) => {
    const r = lookups[i];
    if (r?.kind === 'found' && councilCodes.has(r.lsoaCode)) codes.add(r.lsoaCode);
    else if (r) problems.push(`Line ${line}: ${postcodeMessage(r)}`);
  });
  for (const { line, text } of list.notUnderstood)
    problems.push(`Line ${line}: “${text}” is neither an LSOA code nor a full postcode.`);
  problems.sort((a, b) => lineOf(a) - lineOf(b));
  return { codes: [...codes].sort(), problems };
}

const lineOf = (s: string): number => Number(/^Line (\d+)/.exec(s)?.[1] ?? 0);
