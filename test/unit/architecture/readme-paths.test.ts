import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README is a guide to the code: every repository path it writes in backticks (src/…, scripts/…,
 * test/… or docs/…, alone or inside a command) must exist, so a file that moves takes its README
 * reference with it. Placeholders (`src/map/layers/<name>.ts`, globs, "…") name no one file and are skipped.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

/** A path token (`./` allowed): one of the four top folders, then path characters; not the tail of another path. */
const PATH = /(?<![\w./-])(?:\.\/)?((?:src|scripts|test|docs)\/[\w./<>*{}…-]*)/g;
const PLACEHOLDER = /[<>*{}…]|\.\.\./;

/** Every repo path in the text's inline code spans (fenced blocks are left out: they are layouts and shell). */
function backtickedPaths(markdown: string): string[] {
  const prose = markdown.replace(/^[ \t]*```[^\n]*\n[\s\S]*?^[ \t]*```[^\n]*$/gm, '');
  const paths = new Set<string>();
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) {
    for (const m of span[1]!.matchAll(PATH)) {
      // A sentence may end inside the span ("see `docs/spi.md.`" is rare, but a trailing dot is never a file's).
      const path = m[1]!.replace(/\.+$/, '');
      if (!PLACEHOLDER.test(path)) paths.add(path);
    }
  }
  return [...paths];
}

describe('README paths', () => {
  it('finds the paths in inline code, inside commands too, and skips placeholders and fenced blocks', () => {
    const text = [
      'The loader (`src/data/load.ts`) and `npx vitest run test/unit/x.test.ts`; see `docs/`.',
      'One module per layer (`src/map/layers/<name>.ts`), all of `scripts/*.ts`; not `public/geo/` or `lib/src/y.ts`; `./src/x.ts` is one.',
      '```',
      'src/in-a-fence.ts',
      '`src/fenced-code.ts`',
      '```',
      'Imports: `src/data ← src/domain`.',
    ].join('\n');
    expect(backtickedPaths(text)).toEqual([
      'src/data/load.ts',
      'test/unit/x.test.ts',
      'docs/',
      'src/x.ts',
      'src/data',
      'src/domain',
    ]);
  });

  it('every backticked src/, scripts/, test/ and docs/ path in README.md exists', () => {
    const paths = backtickedPaths(readFileSync(resolve(ROOT, 'README.md'), 'utf8'));
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(resolve(ROOT, p)))).toEqual([]);
  });
});
