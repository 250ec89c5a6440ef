/** Public API of the Leeds SPI logic (browser-safe). See docs/spi.md. */
export * from './schema';
export { parseCsv, toCsv, parseNumber } from './csv';
export { parseSpiCsv, normaliseWardName, createWardMatcher, spiFileSizeProblem, SPI_MAX_FILE_BYTES } from './parse';
export type { ParseSpiOptions, SpiParseResult, WardMatcher } from './parse';
export * from './stats';
export * from './calculate';
export { parseStoredSpi } from './stored';
