import { createMemo, createSignal, For, Show } from 'solid-js';
import { isFullPostcode, postcodeKey } from '../data/postcode';
import { CENTROID_RULE, type LonLat } from '../domain/area-set';
import { parsePastedList, resolvePastedList } from '../domain/custom-area/paste';
import { parseDecimal } from '../domain/decimal';
import type { PostcodeLookup } from '../domain/postcode-lookup';
import type { CustomAreaStore } from '../state/custom-area-store';

export type AreaMethod = 'pick' | 'draw' | 'radius' | 'paste';

const METHODS: { id: AreaMethod; label: string }[] = [
  { id: 'pick', label: 'Pick LSOAs' },
  { id: 'draw', label: 'Draw a shape' },
  { id: 'radius', label: 'Distance from a point' },
  { id: 'paste', label: 'Paste a list' },
];

/** "53.8, -1.55" (latitude, longitude, as people copy them from maps) → [lon, lat], or null. */
export function parseLatLon(text: string): LonLat | null {
  const parts = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(parseDecimal);
  const [lat, lon] = parts;
  if (parts.length !== 2 || lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

export interface MethodsProps {
  store: CustomAreaStore;
  lookupPostcode: (postcode: string) => Promise<PostcodeLookup>;
  lsoaName: (code: string) => string;
  lsoaCentre: (code: string) => LonLat | null;
}

/** The four ways to define an area, each with a keyboard path. */
export function CustomAreaMethods(p: MethodsProps) {
  const [method, setMethod] = createSignal<AreaMethod>('pick');
  return (
    <div class="custom-area__methods">
      <fieldset class="controls__group">
        <legend>Define the area by</legend>
        <For each={METHODS}>
          {(m) => (
            <label class="controls__option">
              <input
                type="radio"
                name="custom-area-method"
                value={m.id}
                checked={method() === m.id}
                onChange={() => {
                  setMethod(m.id);
                  p.store.setTool('none');
                }}
              />{' '}
              {m.label}
            </label>
          )}
        </For>
      </fieldset>
      <p class="controls__note" data-testid="custom-area-rule">
        {CENTROID_RULE}
      </p>
      <Show when={method() === 'pick'}>
        <PickMethod {...p} />
      </Show>
      <Show when={method() === 'draw'}>
        <DrawMethod {...p} />
      </Show>
      <Show when={method() === 'radius'}>
        <RadiusMethod {...p} />
      </Show>
      <Show when={method() === 'paste'}>
        <PasteMethod {...p} />
      </Show>
    </div>
  );
}

function PickMethod(p: MethodsProps) {
  const [filter, setFilter] = createSignal('');
  // One set per edit, shared by the 60 checkboxes (not one per checkbox).
  const members = createMemo(() => new Set(p.store.area()?.lsoaCodes ?? []));
  const shown = () => {
    const f = filter().trim().toLowerCase();
    return p.store
      .councilCodes()
      .filter((c) => f === '' || c.toLowerCase().includes(f) || p.lsoaName(c).toLowerCase().includes(f))
      .slice(0, 60);
  };
  return (
    <div>
      <button
        type="button"
        class="button button--secondary"
        aria-pressed={p.store.tool() === 'pick'}
        onClick={() => p.store.setTool(p.store.tool() === 'pick' ? 'none' : 'pick')}
      >
        {p.store.tool() === 'pick' ? 'Stop picking on the map' : 'Click LSOAs on the map to add or remove them'}
      </button>
      <label class="controls__label" for="custom-area-filter">
        Or find LSOAs by name or code
      </label>
      <input id="custom-area-filter" type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
      <ul class="custom-area__choices" aria-label="LSOAs to add or remove (first 60 matches)">
        <For each={shown()}>
          {(code) => (
            <li>
              <label>
                <input type="checkbox" checked={members().has(code)} onChange={() => p.store.toggle(code)} />{' '}
                {p.lsoaName(code)} <span class="profile__code">{code}</span>
              </label>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

function DrawMethod(p: MethodsProps) {
  const [message, setMessage] = createSignal<string | null>(null);
  const [text, setText] = createSignal('');
  const finish = () => setMessage(p.store.finishPolygon());
  const useText = () => {
    const lines = text()
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const points = lines.map(parseLatLon);
    const bad = points.indexOf(null);
    if (bad >= 0) return setMessage(`Line ${bad + 1} is not “latitude, longitude” (e.g. 53.80, -1.55).`);
    p.store.setRing(points.filter((x): x is LonLat => x !== null));
    finish();
  };
  return (
    <div>
      <p>
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={p.store.tool() === 'draw'}
          onClick={() => p.store.setTool(p.store.tool() === 'draw' ? 'none' : 'draw')}
        >
          {p.store.tool() === 'draw' ? 'Drawing: click the map to add points' : 'Draw on the map'}
        </button>{' '}
        <span data-testid="custom-area-points">{p.store.ring().length} points</span>
      </p>
      <p>
        <button type="button" class="button" onClick={finish} disabled={p.store.ring().length === 0}>
          Finish shape
        </button>{' '}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => p.store.setRing(p.store.ring().slice(0, -1))}
          disabled={p.store.ring().length === 0}
        >
          Undo last point
        </button>
      </p>
      <label class="controls__label" for="custom-area-vertices">
        Or type the corners, one per line: latitude, longitude
      </label>
      <textarea id="custom-area-vertices" rows="4" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="button" class="button" onClick={useText}>
        Use these corners
      </button>
      <Show when={message()}>
        <p role="alert" class="notice" data-testid="custom-area-draw-message">
          {message()}
        </p>
      </Show>
    </div>
  );
}

function RadiusMethod(p: MethodsProps) {
  const [where, setWhere] = createSignal('');
  const [radius, setRadius] = createSignal('800');
  const [message, setMessage] = createSignal<string | null>(null);
  const apply = async () => {
    const r = parseDecimal(radius());
    if (r == null) return setMessage('Type a distance in metres, e.g. 800.');
    const typed = where().trim();
    let at: LonLat | null = typed === '' ? p.store.centre() : parseLatLon(typed);
    if (!at && isFullPostcode(postcodeKey(typed))) {
      const hit = await p.lookupPostcode(postcodeKey(typed));
      // The postcode's centroid (approximate: a postcode covers several addresses); one just over the
      // boundary still works, since the distance reaches into this council.
      if (hit.kind === 'found' || hit.kind === 'otherCouncil' || hit.kind === 'outside') at = [hit.lon, hit.lat];
      else if (hit.kind === 'noCoordinates')
        return setMessage(`${hit.postcode}: the postcode directory gives it no coordinates.`);
      else return setMessage(`${hit.postcode}: not found in this map’s postcodes.`);
    }
    if (!at) return setMessage('Type a full postcode or “latitude, longitude”, or pick a point on the map.');
    setMessage(p.store.useRadius(at, r));
  };
  return (
    <div>
      <label class="controls__label" for="custom-area-where">
        Postcode or latitude, longitude
      </label>
      <input id="custom-area-where" type="text" value={where()} onInput={(e) => setWhere(e.currentTarget.value)} />
      <button
        type="button"
        class="button button--secondary"
        aria-pressed={p.store.tool() === 'centre'}
        onClick={() => p.store.setTool('centre')}
      >
        {p.store.tool() === 'centre' ? 'Click the map to place the centre…' : 'Pick the centre on the map'}
      </button>
      <label class="controls__label" for="custom-area-radius">
        Distance in metres (straight line)
      </label>
      <input
        id="custom-area-radius"
        type="text"
        inputmode="numeric"
        value={radius()}
        onInput={(e) => setRadius(e.currentTarget.value)}
      />
      <button type="button" class="button" onClick={() => void apply()}>
        Use this distance
      </button>
      <p class="controls__note">
        A distance from a postcode is measured from its postcode centroid (ONS Postcode Directory): approximate, a
        postcode is several addresses, not a building.
      </p>
      <Show when={message()}>
        <p role="alert" class="notice">
          {message()}
        </p>
      </Show>
    </div>
  );
}

function PasteMethod(p: MethodsProps) {
  const [text, setText] = createSignal('');
  const [problems, setProblems] = createSignal<string[]>([]);
  const [status, setStatus] = createSignal<string | null>(null);
  const apply = async () => {
    const list = parsePastedList(text());
    const lookups = await Promise.all(list.postcodes.map((x) => p.lookupPostcode(x.postcode)));
    const r = resolvePastedList(list, new Set(p.store.councilCodes()), lookups);
    setProblems(r.problems);
    const before = p.store.area()?.lsoaCodes ?? [];
    p.store.setMembers([...before, ...r.codes], { type: 'list' });
    setStatus(
      `Added ${r.codes.length} LSOAs from the list${r.problems.length ? `; ${r.problems.length} lines not used (below)` : ''}.`,
    );
  };
  return (
    <div>
      <label class="controls__label" for="custom-area-paste">
        Postcodes or LSOA codes, one a line
      </label>
      <textarea id="custom-area-paste" rows="5" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="button" class="button" onClick={() => void apply()}>
        Add these to the area
      </button>
      <Show when={status()}>
        <p role="status" data-testid="custom-area-paste-status">
          {status()}
        </p>
      </Show>
      <Show when={problems().length > 0}>
        <ul data-testid="custom-area-paste-problems">
          <For each={problems()}>{(x) => <li>{x}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
