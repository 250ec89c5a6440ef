/**
 * Reads the app's CSV downloads (RFC 4180, CRLF, optional BOM) into records, leaving out the
 * preamble lines ("#" then one field of text). Written independently of the app's CSV writer, so a
 * writer bug shows.
 */
export function readCsvRecords(text: string): string[][] {
  return readAllRecords(text).filter((r) => r[0] !== '#');
}

/** The preamble's lines as text: records of exactly "#" and one field. */
export function readCsvPreamble(text: string): string[] {
  return readAllRecords(text)
    .filter((r) => r[0] === '#')
    .map((r) => {
      if (r.length !== 2) throw new Error(`preamble line split into ${r.length} fields: ${r.join('|')}`);
      return r[1]!;
    });
}

function readAllRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** One line's fields (for tests that walk the file line by line). */
export function csvFields(line: string): string[] {
  return readCsvRecords(line)[0] ?? [''];
}
