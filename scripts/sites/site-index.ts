import type { District } from '../pipeline/area-codes';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * dist/index.html: every built council, linked to its atlas, with a search by name. The filter script
 * is a separate file (sites.js) because the CSP allows no inline script; without JavaScript the full
 * list still works.
 */
export function siteIndexHtml(councils: readonly District[]): string {
  const items = councils
    .map(
      (c) =>
        `      <li data-name="${escapeHtml(c.name.toLowerCase())}"><a href="./${c.code}/">${escapeHtml(c.name)}</a> <span class="code">${c.code}</span></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Neighbourhood Atlas — English councils</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./sites.css" />
    <script type="module" src="./sites.js"></script>
  </head>
  <body>
    <main>
      <h1>Neighbourhood Atlas: deprivation maps for English councils</h1>
      <p>${councils.length} council${councils.length === 1 ? '' : 's'}. Each atlas maps the English Indices of Deprivation 2025, 2019 and 2015 by LSOA and ward.</p>
      <label for="council-search">Find a council by name</label>
      <input id="council-search" type="search" autocomplete="off" aria-describedby="council-count" />
      <p id="council-count" role="status"></p>
      <ul id="council-list">
${items}
      </ul>
    </main>
  </body>
</html>
`;
}

/** Filters the list as the person types (case-insensitive substring of the council name). */
export const SITE_INDEX_SCRIPT = `const input = document.getElementById('council-search');
const items = [...document.querySelectorAll('#council-list li')];
const count = document.getElementById('council-count');
const update = () => {
  const q = input.value.trim().toLowerCase();
  let shown = 0;
  for (const li of items) {
    const match = q === '' || li.dataset.name.includes(q);
    li.hidden = !match;
    if (match) shown++;
  }
  count.textContent = q === '' ? '' : shown + ' of ' + items.length + ' councils match';
};
input.addEventListener('input', update);
update();
`;

export const SITE_INDEX_CSS = `body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { font: inherit; padding: 0.4rem; width: 100%; max-width: 24rem; border: 2px solid #505050; }
input:focus { outline: 3px solid #1d70b8; outline-offset: 1px; }
ul { padding-left: 1.2rem; columns: 2 16rem; }
li { margin: 0.2rem 0; }
a { color: #1d4f91; }
.code { color: #505050; font-size: 0.85em; }
`;
