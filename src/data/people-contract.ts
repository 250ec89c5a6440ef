/**
 * The people figures of the data contract: which population counts an LSOA 2021 carries, and the
 * definition (source, year, exact age band) of each, so a label is never composed in a component
 * and one figure is never passed off as another.
 *
 * Two sources: IoD 2025 File 7's mid-2022 population denominators (`pop22`, `chi22`, `old22`, `wa22`;
 * only where the sources hold File 7 for every LSOA of the area — Leeds) and Census 2021 usual
 * residents by five-year age band (`c21pop`, `c21chi`, `c21old`, `c21o65`; every English LSOA).
 * Both live in the details file (areas-2021-details.json), never in the first view.
 */

/** Census 2021 (TS007A) per LSOA 2021: usual residents, children 0–14, people 60+, people 65+. */
export const CENSUS_KEYS = ['c21pop', 'c21chi', 'c21old', 'c21o65'] as const;
export type CensusKey = (typeof CENSUS_KEYS)[number];

export type PeopleSourceId = 'file7' | 'census2021';
/** What a people figure counts. `workingAge` (18–66) exists in File 7 only; `olderPeople65` in the census only. */
export type PeopleRole = 'population' | 'children' | 'olderPeople' | 'olderPeople65' | 'workingAge';

export interface PeopleFigure {
  /** The LSOA property holding it. */
  key: string;
  /** The age band exactly: "all ages", "0–15", "0–14", "60+", "65+", "18–66". */
  band: string;
  /** What and band, without the source: "children aged 0–14". */
  what: string;
  /** Full label naming what, the band, the year and the source: "children aged 0–14, Census 2021". */
  label: string;
  /** Column-header form: "Children aged 0–14 (Census 2021)". */
  heading: string;
}

export interface PeopleDefinition {
  id: PeopleSourceId;
  /** Source and year in a few words: "Census 2021", "mid-2022 (IoD 2025 File 7)". */
  source: string;
  /** The publisher's description, for About and CSV preambles. */
  description: string;
  figures: { population: PeopleFigure; children: PeopleFigure; olderPeople: PeopleFigure } & Partial<
    Record<PeopleRole, PeopleFigure>
  >;
}

/** `source` as in labels; `inParens` the same words where the label is already in brackets. */
interface SourceWords {
  source: string;
  inParens: string;
}
const figure = (key: string, band: string, what: string, words: SourceWords): PeopleFigure => ({
  key,
  band,
  what,
  label: `${what}, ${words.source}`,
  heading: `${what.charAt(0).toUpperCase()}${what.slice(1)} (${words.inParens})`,
});

const F7: SourceWords = { source: 'mid-2022 (IoD 2025 File 7)', inParens: 'mid-2022, IoD 2025 File 7' };
const C21: SourceWords = { source: 'Census 2021', inParens: 'Census 2021' };

/** The two definitions. File 7 first: where an LSOA has both (Leeds), its File 7 figures are the ones counted. */
export const PEOPLE_DEFINITIONS: Readonly<Record<PeopleSourceId, PeopleDefinition>> = {
  file7: {
    id: 'file7',
    source: F7.source,
    description:
      'mid-2022 population denominators of the English Indices of Deprivation 2025 File 7 (MHCLG, from ONS mid-2022 small-area estimates)',
    figures: {
      population: figure('pop22', 'all ages', 'population', F7),
      children: figure('chi22', '0–15', 'dependent children aged 0–15', F7),
      olderPeople: figure('old22', '60+', 'older people aged 60 and over', F7),
      workingAge: figure('wa22', '18–66', 'working-age population aged 18–66', F7),
    },
  },
  census2021: {
    id: 'census2021',
    source: C21.source,
    description: 'Census 2021 usual residents by five-year age band (ONS table TS007A), summed over the bands',
    figures: {
      population: figure('c21pop', 'all ages', 'usual residents', C21),
      children: figure('c21chi', '0–14', 'children aged 0–14', C21),
      olderPeople: figure('c21old', '60+', 'people aged 60 and over', C21),
      olderPeople65: figure('c21o65', '65+', 'people aged 65 and over', C21),
    },
  },
};

/** In preference order. */
export const PEOPLE_SOURCE_ORDER: readonly PeopleSourceId[] = ['file7', 'census2021'];

/**
 * metadata.json `population`: the definition of the people figures this build counts with (File 7
 * where it covers the area, else Census 2021) with the area's totals, plus the Census 2021 totals
 * (the census figures are in every build's details file, Leeds' too).
 */
export interface PopulationMetadata {
  used: PeopleDefinition;
  /** The source file of `used`. */
  sourceFile: string;
  /** Area totals of every figure `used` has. */
  totals: Partial<Record<PeopleRole, number>>;
  /** null when the sources have no census file (synthetic test sources). */
  census: { sourceFile: string; totals: Record<CensusKey, number> } | null;
  /** How population-weighted ward scores are weighted here (one sentence for profiles and About). */
  weightsNote: string;
}
