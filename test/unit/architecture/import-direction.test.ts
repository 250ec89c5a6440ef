import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run one way: data ← domain ← state ← map / panels. This scans every source file's import
 * specifiers (static, dynamic and type-only) and fails on one that points back up the chain.
 */
const SRC = resolve(import.meta.dirname, '../../../src');

/** Layer → the src/ folders it must never import from. */
const FORBIDDEN: Record<string, readonly string[]> = {
  data: ['domain', 'state', 'map', 'panels'],
  domain: ['state', 'map', 'panels'],
  state: ['map', 'panels'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier in a file: `from '…'`, `import('…')`, bare `import '…'`. */
function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

/** The top-level src/ folder an import resolves to, or null for packages and files outside src/. */
function targetLayer(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const rel = relative(SRC, resolve(dirname(file), spec));
  if (rel.startsWith('..')) return null;
  return rel.split(/[\\/]/)[0] ?? null;
}

function wrongWayImports(files: readonly string[], read: (f: string) => string): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const layer = relative(SRC, file).split(/[\\/]/)[0]!;
    const forbidden = FORBIDDEN[layer];
    if (!forbidden) continue;
    for (const spec of importSpecifiers(read(file))) {
      const target = targetLayer(file, spec);
      if (target && forbidden.includes(target))
        problems.push(`${relative(SRC, file)} imports ${spec} (${layer} must not import ${target})`);
    }
  }
  return problems;
}

describe('import direction', () => {
  it('no module in src/ imports against the data ← domain ← state ← map/panels direction', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(wrongWayImports(files, (f) => readFileSync(f, 'utf8'))).toEqual([]);
  });

  it('the scan catches a wrong-way import (static, type-only and dynamic)', () => {
    const fake = (layer: string) => join(SRC, layer, 'x.ts');
    const texts: Record<string, string> = {
      [fake('domain')]: "import type { AppState } from '../state/url-state';",
      [fake('data')]: "const m = await import('../domain/spi');\nimport { x } from './contract';",
      [fake('state')]: "import { MapView } from '../map/MapView';",
      [fake('panels')]: "import { y } from '../state/store';",
    };
    expect(wrongWayImports(Object.keys(texts), (f) => texts[f]!)).toEqual([
      'domain/x.ts imports ../state/url-state (domain must not import state)',
      'data/x.ts imports ../domain/spi (data must not import domain)',
      'state/x.ts imports ../map/MapView (state must not import map)',
    ]);
  });
});
