/**
 * Tiny structural checks for the generated files (public/geo/) as they arrive in the browser: each
 * check returns null when a value fits, or where and how it does not ("releases[0].nationalCount: not a
 * number"), so a file from an old build or the wrong place fails with the file and field named. Small
 * on purpose: the first view's code budget is 60 KB gzip, and no schema library would earn its place.
 */

/** null when the value fits; otherwise the path of the first field that does not, and why. */
export type Check = (v: unknown) => string | null;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's problem under its parent's path: `releases` + `[0].id: not a string`. */
const at = (path: string, problem: string): string =>
  problem.startsWith('[') || problem.startsWith(':') ? path + problem : `${path}.${problem}`;
const is =
  (test: (v: unknown) => boolean, what: string): Check =>
  (v) =>
    test(v) ? null : `: not ${what}`;

export const str: Check = is((v) => typeof v === 'string', 'a string');
export const num: Check = is((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
export const bool: Check = is((v) => typeof v === 'boolean', 'true or false');
export const oneOf = (...values: readonly unknown[]): Check =>
  is((v) => values.includes(v), values.map((x) => JSON.stringify(x)).join(' or '));
export const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
export const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);

export function arrayOf(check: Check, length?: number): Check {
  return (v) => {
    if (!Array.isArray(v)) return ': not a list';
    if (length !== undefined && v.length !== length) return `: not ${length} items`;
    for (let i = 0; i < v.length; i++) {
      const bad = check(v[i]);
      if (bad !== null) return at(`[${i}]`, bad);
    }
    return null;
  };
}

/** An object with (at least) these fields; other fields are allowed (a newer build may add some). */
export function shape(fields: Readonly<Record<string, Check>>): Check {
  return (v) => {
    if (!isRecord(v)) return ': not an object';
    for (const [key, check] of Object.entries(fields)) {
      const bad = check(v[key]);
      if (bad !== null) return at(key, bad);
    }
    return null;
  };
}

/** An object whose every value passes `check` (keyed by code, column name…). */
export function recordOf(check: Check): Check {
  return (v) => {
    if (!isRecord(v)) return ': not an object';
    for (const [key, value] of Object.entries(v)) {
      const bad = check(value);
      if (bad !== null) return at(`[${JSON.stringify(key)}]`, bad);
    }
    return null;
  };
}

/** Both checks (a shape, then a rule across its fields). */
export const both =
  (a: Check, b: Check): Check =>
  (v) =>
    a(v) ?? b(v);

/** A check that stands for type T: `is` narrows, `problem` says what is wrong. */
export interface FileGuard<T> {
  is: (v: unknown) => v is T;
  problem: Check;
}

export function fileGuard<T>(check: Check): FileGuard<T> {
  return { is: (v): v is T => check(v) === null, problem: check };
}

/** The value as T, or an error naming the file and its first field that does not fit. */
export function checkedFile<T>(file: string, value: unknown, guard: FileGuard<T>): T {
  if (guard.is(value)) return value;
  const problem = (guard.problem(value) ?? '').replace(/^: /, '');
  throw new Error(`${file} is not what this version of the atlas expects (${problem}); run "npm run build:data"`);
}
