/**
 * The schema of a council's content folder (content/<LAD code>/council.json): the one file that says
 * which reports the council's content may cite, its intervention vocabulary, its places files (with
 * their column mapping) and the domains that may embed its atlas. Validated at build by
 * scripts/pipeline/council-folder.ts; documented field by field in docs/adding-council-content.md.
 * Adding a council's content changes no TypeScript: everything council-specific is in this file.
 */

/** Marker shapes a type may use (each type its own shape, so colour is never the only cue). */
export const VENUE_SHAPES = [
  'circle',
  'square',
  'diamond',
  'triangle',
  'star',
  'pentagon',
  'hexagon',
  'cross',
  'ring',
] as const;
export type VenueShape = (typeof VENUE_SHAPES)[number];

/** One report the content cites: a citation's `title` and `date` must equal these. */
export interface ReportEntry {
  title: string;
  /** ISO date, possibly partial ("2016", "2019-02-13"). */
  date: string;
}

/** One intervention type of the council's vocabulary, in the order the key and the list show them. */
export interface InterventionTypeDef {
  /** Lower-case id used in interventions.json `type` and the places files' category mapping. */
  id: string;
  /** What the key, lists and profiles call it ("Community hub"). */
  label: string;
  /** The marker: #rrggbb colour and a shape. */
  colour: string;
  shape: VenueShape;
  /** Whether the outreach tool measures distances from points of this type ("far from every hub"). */
  hub: boolean;
}

/**
 * Canonical columns of a places file. `name` is required, and a location: `postcode`, or
 * `latitude` + `longitude` (WGS84), or `easting` + `northing` (British National Grid).
 * `source` (optional) is a per-row provenance note appended to the list's `source`.
 */
export const PLACES_COLUMNS = [
  'name',
  'category',
  'postcode',
  'latitude',
  'longitude',
  'easting',
  'northing',
  'address',
  'opening_times',
  'start_date',
  'end_date',
  'link',
  'notes',
  'source',
] as const;
export type PlacesColumn = (typeof PLACES_COLUMNS)[number];

/** A category value → vocabulary type, or a type with its own description template. */
export type PlacesCategory = string | { type: string; description?: string };

/** One places file (a CSV with a header row) whose rows become points of the interventions layer. */
export interface PlacesFileEntry {
  /** Lower-case id, e.g. "libraries": the `origin` of its points. */
  id: string;
  /** The list's display name, read in a sentence: "Listed in <name> as …" ("the public libraries dataset"). */
  name: string;
  /** The CSV, relative to the content folder (e.g. "venues/warm-spaces.csv"); exactly one of file / sourcesFile. */
  file?: string;
  /** Or the CSV relative to the sources directory (ATLAS_DATA_DIR), e.g. "places/leeds_libraries.csv". */
  sourcesFile?: string;
  /** Canonical key → the file's header name; `address` may list several headers (joined with ", "). */
  columns: Partial<Record<PlacesColumn, string | string[]>>;
  /** Point ids are `<idPrefix>-<slug of the name without its parenthesis>`, unique across the layer. */
  idPrefix: string;
  /** Vocabulary type of a row whose category maps to nothing (or when there is no category column). */
  type: string;
  /**
   * Category cell value → type. A cell may hold several values separated by ";": the first value
   * found here (case-insensitive) decides.
   */
  categories?: Record<string, PlacesCategory>;
  /** Description template: {name}, {address} ("address not given" when empty), {opening_times}, {notes}. */
  description?: string;
  /** Where the list comes from, shown as each point's source (a row's `source` cell is appended after ": "). */
  source: string;
  /** Leave out rows with an `end_date` (e.g. closed libraries: "Year closed"). */
  excludeEnded?: boolean;
}

/** content/<LAD code>/council.json */
export interface CouncilFolderFile {
  /** Who publishes the reports, as citations name it ("Leeds City Council"). */
  publisher: string;
  /** Report file name → title and date. Citations may cite only these. */
  reports: Record<string, ReportEntry>;
  /** The intervention vocabulary; interventions.json and the places files may use only these types. */
  interventionTypes: InterventionTypeDef[];
  /** Places files read into the interventions layer, in priority order (a duplicate folds into the earlier). */
  places: PlacesFileEntry[];
  /** Origins (https://host, wildcards as CSP allows: https://*.leeds.gov.uk) that may frame the atlas. */
  embedDomains: string[];
}

/** The part of council.json the app needs (carried in metadata.json's council.content). */
export interface CouncilVocabulary {
  publisher: string;
  reports: Record<string, ReportEntry>;
  interventionTypes: InterventionTypeDef[];
  embedDomains: string[];
}
