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
  const placeholder = createMemo(() => placeholderFor(props.entries));

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
        <SuggestionList results={results()} active={active()} onChoose={choose} />
      </Show>
      <p id="search-message" class="search__message" role="status">
        {message()}
        <Show when={otherAtlas()}>{(o) => <OtherAtlasLink href={o().href} name={o().name} />}</Show>
      </p>
    </div>
  );
}

/** The suggestions popup: the listbox the combobox controls (chosen on mouse-down, before the input blurs). */
function SuggestionList(p: { results: readonly SearchEntry[]; active: number; onChoose: (e: SearchEntry) => void }) {
  return (
    <ul id="search-listbox" role="listbox" class="search__list" aria-label="Suggestions">
      <For each={p.results}>
        {(r, i) => (
          <li
            id={`search-option-${i()}`}
            role="option"
            aria-selected={p.active === i()}
            class="search__option"
            classList={{ 'search__option--active': p.active === i() }}
            onMouseDown={(e) => {
              e.preventDefault();
              p.onChoose(r);
            }}
          >
            <span class="search__label">{r.label}</span>
            <span class="search__detail">{r.detail}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** In a build:sites folder: the link to the other council's atlas for a postcode found there. */
function OtherAtlasLink(p: { href: string; name: string }) {
  return (
    <>
      {' '}
      <a href={p.href} data-testid="other-council-atlas">
        Open this postcode's area in the {p.name} atlas
      </a>
    </>
  );
}

/** Examples from this council's own data: its first ward and LSOA, and a postcode only where postcodes exist. */
function placeholderFor(entries: readonly SearchEntry[]): string {
  const ward = entries.find((e) => e.kind === 'ward')?.label;
  const lsoa = entries.find((e) => e.kind === 'lsoa')?.id;
  const examples = [ward, lsoa].filter(Boolean).join(', ');
  const postcodes = unavailableNote('postcodes') ? '' : ' or a postcode';
  return examples ? `e.g. ${examples}${postcodes}` : '';
}
