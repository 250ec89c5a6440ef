import type { InterventionsCollection } from '../data/content-contract';

/**
 * The pipeline writes a report citation as "<publisher>, <title>, <date>, para. <anchor> [<report file>]"
 * (several joined by "; "). The bracketed file is the name of the council's copy in its content folder
 * (e.g. "[000_47770b8879256e76.txt]"): it helps whoever checks the content, never a reader, who finds
 * the report by its title and date. Other sources (dataset paths, web addresses) carry no such tag.
 */
const REPORT_FILE_TAG = / \[[^[\]\s]+\.[A-Za-z0-9]{2,5}\](?=; |$)/g;

/** A `source` as shown to a reader: each report by publisher, title, date and paragraph, without its file name. */
export function readerSource(source: string): string {
  return source.replace(REPORT_FILE_TAG, '');
}

/** The interventions layer with every `source` as a reader sees it (new objects; the input is left as it is). */
export function withReaderSources(c: InterventionsCollection): InterventionsCollection {
  return {
    ...c,
    features: c.features.map((f) => ({
      ...f,
      properties: { ...f.properties, source: readerSource(f.properties.source) },
    })),
    cityWide: c.cityWide.map((w) => ({ ...w, source: readerSource(w.source) })),
  };
}
