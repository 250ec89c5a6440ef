import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project bans the two casts that switch the type checker off (`as` unknown-then-anything and `as`
 * never): a value is narrowed by a check or typed where it is made instead. Scans every TypeScript file
 * under src/, scripts/ and test/ (comments too: a cast shown in a comment reads as an example to copy).
 */
const ROOT = resolve(import.meta.dirname, '../../..');
// Spelled in pieces so this file does not match itself.
const BANNED = new RegExp(`\\bas\\s+(?:${['unknown', 'as'].join('\\s+')}|${'ne' + 'ver'})\\b`);

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '.tmp' || e.name === 'node_modules' ? [] : typeScriptFiles(p);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

/** `file:line: text` for every line that casts through unknown or to never. */
function bannedCasts(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (BANNED.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('no type-checker escapes', () => {
  it('finds the casts it bans (self-check on synthetic lines)', () => {
    expect(BANNED.test(`const x = y ${'as unknown'} as Z;`)).toBe(true);
    expect(BANNED.test(`f(y as ${'never'})`)).toBe(true);
    expect(BANNED.test('// hovering over areas never sends data')).toBe(false);
    expect(BANNED.test('const x = y as Z;')).toBe(false);
  });

  it('src/, scripts/ and test/ use neither cast', () => {
    const files = ['src', 'scripts', 'test'].flatMap((d) => typeScriptFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(200);
    expect(bannedCasts(files)).toEqual([]);
  });
});
