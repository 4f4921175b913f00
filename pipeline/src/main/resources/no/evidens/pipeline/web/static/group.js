// Evidens workspace: groups of cases (a nationwide audit). Loaded after app.js, whose helpers it uses
// (el, api, qs, go, render, heading, say, showError, hitItem, typeName, state, VIEWS). Text from documents
// is put on the page as text only, as in app.js.
'use strict';

/** Opens one case's view (its findings, say) from a group's page: the case becomes the chosen case. */
function openCase(caseId, view, params) {
  state.caseId = caseId;
  localStorage.setItem('evidens.case', caseId);
  const select = document.getElementById('case-select');
  if (![...select.options].some(o => o.value === caseId)) select.append(el('option', { value: caseId }, caseId));
  select.value = caseId;
  go(view, params || {});
}

function caseLink(caseId, view, text, label, params) {
  return el('a', { href: '#/' + view, 'aria-label': label || null, onclick: ev => { ev.preventDefault(); openCase(caseId, view, params); } }, text);
}

async function viewGroups(params) {
  let groups;
  try { groups = await api('GET', '/api/groups'); } catch (e) { render(heading(T('ui.nav.grupper')), el('p', { class: 'alert' }, errorText(e))); return; }
  const id = params.get('g') || (groups[0] && groups[0].id);
  const picker = el('nav', { class: 'chips', 'aria-label': T('ui.group.title') },
    ...groups.map(g => el('a', { class: 'button' + (g.id === id ? '' : ' secondary'), href: '#/grupper?' + qs({ g: g.id }),
      'aria-current': g.id === id ? 'page' : null }, g.title)));
  if (!id) {
    render(heading(T('ui.group.title')), el('p', {}, T('ui.group.none'), ' ', el('code', {}, 'evidens survey create'),
      T('ui.group.noneDemo'), ' ', el('code', {}, 'evidens survey demo'), '.'));
    return;
  }
  render(heading(T('ui.group.title')), picker, el('p', {}, T('ui.common.loading')));
  let o;
  try { o = await api('GET', '/api/groups/' + encodeURIComponent(id) + '/overview'); } catch (e) { render(heading(T('ui.group.title')), picker, el('p', { class: 'alert' }, errorText(e))); return; }
  const t = o.totals;
  const search = groupSearchForm(id, '', []);
  const anon = el('input', { type: 'checkbox', id: 'group-anonymise' });
  const reportLink = (fmt, label) => el('a', { class: 'button', id: 'group-report-' + fmt, download: '',
    href: '/api/groups/' + encodeURIComponent(id) + '/report?' + qs({ format: fmt }),
    onclick: ev => { ev.currentTarget.href = '/api/groups/' + encodeURIComponent(id) + '/report?' + qs({ format: fmt, anonymise: anon.checked ? 'true' : null }); } }, label);
  render(heading(o.title), picker,
    el('p', { id: 'group-totals' }, T('ui.group.totals',
      T(t.municipalities === 1 ? 'ui.group.municipalities1' : 'ui.group.municipalitiesN', t.municipalities),
      t.withAvvik, t.withMerknadOnly, t.withoutFindings, t.avvik, T(t.merknader === 1 ? 'ui.group.merknader1' : 'ui.group.merknaderN', t.merknader))),
    search,
    el('section', { class: 'export', 'aria-label': T('ui.group.report') }, el('strong', {}, T('ui.group.reportLead')),
      reportLink('docx', 'Word (DOCX)'), reportLink('xlsx', T('ui.group.xlsx')),
      el('label', { class: 'inline' }, anon, T('ui.group.anonymise')),
      el('a', { class: 'button secondary', href: '#/gruppesitater?' + qs({ g: id }) }, T('ui.group.chooseQuotes'))),
    el('h3', {}, T('ui.group.byRequirement')), wideTable(requirementTable(o), T('ui.group.byRequirement')),
    el('h3', {}, T('ui.group.withoutFindings')),
    el('p', { id: 'without-findings' }, o.withoutFindings.length ? o.withoutFindings.join(', ') + '.' : T('ui.group.allFound')),
    el('h3', {}, T('ui.group.byMunicipality')), matrixSection(id, o));
}

/** How many values of a facet of the group search are shown before the rest are folded away. */
const FACET_UNFOLDED = 12;

/** How many municipalities a cell of the requirements' table names before they are folded away. */
const NAMES_UNFOLDED = 12;

function requirementTable(o) {
  const byName = Object.fromEntries(o.municipalities.map(p => [p.label, p.caseId]));
  const links = list => list.map((m, i) => [i ? ', ' : '', caseLink(byName[m], 'funn', m, T('ui.group.findingsIn', m))]).flat();
  // a nationwide audit names a hundred municipalities in a cell: folded, the table stays a table
  const names = list => !list.length ? ['–'] : list.length <= NAMES_UNFOLDED ? links(list)
    : [el('details', { class: 'names' }, el('summary', {}, T('ui.group.showNames', list.length)), ...links(list))];
  return el('table', { class: 'matrix', id: 'requirements' },
    el('caption', {}, T('ui.group.reqCaption')),
    el('thead', {}, el('tr', {}, ...['requirement', 'avvik', 'merknad', 'withAvvik', 'withMerknad'].map(h => el('th', { scope: 'col' }, T('ui.group.col.' + h))))),
    el('tbody', {}, ...o.requirements.map(r => el('tr', {},
      el('th', { scope: 'row' }, r.requirement),
      el('td', {}, String(r.avvik.length)), el('td', {}, String(r.merknad.length)),
      el('td', { class: 'names' }, ...names(r.avvik)), el('td', { class: 'names' }, ...names(r.merknad))))));
}

/**
 * Indicators per municipality: a row per municipality (a nationwide audit has 357), a column per indicator, each cell
 * «passages / findings». The rows can be narrowed to a county and sorted by any column (a header's button); the table
 * scrolls in its own box with the header and the municipality's name kept in sight. Only the rows are drawn again.
 */
function matrixSection(id, o) {
  const places = o.municipalities;
  const counties = [...new Set(places.map(p => p.county))].sort((a, b) => a.localeCompare(b, 'nb'));
  const cellOf = (i, p) => i.cells[p.caseId] || { passages: 0, findings: 0 };
  const view = { county: '', key: 'place', desc: false };
  const county = el('select', { id: 'group-matrix-county', onchange: () => { view.county = county.value; fill(); } },
    el('option', { value: '' }, T('ui.group.allCounties', counties.length)), ...counties.map(c => el('option', { value: c }, c)));
  const shown = el('p', { id: 'group-matrix-shown', 'aria-live': 'polite' });
  const tbody = el('tbody');
  const tfoot = el('tfoot');
  const heads = [];
  // the value a column sorts by: the place's name, its avvik or merknader, or an indicator's passages (then findings);
  // an indicator's key is «i:» and its id, since the codebook has indicators called avvik and merknad
  const value = (key, p) => key === 'avvik' ? p.avvik : key === 'merknader' ? p.merknader
    : (c => c.passages * 100000 + c.findings)(cellOf(o.indicators.find(i => 'i:' + i.id === key), p));
  const head = (key, label, title, cls) => {
    const th = el('th', { scope: 'col', class: cls || null, title: title || null, dataset: { sort: key } },
      el('button', { type: 'button', class: 'sort', onclick: () => {
        view.desc = view.key === key ? !view.desc : key !== 'place';
        view.key = key;
        fill();
      } }, label));
    heads.push(th);
    return th;
  };
  const searchLink = (q, f, text) => el('a', { href: '#/gruppesok?' + qs({ g: id, q, f }) }, text);
  function fill() {
    const rows = places.filter(p => !view.county || p.county === view.county);
    const byPlace = (a, b) => a.county.localeCompare(b.county, 'nb') || a.municipality.localeCompare(b.municipality, 'nb');
    rows.sort(view.key === 'place' ? byPlace : (a, b) => (value(view.key, a) - value(view.key, b)) * (view.desc ? -1 : 1) || byPlace(a, b));
    if (view.key === 'place' && view.desc) rows.reverse();
    heads.forEach(th => th.setAttribute('aria-sort', th.dataset.sort === view.key ? (view.desc ? 'descending' : 'ascending') : 'none'));
    tbody.replaceChildren(...rows.map(p => el('tr', {},
      el('th', { scope: 'row' }, caseLink(p.caseId, 'funn', p.municipality, T('ui.group.findingsIn', p.municipality))),
      el('td', { class: 'county' }, p.county),
      el('td', {}, String(p.avvik)), el('td', {}, String(p.merknader)),
      ...o.indicators.map(i => {
        const c = cellOf(i, p);
        const name = i.label || i.id;
        // an empty cell leads nowhere: it is plain text, not a link to a search with no hits
        return el('td', { class: c.passages ? (c.findings ? 'found' : '') : 'none' },
          c.passages ? el('a', { href: '#/gruppesok?' + qs({ g: id, q: 'indikator:"' + i.id + '"', f: ['kommune:' + p.municipality] }),
            'aria-label': T('ui.group.cellPassages', c.passages, name, p.municipality) }, String(c.passages)) : '0',
          c.findings ? [' / ', caseLink(p.caseId, 'funn', String(c.findings), T('ui.group.cellFindings', c.findings, name, p.municipality))] : null);
      }))));
    // the sums are of the rows shown: with a county chosen, its search
    const where = view.county ? ['fylke:' + view.county] : [];
    const sum = (i, k) => rows.reduce((n, p) => n + cellOf(i, p)[k], 0);
    tfoot.replaceChildren(el('tr', {}, el('th', { scope: 'row' }, T('ui.overview.sum')), el('td', { class: 'county' }, view.county || ''),
      el('td', {}, String(rows.reduce((n, p) => n + p.avvik, 0))), el('td', {}, String(rows.reduce((n, p) => n + p.merknader, 0))),
      ...o.indicators.map(i => el('td', {}, sum(i, 'passages') ? searchLink('indikator:"' + i.id + '"', where, String(sum(i, 'passages'))) : '0',
        ' / ' + sum(i, 'findings')))));
    shown.textContent = T('ui.group.matrixShown', rows.length, places.length);
  }
  const table = el('table', { class: 'matrix tall', id: 'group-matrix' },
    el('caption', {}, T('ui.group.matrixCaption')),
    el('thead', {}, el('tr', {}, head('place', T('ui.group.col.municipality')), el('th', { scope: 'col' }, T('ui.group.col.county')),
      head('avvik', T('ui.group.col.avvik')), head('merknader', T('ui.group.col.merknader')),
      ...o.indicators.map(i => head('i:' + i.id, i.label || i.id, T('ui.group.sortBy', i.label || i.id), 'vertical')))),
    tbody, tfoot);
  fill();
  return el('section', { id: 'group-matrix-section' },
    el('div', { class: 'matrix-tools' }, el('label', { for: 'group-matrix-county' }, T('ui.group.col.county')), county, shown),
    el('div', { class: 'table-wrap tall', tabindex: '0', role: 'region', 'aria-label': T('ui.group.byMunicipality') }, table));
}

function groupSearchForm(id, q, filters) {
  // required, as the case search's field: an empty search is said in the catalogue's words (forms.js)
  const input = el('input', { type: 'search', id: 'group-q', value: q, autocomplete: 'off', required: true });
  return el('form', { class: 'search-form', role: 'search', onsubmit: ev => {
      ev.preventDefault();
      go('gruppesok', { g: id, q: input.value.trim(), f: filters });
    } },
    el('label', { for: 'group-q' }, T('ui.group.searchLabel'), input),
    el('button', { type: 'submit' }, T('ui.common.search')));
}

async function viewGroupSearch(params) {
  const id = params.get('g');
  const q = params.get('q') || '';
  const filters = params.getAll('f');
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  render(heading(T('ui.group.searchTitle')), el('p', {}, el('a', { href: '#/grupper?' + qs({ g: id }) }, T('ui.group.back'))),
    groupSearchForm(id, q, filters), results);
  if (!q.trim()) {
    // no words: what to write, not every passage of the group with its facets (as the case search, nothing is searched)
    results.replaceChildren(el('p', { id: 'group-search-hint' }, T('ui.group.searchHint')));
    document.getElementById('group-q').focus();
    return;
  }
  let r;
  try { r = await api('GET', '/api/groups/' + encodeURIComponent(id) + '/search?' + qs({ q, filter: filters, limit: 20 })); } catch (e) {
    results.replaceChildren(el('p', { class: 'alert', role: 'alert' }, errorText(e))); return;
  }
  say(T('ui.group.hits', r.total));
  const dims = ['kommune', 'fylke', 'type', 'indicator', 'lov'].map(d => [d, facetName(d)]);
  const facets = el('aside', { class: 'facets', 'aria-label': T('ui.common.filters') },
    ...dims.map(([dim, label]) => {
      const values = Object.entries((r.facets || {})[dim] || {});
      if (!values.length) return null;
      const item = ([v, n]) => {
        const f = dim + ':' + v;
        const on = filters.includes(f);
        return el('li', {}, el('button', { type: 'button', 'aria-pressed': on ? 'true' : 'false', dataset: { facet: f },
            onclick: () => go('gruppesok', { g: id, q, f: on ? filters.filter(x => x !== f) : [...filters, f] }) },
          el('span', {}, dim === 'type' ? typeName(v) : facetValue(dim, v)), el('span', { class: 'count' }, String(n))));
      };
      if (values.length <= FACET_UNFOLDED) return el('section', {}, el('h3', {}, label), el('ul', {}, ...values.map(item)));
      // A nationwide search has hundreds of municipalities: those with most hits (and those chosen) first, the rest
      // alphabetically behind a fold.
      const chosen = ([v]) => filters.includes(dim + ':' + v);
      const top = [...values].sort((a, b) => b[1] - a[1]).filter((e, i) => i < FACET_UNFOLDED || chosen(e));
      const rest = values.filter(e => !top.includes(e));
      return el('section', {}, el('h3', {}, label), el('ul', {}, ...top.map(item)),
        el('details', { class: 'more-values', dataset: { dim } }, el('summary', {}, T('ui.group.moreValues', rest.length)),
          el('ul', {}, ...rest.map(item))));
    }));
  const list = el('ol', { class: 'hits' }, ...r.hits.map(h => hitItem(h, r, q, [])));
  results.replaceChildren(el('div', { class: 'layout' }, facets, el('div', {}, r.total ? list : el('p', {}, T('ui.group.noHits')))));
}

/** How many quotations the page asks for at a time: a nationwide audit has some 1,200. */
const QUOTES_PAGE = 50;

/**
 * The quotations of the group's findings by requirement: the writer ticks those the report quotes. Narrowed by county,
 * municipality, requirement and kind of finding, or to those chosen (kept in the address, so a reload or a link keeps
 * them); each choice says how many it would give. The server sends a page at a time; «Vis flere» fetches the next.
 */
async function viewGroupQuotations(params) {
  const id = params.get('g');
  const asked = { fylke: params.get('fylke'), kommune: params.get('kommune'), krav: params.get('krav'), funn: params.get('funn'),
    valgt: params.get('valgt') };
  const url = offset => '/api/groups/' + encodeURIComponent(id) + '/quotations?' + qs({ ...asked, offset, limit: QUOTES_PAGE });
  const back = el('p', {}, el('a', { href: '#/grupper?' + qs({ g: id }) }, T('ui.group.back')));
  let page;
  try { page = await api('GET', url(0)); } catch (e) { render(heading(T('ui.group.chooseQuotes')), back, el('p', { class: 'alert' }, errorText(e))); return; }
  // a change of a narrowing starts again from the first page; the municipality belongs to a county, so a new county drops it
  const narrow = change => go('gruppesitater', { g: id, ...asked, ...(change.fylke !== undefined ? { kommune: null } : {}), ...change });
  const select = (name, label, all, counts, value) => {
    const s = el('select', { id: 'group-quotes-' + name, onchange: () => narrow({ [name]: s.value || null }) },
      el('option', { value: '' }, all), ...counts.map(c => el('option', { value: c.value, selected: c.value === value },
        T('ui.group.withCount', c.value, c.quotations))));
    return [el('label', { for: s.id }, label), s];
  };
  const kind = el('select', { id: 'group-quotes-funn', onchange: () => narrow({ funn: kind.value || null }) },
    ...[['', 'ui.group.allKinds'], ['avvik', 'ui.group.onlyAvvik'], ['merknad', 'ui.group.onlyMerknad']]
      .map(([v, k]) => el('option', { value: v, selected: (asked.funn || '') === v }, T(k))));
  const onlyChosen = el('input', { type: 'checkbox', id: 'group-quotes-valgt', checked: asked.valgt === 'true',
    onchange: () => narrow({ valgt: onlyChosen.checked ? 'true' : null }) });
  const tools = el('div', { class: 'matrix-tools', id: 'group-quotes-tools' },
    ...select('fylke', T('ui.group.col.county'), T('ui.group.allCounties', page.counties.length), page.counties, asked.fylke),
    ...select('kommune', T('ui.group.col.municipality'), T('ui.group.allMunicipalities', page.municipalities.length), page.municipalities, asked.kommune),
    ...select('krav', T('ui.group.col.requirement'), T('ui.group.allRequirements', page.requirements.length), page.requirements, asked.krav),
    el('label', { for: 'group-quotes-funn' }, T('ui.group.kind')), kind,
    el('label', { class: 'inline' }, onlyChosen, T('ui.group.onlyChosen')));
  const shown = el('p', { id: 'group-quotes-shown', 'aria-live': 'polite' });
  const list = el('div', { id: 'group-quotes' });
  const more = el('button', { type: 'button', class: 'secondary', id: 'group-quotes-more' });
  const sections = {};
  let loaded = 0;
  const add = items => items.forEach(c => {
    if (!sections[c.requirement]) {
      sections[c.requirement] = el('ul', { class: 'evidence' });
      list.append(el('section', {}, el('h3', {}, c.requirement), sections[c.requirement]));
    }
    const box = el('input', { type: 'checkbox', checked: c.chosen, onchange: async ev => {
      try {
        await api('POST', '/api/groups/' + encodeURIComponent(id) + '/chosen', { case: c.caseId, item: c.item, chosen: ev.target.checked });
        say(T(ev.target.checked ? 'ui.group.chosen' : 'ui.group.unchosen'));
      } catch (e) { ev.target.checked = !ev.target.checked; showError(errorText(e)); }
    } });
    sections[c.requirement].append(el('li', {}, el('label', { class: 'inline' }, box, T('ui.group.choose')),
      el('blockquote', {}, '«' + c.quote + '»'), el('div', { class: 'cite' }, `${c.place}, ${c.label}: ${c.source}`)));
  });
  const told = () => {
    shown.textContent = T('ui.group.quotesShown', loaded, page.matched, page.total, page.chosen);
    const left = page.matched - loaded;
    more.hidden = left <= 0;
    more.textContent = T('ui.group.showMore', Math.min(left, QUOTES_PAGE));
  };
  more.onclick = async () => {
    more.disabled = true;
    try {
      const next = await api('GET', url(loaded));
      add(next.items);
      loaded += next.items.length;
      page = { ...page, matched: next.matched, total: next.total, chosen: next.chosen };
      told();
    } catch (e) { showError(errorText(e)); } finally { more.disabled = false; }
  };
  add(page.items);
  loaded = page.items.length;
  told();
  const empty = page.total === 0 ? T('ui.group.noQuotes') : page.matched === 0 ? T('ui.group.noQuotesMatch') : null;
  render(heading(T('ui.group.chooseQuotes')), back, tools, shown, empty ? el('p', { id: 'group-quotes-none' }, empty) : list, more);
}

Object.assign(VIEWS, { grupper: viewGroups, gruppesok: viewGroupSearch, gruppesitater: viewGroupQuotations });
