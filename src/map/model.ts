import type { Accessor } from 'solid-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ContextData, ReleaseId } from '../data/contract';
import type { GeographyId } from '../data/geographies';
import type { LoadedAreas } from '../data/load';
import type { MapColouring } from '../domain/measure';
import type { Camera, OutlineFlags } from '../domain/views';
import type { BBox } from '../domain/geometry';
import type { MapHandle } from '../state/map-handle';

/** A geography level of the table (src/data/geographies.ts): the map source an area is drawn from. */
export type AreaLayer = GeographyId;

export interface WardLabel {
  code: string;
  name: string;
  lon: number;
  lat: number;
  priority: boolean;
}

export interface HoverInfo {
  layer: AreaLayer;
  code: string;
  point: { x: number; y: number };
}

export interface VenueHover {
  ids: string[];
  point: { x: number; y: number };
}

/** Everything the map draws, as one typed object: fixed values and accessors the layer groups follow. */
export interface MapModel {
  bounds: BBox;
  attribution: string[];
  initialCamera: Camera | null;
  cooperativeGestures: boolean;
  /**
   * Every geography's areas loaded so far, by id (src/data/geographies.ts): an on-demand level (LSOA
   * 2011) once it has loaded; LSOA 2021 replaced by a new collection once the detail values have arrived.
   */
  areas: Accessor<LoadedAreas>;
  colouring: Accessor<MapColouring>;
  /** The release whose 1% / 10% flags are outlined. */
  flagRelease: Accessor<ReleaseId>;
  flags: Accessor<OutlineFlags>;
  /** Per-ward values that arrive at run time (imported SPI), drawn from feature state. */
  wardValues: Accessor<{ key: string; values: ReadonlyMap<string, number> } | null>;
  selectionGeometry: Accessor<Geometry | null>;
  /** A bounding box to fit whenever it changes (selection or "fit" option). */
  fitTarget: Accessor<BBox | null>;
  neighbourhoods: Accessor<FeatureCollection>;
  wardLabels: readonly WardLabel[];
  venues: Accessor<FeatureCollection | undefined>;
  venueIds: Accessor<readonly string[] | null>;
  /** The shown imported lists for the map: one MultiPoint per category icon (domain/venue-lists/map-points.ts). */
  importedVenues: Accessor<FeatureCollection>;
  /** The shown imported venues themselves, to tell which one a click on their layer meant. */
  importedVenuePoints: Accessor<readonly { id: string; lonLat: readonly [number, number] }[]>;
  outreach: Accessor<{ circle: Feature | null; codes: readonly string[] }>;
  /** "Pick a catchment centre" mode: the next click places the centre instead of selecting. */
  picking: Accessor<boolean>;
  /** The orientation layer (loaded after the first choropleth; null when the area has none) and whether it shows. */
  context: Accessor<ContextData | null | undefined>;
  contextVisible: Accessor<boolean>;
}

/** What the map reports back. */
export interface MapEvents {
  onHover: (info: HoverInfo | null) => void;
  onAreaClick: (layer: AreaLayer, code: string) => void;
  onPick: (lngLat: { lng: number; lat: number }) => void;
  onVenueHover: (info: VenueHover | null) => void;
  onVenueClick: (ids: string[]) => void;
  onImportedVenueClick: (id: string) => void;
  onMoveEnd: (camera: Camera) => void;
  onNotice: (message: string) => void;
  onReady: (map: MapHandle) => void;
  /** The map could not be created (no WebGL): the app carries on without it. */
  onUnavailable: () => void;
}
