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
    el('h3', {}, T('ui.group.byMunicipality')), wideTable(matrix(id, o), T('ui.group.byMunicipality')));
}

function requirementTable(o) {
  const byName = Object.fromEntries(o.municipalities.map(p => [p.municipality, p.caseId]));
  const names = list => list.length ? list.map((m, i) => [i ? ', ' : '', caseLink(byName[m], 'funn', m, T('ui.group.findingsIn', m))]).flat() : ['–'];
  return el('table', { class: 'matrix', id: 'requirements' },
    el('caption', {}, T('ui.group.reqCaption')),
    el('thead', {}, el('tr', {}, ...['requirement', 'avvik', 'merknad', 'withAvvik', 'withMerknad'].map(h => el('th', { scope: 'col' }, T('ui.group.col.' + h))))),
    el('tbody', {}, ...o.requirements.map(r => el('tr', {},
      el('th', { scope: 'row' }, r.requirement),
      el('td', {}, String(r.avvik.length)), el('td', {}, String(r.merknad.length)),
      el('td', { class: 'names' }, ...names(r.avvik)), el('td', { class: 'names' }, ...names(r.merknad))))));
}

function matrix(id, o) {
  const places = o.municipalities;
  return el('table', { class: 'matrix', id: 'group-matrix' },
    el('caption', {}, T('ui.group.matrixCaption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T('ui.overview.indicator')),
      ...places.map(p => el('th', { scope: 'col', title: p.county }, p.municipality)), el('th', { scope: 'col' }, T('ui.overview.sum')))),
    el('tbody', {}, ...o.indicators.map(i => el('tr', {},
      el('th', { scope: 'row' }, i.label || i.id),
      ...places.map(p => {
        const c = i.cells[p.caseId] || { passages: 0, findings: 0 };
        const q = 'indikator:"' + i.id + '"';
        // an empty cell leads nowhere: it is plain text, not a link to a search with no hits
        return el('td', { class: c.passages ? (c.findings ? 'found' : '') : 'none' },
          c.passages ? el('a', { href: '#/gruppesok?' + qs({ g: id, q, f: ['kommune:' + p.municipality] }),
            'aria-label': T('ui.group.cellPassages', c.passages, i.label || i.id, p.municipality) }, String(c.passages)) : '0',
          c.findings ? [' / ', caseLink(p.caseId, 'funn', String(c.findings), T('ui.group.cellFindings', c.findings, i.label || i.id, p.municipality))] : null);
      }),
      el('td', {}, i.passages ? el('a', { href: '#/gruppesok?' + qs({ g: id, q: 'indikator:"' + i.id + '"' }) }, String(i.passages)) : '0',
        ' / ' + i.findings)))));
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
      return el('section', {}, el('h3', {}, label), el('ul', {}, ...values.map(([v, n]) => {
        const f = dim + ':' + v;
        const on = filters.includes(f);
        return el('li', {}, el('button', { type: 'button', 'aria-pressed': on ? 'true' : 'false', dataset: { facet: f },
            onclick: () => go('gruppesok', { g: id, q, f: on ? filters.filter(x => x !== f) : [...filters, f] }) },
          el('span', {}, dim === 'type' ? typeName(v) : facetValue(dim, v)), el('span', { class: 'count' }, String(n))));
      })));
    }));
  const list = el('ol', { class: 'hits' }, ...r.hits.map(h => hitItem(h, r, q, [])));
  results.replaceChildren(el('div', { class: 'layout' }, facets, el('div', {}, r.total ? list : el('p', {}, T('ui.group.noHits')))));
}

/** The quotations of the group's findings by requirement: the writer ticks those the report quotes. */
async function viewGroupQuotations(params) {
  const id = params.get('g');
  let list;
  try { list = await api('GET', '/api/groups/' + encodeURIComponent(id) + '/quotations'); } catch (e) { render(heading(T('ui.group.quotes')), el('p', { class: 'alert' }, errorText(e))); return; }
  const byReq = {};
  list.forEach(c => (byReq[c.requirement] = byReq[c.requirement] || []).push(c));
  const sections = Object.entries(byReq).map(([req, cs]) => el('section', {}, el('h3', {}, req), el('ul', { class: 'evidence' },
    ...cs.map(c => {
      const box = el('input', { type: 'checkbox', checked: c.chosen, onchange: async ev => {
        try {
          await api('POST', '/api/groups/' + encodeURIComponent(id) + '/chosen', { case: c.caseId, item: c.item, chosen: ev.target.checked });
          say(T(ev.target.checked ? 'ui.group.chosen' : 'ui.group.unchosen'));
        } catch (e) { ev.target.checked = !ev.target.checked; showError(errorText(e)); }
      } });
      return el('li', {}, el('label', { class: 'inline' }, box, T('ui.group.choose')),
        el('blockquote', {}, '«' + c.quote + '»'), el('div', { class: 'cite' }, `${c.municipality}, ${c.label}: ${c.source}`));
    }))));
  render(heading(T('ui.group.chooseQuotes')), el('p', {}, el('a', { href: '#/grupper?' + qs({ g: id }) }, T('ui.group.back'))),
    ...(sections.length ? sections : [el('p', {}, T('ui.group.noQuotes'))]));
}

Object.assign(VIEWS, { grupper: viewGroups, gruppesok: viewGroupSearch, gruppesitater: viewGroupQuotations });
