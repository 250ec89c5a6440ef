import type { InterventionStyle } from '../domain/interventions';
import { shapePath } from '../domain/venue-shapes';

/** The map marker of a type, drawn inline for keys and lists (decorative: the type is also written). */
export function VenueKeyIcon(props: { style: InterventionStyle; size?: number }) {
  const size = () => props.size ?? 20;
  const ring = () => props.style.shape === 'ring';
  return (
    <svg class="venue-key" width={size()} height={size()} viewBox={`0 0 ${size()} ${size()}`} aria-hidden="true">
      <path
        d={shapePath(props.style.shape, size())}
        fill={ring() ? 'none' : props.style.colour}
        stroke={ring() ? props.style.colour : '#1a1a1a'}
        stroke-width={ring() ? 2.5 : 1}
      />
    </svg>
  );
}
