/**
 * A FeatureCollection's text walked member by member, each feature handed over as its own text,
 * so a reader that keeps a few features of a national file (one council's build) never holds the
 * whole parsed collection (issue 25: the England LSOA file is 44 MB of JSON, ~300 MB parsed).
 * Throws an Error naming the character offset on malformed JSON; readGeojson wraps it with the file.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export interface ScannedCollection {
  /** The top-level members other than `features` (type, crs, name, …), parsed. */
  members: Record<string, unknown>;
  /** Whether a `features` array was found. */
  hasFeatures: boolean;
}

/** Calls `onFeature` with each element of the top-level `features` array, in order, as JSON text. */
export function scanFeatureCollection(text: string, onFeature: (json: string) => void): ScannedCollection {
  const members: Record<string, unknown> = {};
  let hasFeatures = false;
  let i = skipWs(text, 0);
  expect(text, i, '{');
  i = skipWs(text, i + 1);
  if (text[i] === '}') return { members, hasFeatures };
  for (;;) {
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    expect(text, i, ':');
    i = skipWs(text, i + 1);
    if (key === 'features' && text[i] === '[') {
      hasFeatures = true;
      i = scanArray(text, i, onFeature);
    } else {
      const end = valueEnd(text, i);
      members[key] = JSON.parse(text.slice(i, end));
      i = end;
    }
    i = skipWs(text, i);
    if (text[i] === '}') break;
    expect(text, i, ',');
    i = skipWs(text, i + 1);
  }
  if (skipWs(text, i + 1) < text.length) throw new Error(`unexpected text after the collection at ${i + 1}`);
  return { members, hasFeatures };
}

/** Hands over each element of the array starting at `start` ('['); returns the offset after its ']'. */
function scanArray(text: string, start: number, onElement: (json: string) => void): number {
  let i = skipWs(text, start + 1);
  if (text[i] === ']') return i + 1;
  for (;;) {
    const end = valueEnd(text, i);
    onElement(text.slice(i, end));
    i = skipWs(text, end);
    if (text[i] === ']') return i + 1;
    expect(text, i, ',');
    i = skipWs(text, i + 1);
  }
}

function skipWs(text: string, from: number): number {
  let i = from;
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
}

function expect(text: string, i: number, ch: string): void {
  if (text[i] !== ch) throw new Error(`expected '${ch}' at ${i}, found ${JSON.stringify(text.slice(i, i + 20))}`);
}

/** Offset after the string starting at `start` (a '"'), escapes skipped. */
function stringEnd(text: string, start: number): number {
  expect(text, start, '"');
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) throw new Error(`unterminated string at ${start}`);
    let backslashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/** Offset after the JSON value starting at `start` (its syntax is checked when it is parsed). */
function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return stringEnd(text, start);
  if (c !== '{' && c !== '[') {
    let i = start;
    while (i < text.length && !WS.has(text.charCodeAt(i)) && !',]}'.includes(text[i] ?? '')) i++;
    if (i === start) throw new Error(`expected a value at ${start}`);
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) i = stringEnd(text, i) - 1;
    else if (code === 0x7b || code === 0x5b) depth++;
    else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unterminated value at ${start}`);
}
