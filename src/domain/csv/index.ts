export { parseDelimited, type CsvOptions, type CsvParse, type CsvProblem, type CsvRecord } from './parse';
export { decodeText, detectDelimiter, type DecodedText, type Delimiter } from './detect';
