// Evidens workspace: the search view. Hits grouped by document (each with its count and best passages),
// filters that start clean with each new search unless pinned, saved searches per case (lagrede søk)
// and batch search from a list of queries (the indicator × document matrix, downloadable as XLSX).
'use strict';

const HELP_ROWS = [
  ['words', 'ansvarsgruppe taushetsplikt'], ['phrase', '"individuell plan"'], ['exclude', 'samarbeid -NAV'],
  ['either', 'fastlege OR allmennlege'], ['prefix', 'barnevern*, samarb*'], ['fuzzy', 'koordinator~1'],
  ['proximity', '"taushetsplikt samarbeid"~10'],
  ['fields', 'type:journal, sak:fjordvik-2026, fil:journaler/notat.txt, overskrift:ansvarsgruppe'],
  ['tags', 'indikator:taushetsplikt, lov:barnevernloven, sitat:ja, år:2025']];

/** The filters pinned in a case: they stay on when a new search is typed. */
function pinnedFilters() {
  try { return JSON.parse(localStorage.getItem('evidens.pinned.' + state.caseId) || '[]'); } catch (e) { return []; }
}

function setPinned(list) { localStorage.setItem('evidens.pinned.' + state.caseId, JSON.stringify(list)); }

/** Whether the search shown asks for the earlier versions of corrected files too (the page's «v=1»). */
let searchAllVersions = false;

/** Counts searches started, so only the newest one writes its answer. */
let searchSeq = 0;

async function viewSearchGrouped(params) {
  if (needCase()) return;
  const q = params.get('q') || '';
  const filters = params.getAll('f');
  const offset = parseInt(params.get('offset') || '0', 10) || 0;
  const grouped = params.get('g') !== '0';
  searchAllVersions = params.get('v') === '1';
  const pinned = pinnedFilters();
  // required: an empty search is said in the catalogue's words (forms.js), not silently ignored
  const input = el('input', { type: 'search', id: 'q', name: 'q', value: q, autocomplete: 'off', required: true, 'aria-describedby': 'q-help' });
  const form = el('form', { class: 'search-form', role: 'search', onsubmit: ev => {
      ev.preventDefault();
      const v = input.value.trim();
      // a new search starts clean: only the pinned filters stay on
      if (v) go('sok', { q: v, f: pinned, g: grouped ? null : '0', v: searchAllVersions ? '1' : null });
    } },
    el('label', { for: 'q' }, T('ui.search.label'), input),
    el('button', { type: 'submit' }, T('ui.search.button')));
  const help = el('details', { class: 'help', id: 'q-help' }, el('summary', {}, T('ui.search.help')),
    el('table', {}, el('tbody', {}, ...HELP_ROWS.map(([k, ex]) => el('tr', {},
      el('th', { scope: 'row' }, T('ui.help.' + k)), el('td', {}, el('code', {}, ex)), el('td', {}, T('ui.help.' + k + '.what')))))));
  const toggle = el('label', { class: 'inline' }, el('input', { type: 'checkbox', id: 'group-toggle', checked: grouped,
    onchange: ev => go('sok', { q, f: filters, g: ev.target.checked ? null : '0', v: searchAllVersions ? '1' : null }) }), ' ' + T('ui.search.group'));
  // the earlier versions of files a corrected bundle replaced are left out unless asked for
  const versionsToggle = el('label', { class: 'inline' }, el('input', { type: 'checkbox', id: 'versions-toggle', checked: searchAllVersions,
    onchange: ev => go('sok', { q, f: filters, g: grouped ? null : '0', v: ev.target.checked ? '1' : null }) }), ' ' + T('ui.search.allVersions'));
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  const saved = el('section', { id: 'saved-searches', class: 'saved', 'aria-labelledby': 'saved-title' });
  render(heading(T('ui.search.heading')), form, help, toggle, versionsToggle, results, saved, batchSection());
  showSaved(saved, q, filters);
  if (!q) { input.focus(); return; }
  if (q.length > MAX_QUERY_CHARS) {
    // the server would refuse it naming its parameter («q»): say it in the auditor's words, with what to do
    results.replaceChildren(el('p', { class: 'alert', role: 'alert' }, T('ui.search.tooLong', q.length, MAX_QUERY_CHARS)));
    return;
  }
  say(T('ui.search.searching'));
  // a slower earlier search must not write its answer over a newer one's (the status line is shared)
  const mine = ++searchSeq;
  let r;
  try {
    r = await api('GET', '/api/search?' + qs({ q, case: state.caseId, filter: filters, offset, limit: PAGE_SIZE,
      group: grouped ? 'document' : null, allVersions: searchAllVersions ? 'true' : null }));
  } catch (e) {
    if (mine !== searchSeq) return;
    say('');
    // the filters stay shown, to remove or unpin one that the answer refused (a value no passage of the case has)
    results.replaceChildren(el('p', { class: 'alert', role: 'alert' }, errorText(e)),
      ...(filters.length ? [chips(q, filters, grouped, pinned)] : []));
    return;
  }
  if (mine !== searchSeq) return;
  say(grouped ? T('ui.search.totalGrouped', r.total, r.documentTotal, r.tookMs) : T('ui.search.total', r.total, r.tookMs));
  const count = grouped ? r.documentTotal : r.total;
  const from = count ? offset + 1 : 0;
  const to = Math.min(offset + PAGE_SIZE, count);
  const pager = el('nav', { class: 'pager', 'aria-label': T('ui.search.pages') },
    el('button', { type: 'button', class: 'secondary', disabled: offset === 0,
      onclick: () => go('sok', { q, f: filters, g: grouped ? null : '0', v: searchAllVersions ? '1' : null, offset: Math.max(0, offset - PAGE_SIZE) }) }, T('ui.search.previous')),
    el('span', {}, T('ui.search.showing', from, to, count)),
    el('button', { type: 'button', class: 'secondary', disabled: to >= count,
      onclick: () => go('sok', { q, f: filters, g: grouped ? null : '0', v: searchAllVersions ? '1' : null, offset: offset + PAGE_SIZE }) }, T('ui.search.next')));
  const list = grouped
    ? el('ol', { class: 'hits groups', id: 'treff', tabindex: '-1', start: String(offset + 1), 'aria-label': T('ui.search.hits') }, ...r.documents.map(d => groupItem(d, r, q, filters)))
    : el('ol', { class: 'hits', id: 'treff', tabindex: '-1', start: String(offset + 1), 'aria-label': T('ui.search.hits') }, ...r.hits.map(h => hitItem(h, r, q, filters)));
  const body = el('div', {},
    r.relaxed ? el('p', { class: 'cite' }, r.allWords > 0 ? T('ui.search.relaxed-some', r.allWords) : T('ui.search.relaxed')) : null,
    r.total === 0 ? el('p', {}, T('ui.search.none')) : list,
    count > PAGE_SIZE ? pager : null);
  results.replaceChildren(chips(q, filters, grouped, pinned), el('div', { class: 'layout' }, facetList(r, q, filters, grouped), body));
  results.dataset.query = q; // which search these results answer
}

/** The active filters as chips: remove one, or pin it so it stays on for the next search. */
function chips(q, filters, grouped, pinned) {
  if (!filters.length) return el('p', { class: 'cite' }, pinned.length ? T('ui.search.cleanHint') : '');
  return el('div', { class: 'chips', role: 'group', 'aria-label': T('ui.search.activeFilters') }, ...filters.map(f => {
    const dim = f.slice(0, f.indexOf(':'));
    const label = facetName(dim) + ': ' + facetValue(dim, f.slice(f.indexOf(':') + 1));
    const isPinned = pinned.includes(f);
    return el('span', { class: 'chip' + (isPinned ? ' pinned' : '') },
      el('button', { type: 'button', class: 'pin', 'aria-pressed': isPinned ? 'true' : 'false', dataset: { pin: f },
        'aria-label': isPinned ? T('ui.search.unpin', label) : T('ui.search.pin', label),
        onclick: () => { setPinned(isPinned ? pinned.filter(x => x !== f) : [...pinned, f]); refresh(); } },
        isPinned ? T('ui.search.unpinButton') : T('ui.search.pinButton')),
      label + (isPinned ? ' (' + T('ui.search.pinned') + ')' : ''),
      el('button', { type: 'button', class: 'remove', 'aria-label': T('ui.search.removeFilter', label),
        onclick: () => { setPinned(pinned.filter(x => x !== f)); go('sok', { q, f: filters.filter(x => x !== f), g: grouped ? null : '0', v: searchAllVersions ? '1' : null }); } }, '✕'));
  }));
}

function facetList(r, q, filters, grouped) {
  return el('aside', { class: 'facets', 'aria-label': T('ui.search.filters') }, el('h2', { class: 'visually-hidden' }, T('ui.search.filters')),
    r.total ? el('a', { class: 'skip', href: '#treff' }, T('ui.search.skipToHits')) : null,
    ...FACETS.map(([dim]) => {
      const values = Object.entries((r.facets || {})[dim] || {});
      if (!values.length) return null;
      return el('section', {}, el('h3', {}, facetName(dim)), el('ul', {},
        ...values.map(([v, n]) => {
          const f = dim + ':' + v;
          const on = filters.includes(f);
          return el('li', {}, el('button', { type: 'button', 'aria-pressed': on ? 'true' : 'false', dataset: { facet: f },
              onclick: () => go('sok', { q, f: on ? filters.filter(x => x !== f) : [...filters, f], g: grouped ? null : '0', v: searchAllVersions ? '1' : null }) },
            el('span', {}, facetValue(dim, v)), el('span', { class: 'count', 'aria-label': T('ui.search.count', n) }, String(n))));
        })));
    }));
}

/** One document: its title, how many hits it holds, and its best passages. */
function groupItem(d, r, q, filters) {
  const more = d.hits - d.passages.length;
  return el('li', { class: 'doc-group', dataset: { doc: d.docId } },
    el('h3', {}, el('a', { href: '#/dokument?' + qs({ case: d.case, doc: d.docId, q, at: d.passages[0].start }) }, d.title || d.file),
      ' ', el('span', { class: 'count doc-hits' }, T('ui.search.docHits', d.hits))),
    el('div', { class: 'cite' }, d.file + ' · ' + facetValue('type', d.type)),
    el('ol', { class: 'passages' }, ...d.passages.map(h => hitItem(h, r, q, filters))),
    more > 0 ? el('p', { class: 'cite' }, el('a', { href: '#/dokument?' + qs({ case: d.case, doc: d.docId, q }) }, T('ui.search.morePassages', more))) : null);
}

// ---------------------------------------------------------------- saved searches

/**
 * The saved searches of the case, and the form that saves this one. The list is drawn anew after a change, so the focus
 * is put back on purpose ({@code then}, given the box once drawn): on the search just saved, or on the list's heading.
 */
async function showSaved(box, q, filters, then) {
  const name = el('input', { type: 'text', id: 'saved-name', autocomplete: 'off', value: q });
  const save = el('form', { class: 'inline-form', onsubmit: async ev => {
      ev.preventDefault();
      if (!q) return;
      const wanted = name.value.trim();
      if (!wanted) { showError(T('ui.saved.nameMissing'), name); return; }
      // a name saved before is replaced (the server's rule), and the case's team shares the list: asked first, so that
      // nobody's saved search goes without a word (the list is the one drawn below, names as the server keeps them)
      const same = r && r.searches.find(s => s.name === wanted);
      // another member's search is replaced only by the case's lead (the server refuses the others): told at once
      if (same && !same.mayChange) { showError(T('ui.saved.notYours', same.name, same.savedBy), name); return; }
      if (same && !await ask(T('ui.saved.replaceTitle', same.name), T('ui.saved.replaceConfirm', same.name, same.query, same.savedBy),
        T('ui.saved.replace'))) return;
      try {
        await api('POST', '/api/lagrede-sok', { case: state.caseId, name: wanted, query: q, filters });
        showError(''); // an earlier refusal of the name is answered now
        say(T('ui.saved.saved'));
        showSaved(box, q, filters, drawn => {
          const row = [...drawn.querySelectorAll('tr[data-saved]')].find(r => r.dataset.saved === wanted);
          (row ? row.querySelector('a') : document.getElementById('saved-title')).focus();
        });
      } catch (e) { showError(errorText(e), refusedField(e, { name })); }
    } }, el('label', {}, T('ui.saved.name'), name), el('button', { type: 'submit', id: 'save-search', disabled: !q }, T('ui.saved.save')));
  let r;
  try { r = await api('GET', '/api/lagrede-sok?' + qs({ case: state.caseId })); } catch (e) { box.replaceChildren(); return; }
  const rows = r.searches.map(s => el('tr', { dataset: { saved: s.name } },
    el('th', { scope: 'row' }, el('a', { href: '#/sok?' + qs({ q: s.query, f: s.filters }) }, s.name)),
    el('td', {}, el('code', {}, s.query + (s.filters.length ? ' [' + s.filters.join(', ') + ']' : ''))),
    el('td', { class: 'count hits-now' }, s.hitsNow === null ? '–' : String(s.hitsNow),
      s.refusedNow ? el('small', { class: 'refused-now' }, ' ' + s.refusedNow) : null),
    el('td', { class: 'count hits-saved' }, String(s.hitsSaved)),
    el('td', { class: 'cite' }, T('ui.saved.savedBy', s.savedBy, localDate(s.savedAt, false))),
    // only what the user may delete has the button: their own, or any with the case's lead role
    el('td', {}, !s.mayChange ? null : el('button', { type: 'button', class: 'secondary', 'aria-label': T('ui.saved.delete') + ' ' + s.name, onclick: async () => {
      // the case's team shares its saved searches: asked first, as removing a member or a quotation is
      if (!await ask(T('ui.saved.deleteTitle', s.name), T('ui.saved.deleteConfirm', s.name), T('ui.ask.delete'))) return;
      try {
        await api('DELETE', '/api/lagrede-sok/' + encodeURIComponent(state.caseId) + '/' + s.id);
        say(T('ui.saved.deleted', s.name));
        showSaved(box, q, filters, () => document.getElementById('saved-title').focus());
      } catch (e) { showError(errorText(e)); }
    } }, T('ui.saved.delete')))));
  box.replaceChildren(el('h2', { id: 'saved-title', tabindex: '-1' }, T('ui.saved.heading')), save,
    rows.length ? wideTable(el('table', { id: 'saved-list', class: 'saved-list' },
      el('thead', {}, el('tr', {}, ...['ui.saved.heading', 'ui.batch.query', 'ui.saved.hitsNow', 'ui.saved.hitsSaved', null, null]
        .map(k => el('th', { scope: 'col' }, k ? T(k) : '')))),
      el('tbody', {}, ...rows)), T('ui.saved.heading')) : el('p', {}, T('ui.saved.none')));
  if (then) then(box);
}

// ---------------------------------------------------------------- batch search

function batchSection() {
  const file = el('input', { type: 'file', id: 'batch-file', accept: '.txt,.csv,text/plain,text/csv' });
  const out = el('div', { id: 'batch-result', 'aria-live': 'polite' });
  const read = async () => (file.files[0] ? await file.files[0].text() : '');
  const run = el('button', { type: 'button', id: 'batch-run', onclick: async () => {
      // no file chosen: said so, rather than the server's «the file has no queries»
      if (!file.files[0]) { showError(T('ui.form.file'), file); return; }
      try {
        const r = await api('POST', '/api/batch', { case: state.caseId, queries: await read() });
        const failed = r.rows.filter(row => row.error).length;
        out.replaceChildren(el('p', { id: 'batch-summary' }, T('ui.batch.result', r.rows.length, r.files.length),
          failed ? '. ' + T('ui.batch.failedRows', failed) : ''), matrixTable(r), download);
      } catch (e) { out.replaceChildren(el('p', { class: 'alert', role: 'alert' }, errorText(e))); }
    } }, T('ui.batch.run'));
  const download = el('button', { type: 'button', id: 'batch-download', class: 'secondary', onclick: async () => {
      try {
        const res = await fetch('/api/batch', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Evidens-Token': state.token },
          body: JSON.stringify({ case: state.caseId, queries: await read(), format: 'xlsx' }) })
          .catch(x => { console.error('Evidens workspace:', x); throw new ApiError(0, T('ui.common.offline')); });
        if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => null) || {}).error || T('ui.common.error', res.status));
        const a = el('a', { href: URL.createObjectURL(await res.blob()), download: 'matrise-' + state.caseId + '.xlsx' });
        document.body.append(a);
        a.click();
        a.remove();
      } catch (e) { showError(errorText(e)); }
    } }, T('ui.batch.download'));
  return el('details', { class: 'batch', id: 'batch' }, el('summary', {}, T('ui.batch.heading')),
    el('label', {}, T('ui.batch.file'), fileField(file)), el('div', { class: 'buttons' }, run), out);
}

function matrixTable(r) {
  return el('div', { class: 'matrix-wrap' }, el('table', { class: 'matrix', id: 'batch-matrix' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T('ui.batch.query')), ...r.files.map(f => el('th', { scope: 'col' }, f)),
      el('th', { scope: 'col' }, T('ui.overview.sum')))),
    el('tbody', {}, ...r.rows.map(row => el('tr', {}, el('th', { scope: 'row', title: row.query }, row.label),
      // a line that could not run has no counts: a dash, not a 0 that reads as «not in this document»
      ...row.counts.map(n => el('td', { class: n ? '' : 'none' }, row.error ? '–' : String(n))),
      el('td', {}, row.error ? row.error : String(row.total)))))));
}

VIEWS.sok = viewSearchGrouped;

/** Why a hit carries each indicator (issue 15): the chip's label, and beside it the words the codebook found, or the classifier's confidence. */
function indicatorsWhy(h) {
  const ids = h.indicators || [];
  if (!ids.length) return null;
  const reasons = Object.fromEntries((h.indicatorReasons || []).map(r => [r.indicator, r]));
  return el('ul', { class: 'indicators', 'aria-label': T('ui.hit.indicators') }, ...ids.map(id => {
    const why = whyText(reasons[id]);
    return el('li', {}, el('span', { class: 'indicator-chip', title: why }, facetValue('indicator', id)), ' ', el('small', { class: 'why' }, why));
  }));
}

function whyText(r) {
  if (!r) return T('ui.hit.why.none');
  if (r.source === 'model') return T('ui.hit.why.model', Math.round(r.confidence * 100), r.why.join(', '));
  return T('ui.hit.why.pattern', (r.words.length ? r.words : r.why).join('», «'), r.why.join(', '));
}
