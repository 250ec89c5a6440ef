import type { ContextPlace, ContextPlaceKind } from '../data/contract';
import type { SearchEntry } from './search';

const KIND_LABEL: Record<ContextPlaceKind, string> = {
  city: 'City',
  town: 'Town',
  village: 'Village',
  neighbourhood: 'Neighbourhood (MSOA name, House of Commons Library)',
};

/** Search entries for the orientation layer's place names: choosing one moves the map to the place. */
export function placeSearchEntries(places: readonly ContextPlace[]): SearchEntry[] {
  return places.map((p) => ({
    kind: 'place' as const,
    id: p.code ?? `${p.kind}:${p.name}:${p.lon},${p.lat}`,
    at: [p.lon, p.lat],
    label: p.name,
    keywords: `${p.kind}${p.code ? ` ${p.code}` : ''}`,
    detail: KIND_LABEL[p.kind],
  }));
}

/** The box the map fits to for a chosen place: about 3 km tall, where neighbourhood names show. */
export function placeBox([lon, lat]: readonly [number, number]): [number, number, number, number] {
  const half = 0.014;
  return [lon - half * 1.7, lat - half, lon + half * 1.7, lat + half];
}
