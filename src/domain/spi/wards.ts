/** Matching rows of an SPI file to wards: by ONS code, else by a normalised ward name. */

import type { Ward } from './schema';

/**
 * Normalise a ward name for matching: case, accents, '&' vs 'and', apostrophes, other punctuation
 * and whitespace, and a trailing " ward". "Burmantofts and Richmond-Hill Ward" → "burmantofts and richmond hill".
 */
export function normaliseWardName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+ward$/, '');
}

export interface WardMatch {
  ward: Ward;
  by: 'code' | 'name';
}

export interface WardMatcher {
  byCode(code: string): Ward | undefined;
  byName(name: string): Ward | undefined;
}

export function createWardMatcher(wards: readonly Ward[]): WardMatcher {
  const codes = new Map<string, Ward>();
  const names = new Map<string, Ward>();
  for (const w of wards) {
    codes.set(w.code.trim().toUpperCase(), w);
    names.set(normaliseWardName(w.name), w);
  }
  return {
    byCode: (code) => codes.get(code.trim().toUpperCase()),
    byName: (name) => (name.trim() === '' ? undefined : names.get(normaliseWardName(name))),
  };
}
