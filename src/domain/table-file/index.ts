export { fileSizeProblem, sniffFile, TABLE_MAX_FILE_BYTES, type FileKind } from './file-checks';
export { readTable, type TableData, type TableRead } from './read';
export { readFirstSheet, serialDate, XlsxError, type SheetRow } from './xlsx';
