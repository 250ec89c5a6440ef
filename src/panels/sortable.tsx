import { createSignal, type JSX } from 'solid-js';
import type { SortDirection } from '../domain/sort';

export interface SortState<K extends string> {
  key: () => K;
  direction: () => SortDirection;
  /** Sorting by the current column again reverses it; a new column starts ascending. */
  toggle: (key: K) => void;
  ariaSort: (key: K) => 'ascending' | 'descending' | 'none';
}

export function createSortState<K extends string>(initial: K): SortState<K> {
  const [key, setKey] = createSignal<K>(initial);
  const [direction, setDirection] = createSignal<SortDirection>('asc');
  return {
    key,
    direction,
    toggle: (k) => {
      if (key() === k) setDirection(direction() === 'asc' ? 'desc' : 'asc');
      else {
        setKey(() => k);
        setDirection('asc');
      }
    },
    ariaSort: (k) => (key() === k ? (direction() === 'asc' ? 'ascending' : 'descending') : 'none'),
  };
}

/** A column header that sorts its table: a real button, with aria-sort on the header cell. */
export function SortHeader<K extends string>(props: { sort: SortState<K>; column: K; children: JSX.Element }) {
  return (
    <th scope="col" aria-sort={props.sort.ariaSort(props.column)}>
      <button type="button" class="sort-button" onClick={() => props.sort.toggle(props.column)}>
        {props.children}
      </button>
    </th>
  );
}
