import { createMemo, createSignal, For, Show } from 'solid-js';
import { otherCouncilHref, postcodeMessage, type PostcodeLookup } from '../domain/postcode-lookup';
import { normalisePostcode, searchEntries, type SearchEntry } from '../domain/search';
import { COUNCIL, unavailableNote } from '../data/council';

export interface SearchBoxProps {
  entries: readonly SearchEntry[];
  onSelect: (entry: SearchEntry) => void;
  lookupPostcode: (postcode: string) => Promise<PostcodeLookup>;
  onPostcode: (result: PostcodeLookup & { kind: 'found' }) => void;
}

/** One search box with keyboard-operable suggestions (ARIA 1.2 combobox with a listbox popup). */
export function SearchBox(props: SearchBoxProps) {
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(-1);
  const [open, setOpen] = createSignal(false);
  const [message, setMessage] = createSignal('');
  /** In a build:sites folder: the other council's atlas, for a postcode found there. */
  const [otherAtlas, setOtherAtlas] = createSignal<{ href: string; name: string } | null>(null);
  const results = createMemo(() => searchEntries(props.entries, query()));
  const postcode = createMemo(() => normalisePostcode(query()));
  /** Examples from this council's own data: its first ward and LSOA, and a postcode only where postcodes exist. */
  const placeholder = createMemo(() => {
    const ward = props.entries.find((e) => e.kind === 'ward')?.label;
    const lsoa = props.entries.find((e) => e.kind === 'lsoa')?.id;
    const examples = [ward, lsoa].filter(Boolean).join(', ');
    const postcodes = unavailableNote('postcodes') ? '' : ' or a postcode';
    return examples ? `e.g. ${examples}${postcodes}` : '';
  });

  const choose = (entry: SearchEntry) => {
    setOpen(false);
    setActive(-1);
    setQuery(entry.label);
    setMessage('');
    props.onSelect(entry);
  };

  const submitPostcode = async (pc: string) => {
    setOpen(false);
    const unavailable = unavailableNote('postcodes');
    if (unavailable) {
      setMessage(`Postcode search: ${unavailable}`);
      return;
    }
    setMessage(`Looking up ${pc}…`);
    setOtherAtlas(null);
    try {
      const r = await props.lookupPostcode(pc);
      setMessage(postcodeMessage(r));
      const href = otherCouncilHref(window.location.pathname, COUNCIL.code, r);
      setOtherAtlas(href && r.kind === 'otherCouncil' ? { href, name: r.council.name } : null);
      if (r.kind === 'found') props.onPostcode(r);
    } catch (err) {
      setMessage(`Postcode search is unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const list = results();
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(list.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === 'Escape') {
      if (open()) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setQuery('');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = list[active()];
      if (pick && open()) choose(pick);
      else if (postcode()) void submitPostcode(postcode()!);
      else if (list[0]) choose(list[0]);
      else if (query().trim()) setMessage(`No ward, area or venue matches “${query().trim()}”.`);
    }
  };

  return (
    <div class="search" role="search">
      <label for="search-input" class="controls__label">
        Find a ward, LSOA, postcode or venue
      </label>
      <div class="search__field">
        <input
          id="search-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-controls="search-listbox"
          aria-expanded={open() && results().length > 0}
          aria-activedescendant={active() >= 0 ? `search-option-${active()}` : undefined}
          aria-describedby="search-hint search-message"
          placeholder={placeholder()}
          value={query()}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(-1);
            setOpen(true);
            setMessage('');
            setOtherAtlas(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <button
          type="button"
          class="button"
          onClick={() => (postcode() ? void submitPostcode(postcode()!) : results()[0] && choose(results()[0]!))}
        >
          Search
        </button>
      </div>
      <p id="search-hint" class="controls__note">
        Use the arrow keys to move through suggestions and Enter to choose.
      </p>
      <Show when={open() && results().length > 0}>
        <ul id="search-listbox" role="listbox" class="search__list" aria-label="Suggestions">
          <For each={results()}>
            {(r, i) => (
              <li
                id={`search-option-${i()}`}
                role="option"
                aria-selected={active() === i()}
                class="search__option"
                classList={{ 'search__option--active': active() === i() }}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(r);
                }}
              >
                <span class="search__label">{r.label}</span>
                <span class="search__detail">{r.detail}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p id="search-message" class="search__message" role="status">
        {message()}
        <Show when={otherAtlas()}>
          {(o) => (
            <>
              {' '}
              <a href={o().href} data-testid="other-council-atlas">
                Open this postcode's area in the {o().name} atlas
              </a>
            </>
          )}
        </Show>
      </p>
    </div>
  );
}
