/** Reading an SPI file's header: canonical column names (framework labels and aliases) and their positions. */

import {
  columnKey,
  SPI_OVERALL_ID,
  WARD_CODE_COLUMN,
  WARD_NAME_COLUMN,
  type SpiFramework,
  type SpiIssue,
} from './schema';

/** Extra header aliases seen in ONS/council exports. */
const IDENTITY_ALIASES: Record<string, string> = {
  wd24cd: WARD_CODE_COLUMN,
  wd24nm: WARD_NAME_COLUMN,
  ward: WARD_NAME_COLUMN,
};

export interface ColumnPlan {
  /** Canonical column name → position in the header. */
  index: Map<string, number>;
}

export function planColumns(
  headers: string[],
  body: string[][],
  framework: SpiFramework,
  errors: SpiIssue[],
): ColumnPlan {
  const aliases = new Map<string, string>(Object.entries(IDENTITY_ALIASES));
  aliases.set(columnKey(framework.overallLabel), SPI_OVERALL_ID);
  for (const d of framework.dimensions) {
    aliases.set(columnKey(d.label), d.id);
    for (const c of d.components) aliases.set(columnKey(c.label), c.id);
  }
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = columnKey(h);
    if (key === '') {
      // Spreadsheets often export trailing empty columns: ignore them unless they hold values.
      if (body.some((cells) => (cells[i] ?? '').trim() !== '')) {
        errors.push({ message: `column ${i + 1} has values but no header` });
      }
      return;
    }
    const col = aliases.get(key) ?? key;
    const prev = index.get(col);
    if (prev !== undefined) {
      errors.push({ column: col, message: `column '${col}' appears twice (columns ${prev + 1} and ${i + 1})` });
    } else {
      index.set(col, i);
    }
  });
  return { index };
}
