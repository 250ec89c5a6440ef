import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No function or component in src/ or scripts/ is over 120 lines (issue 20): a longer one is split into
 * named pieces with one job each. Every .ts/.tsx file is parsed with the TypeScript compiler, and every
 * function declaration, function expression, arrow function (a Solid component is one of these), method,
 * constructor and accessor is measured.
 *
 * The rule: a function's length is the number of lines from the line its own text starts on (its first
 * keyword, name or parameter list; a doc comment above it does not count) to the line it ends on,
 * both included. A one-line arrow is 1 line. A function nested in another counts on its own, and also
 * within the one around it, so splitting means moving the inner piece out, not only naming it.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const MAX_LINES = 120;
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunctionLike(n: ts.Node): n is FunctionLike {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n)
  );
}

/** What a reader calls the function: its own name, the variable or property it is assigned to, or "(anonymous)". */
function functionName(n: FunctionLike, src: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  if (n.name) return n.name.getText(src);
  const parent = n.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(src);
  return '(anonymous)';
}

/** `file:line:name N lines` for each function in `text` over `max` lines, in source order. */
function longFunctions(fileName: string, text: string, max = MAX_LINES): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const src = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (pos: number) => src.getLineAndCharacterOfPosition(pos).line;
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) {
      const first = lineOf(n.getStart(src));
      const lines = lineOf(n.getEnd()) - first + 1;
      if (lines > max) found.push(`${fileName}:${first + 1}:${functionName(n, src)} ${lines} lines`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

/** A body of `n` lines in all: the opening line, n − 2 statements, the closing brace. */
const statements = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('function length', () => {
  it('counts each kind of function from its first line to its last, and names it', () => {
    const text = [
      '/** A doc comment: not counted. */',
      'export function declared() {', // line 2: 121 lines, to line 122
      statements(121),
      '}',
      'export function atTheLimit() {', // line 123: exactly 120, allowed
      statements(120),
      '}',
      'const arrow = () => {', // line 243
      statements(121),
      '};',
      'class Store {',
      '  method() {', // line 365
      statements(121),
      '  }',
      '}',
      'run(function () {', // line 487: an anonymous callback
      statements(121),
      '});',
      'const oneLine = () => 1;',
    ].join('\n');
    expect(longFunctions('synthetic.ts', text)).toEqual([
      'synthetic.ts:2:declared 121 lines',
      'synthetic.ts:243:arrow 121 lines',
      'synthetic.ts:365:method 121 lines',
      'synthetic.ts:487:(anonymous) 121 lines',
    ]);
  });

  it('measures a Solid component in a .tsx file, JSX included, and the function around a nested one', () => {
    const jsx = Array.from({ length: 4 }, (_, i) => `      <p>line ${i}</p>`).join('\n');
    const text = [
      'export function Panel(p: { n: number }) {',
      '  const inner = () => {',
      '    return 1;',
      '  };',
      '  return (',
      '    <section>',
      jsx,
      '    </section>',
      '  );',
      '}',
    ].join('\n');
    // 13 lines: the header, `inner` (3), `return (`, 6 of JSX, `);` and the closing brace.
    expect(longFunctions('synthetic.tsx', text, 12)).toEqual(['synthetic.tsx:1:Panel 13 lines']);
    expect(longFunctions('synthetic.tsx', text, 13)).toEqual([]);
    expect(longFunctions('synthetic.tsx', text, 2)).toEqual([
      'synthetic.tsx:1:Panel 13 lines',
      'synthetic.tsx:2:inner 3 lines',
    ]);
  });

  it(`no function, method or component in src/ or scripts/ is over ${MAX_LINES} lines`, () => {
    const files = ['src', 'scripts'].flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(200);
    const long = files.flatMap((f) => longFunctions(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });
});
