/**
 * The one strict number syntax for every number read from a file (pipeline CSVs, SPI imports).
 *
 * Accepted: optional surrounding spaces (spreadsheets pad cells), an optional sign, decimal digits
 * with an optional fraction (`12`, `-3.5`, `.5`, `12.`), and an optional exponent (`1e3`, `1.2E-05`
 * — spreadsheets write very small values that way in "General" format).
 * Rejected: everything JavaScript's Number() would also take but a person did not mean as a decimal
 * figure — hex/octal/binary (`0x1F`), `Infinity`, `NaN`, empty or space-only cells, digit
 * separators (`1,234`, `1_000`), units (`12%`). A silent misreading is worse than an error message.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** A finite decimal number, or null when `raw` is not one (see the module comment). */
export function parseDecimal(raw: string): number | null {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A whole number written as plain digits (no fraction, no exponent), or null. */
export function parseInteger(raw: string): number | null {
  const s = raw.trim();
  if (!INTEGER.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
