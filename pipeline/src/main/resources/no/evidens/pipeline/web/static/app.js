// Evidens workspace: plain JavaScript, no libraries, nothing from other sites.
// Every text that comes from a document is put on the page as text (textContent / text nodes),
// never as HTML; search snippets are rebuilt from their text and <mark> elements only.
'use strict';

const state = { token: null, user: null, maxUpload: 0, caseId: null, cases: [], signIn: false, admin: false, roles: {} };
const ROLE_NAMES = { lead: 'Leder', auditor: 'Revisor', writer: 'Skribent', reader: 'Leser' };

const FACETS = [
  ['type', 'Dokumenttype'], ['indicator', 'Indikator'], ['lov', 'Lov'], ['sitat', 'Sitat'],
  ['kommune', 'Kommune'], ['tjeneste', 'Tjeneste'], ['år', 'År']
];
const TYPE_NAMES = {
  styringsdokument: 'Styringsdokument', journal: 'Journal', klientdokumentasjon: 'Klientdokumentasjon', annet: 'Annet'
};
const PAGE_SIZE = 10;

// ---------------------------------------------------------------- helpers

/** Builds an element; string children become text nodes (never HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function main() { return document.getElementById('main'); }

function say(text) { document.getElementById('status').textContent = text; }

function showError(message) {
  const a = document.getElementById('alert');
  a.textContent = message;
  a.hidden = !message;
}

class ApiError extends Error {
  constructor(status, message, data) { super(message); this.status = status; this.data = data; }
}

async function api(method, path, body, contentType, ifMatch) {
  const headers = {};
  if (ifMatch !== undefined) headers['If-Match'] = '"' + ifMatch + '"';
  if (method !== 'GET') headers['X-Evidens-Token'] = state.token;
  let payload = body;
  if (body !== undefined && contentType === undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 401 && path !== '/api/signin') {
    // Not signed in (or the session expired): to the sign-in page.
    location.replace('/signin.html');
    throw new ApiError(401, 'Du må logge inn.');
  }
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || ('Feil ' + res.status), data);
  return data;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach(x => u.append(k, x));
    else if (v !== null && v !== undefined && v !== '') u.append(k, v);
  }
  return u.toString();
}

function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const i = h.indexOf('?');
  const name = (i < 0 ? h : h.slice(0, i)) || 'sok';
  const params = new URLSearchParams(i < 0 ? '' : h.slice(i + 1));
  return { name, params };
}

function go(name, params) {
  const q = qs(params || {});
  location.hash = '#/' + name + (q ? '?' + q : '');
}

/** A search snippet as DOM: the text and its <mark>s, nothing else survives. */
function snippetNodes(html) {
  const doc = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html');
  const out = [];
  const walk = (node, into) => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) into.push(document.createTextNode(c.textContent));
      else if (c.nodeType === Node.ELEMENT_NODE && c.tagName === 'MARK') into.push(el('mark', {}, c.textContent));
      else if (c.nodeType === Node.ELEMENT_NODE) walk(c, into);
    }
  };
  walk(doc.body.firstChild || doc.body, out);
  return out;
}

function typeName(t) { return TYPE_NAMES[t] || t; }

function citation(h) {
  return `${h.file} · ${typeName(h.type)} · side ${h.page} · tegn ${h.start}–${h.end}`;
}

function heading(text) {
  const h = el('h2', { tabindex: '-1' }, text);
  return h;
}

function render(...nodes) {
  const m = main();
  m.replaceChildren(...nodes);
}

function needCase() {
  if (state.caseId) return false;
  render(heading('Ingen sak ennå'),
    el('p', {}, 'Det finnes ingen tilsynssak med innleste dokumenter. Begynn med ', el('a', { href: '#/innlesing' }, 'innlesing av en bunke'), '.'));
  return true;
}

// ---------------------------------------------------------------- search

async function viewSearch(params) {
  if (needCase()) return;
  const q = params.get('q') || '';
  const filters = params.getAll('f');
  const offset = parseInt(params.get('offset') || '0', 10) || 0;
  const input = el('input', { type: 'search', id: 'q', name: 'q', value: q, autocomplete: 'off', 'aria-describedby': 'q-help' });
  const form = el('form', { class: 'search-form', role: 'search', onsubmit: ev => {
      ev.preventDefault();
      const v = input.value.trim();
      if (v) go('sok', { q: v, f: filters });
    } },
    el('label', { for: 'q' }, 'Søk i dokumentene i saken', input),
    el('button', { type: 'submit' }, 'Søk'));
  const help = el('details', { class: 'help', id: 'q-help' }, el('summary', {}, 'Søkespråket'),
    el('table', {}, el('tbody', {},
      ...[['ord', 'ansvarsgruppe taushetsplikt', 'alle ordene må finnes'],
        ['frase', '"individuell plan"', 'ordene i rekkefølge'],
        ['utelat', 'samarbeid -NAV', 'uten ordet'],
        ['enten', 'fastlege OR allmennlege', 'ett av ordene'],
        ['prefiks', 'barnevern*', 'ord som begynner slik'],
        ['nærhet', '"taushetsplikt samarbeid"~10', 'innen 10 ord'],
        ['felt', 'type:journal, indikator:taushetsplikt, lov:barnevernloven, sitat:ja, år:2025', '']]
        .map(([a, b, c]) => el('tr', {}, el('th', { scope: 'row' }, a), el('td', {}, el('code', {}, b)), el('td', {}, c))))));
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  render(heading('Søk'), form, help, results);
  if (!q) { input.focus(); return; }
  say('Søker …');
  let r;
  try {
    r = await api('GET', '/api/search?' + qs({ q, case: state.caseId, filter: filters, offset, limit: PAGE_SIZE }));
  } catch (e) {
    say('');
    results.replaceChildren(el('p', { class: 'alert', role: 'alert' }, e.message));
    return;
  }
  say(`${r.total} treff (${r.tookMs} ms)`);
  const chips = filters.length ? el('div', { class: 'chips', 'aria-label': 'Aktive filtre' },
    ...filters.map(f => el('button', { type: 'button', class: 'chip', 'aria-label': 'Fjern filteret ' + f,
      onclick: () => go('sok', { q, f: filters.filter(x => x !== f) }) }, f + ' ✕'))) : null;
  const facets = el('aside', { class: 'facets', 'aria-label': 'Filtre' }, el('h2', { class: 'visually-hidden' }, 'Filtre'),
    ...FACETS.map(([dim, label]) => {
      const values = Object.entries((r.facets || {})[dim] || {});
      if (!values.length) return null;
      return el('section', {}, el('h3', {}, label), el('ul', {},
        ...values.map(([v, n]) => {
          const f = dim + ':' + v;
          const on = filters.includes(f);
          return el('li', {}, el('button', { type: 'button', 'aria-pressed': on ? 'true' : 'false', dataset: { facet: f },
              onclick: () => go('sok', { q, f: on ? filters.filter(x => x !== f) : [...filters, f] }) },
            el('span', {}, dim === 'type' ? typeName(v) : v), el('span', { class: 'count', 'aria-label': n + ' treff' }, String(n))));
        })));
    }));
  const list = el('ol', { class: 'hits', start: String(offset + 1), 'aria-label': 'Treff' },
    ...r.hits.map(h => hitItem(h, r, q, filters)));
  const from = r.total ? offset + 1 : 0;
  const to = Math.min(offset + PAGE_SIZE, r.total);
  const pager = el('nav', { class: 'pager', 'aria-label': 'Sider med treff' },
    el('button', { type: 'button', class: 'secondary', disabled: offset === 0,
      onclick: () => go('sok', { q, f: filters, offset: Math.max(0, offset - PAGE_SIZE) }) }, '← Forrige'),
    el('span', {}, `Viser ${from}–${to} av ${r.total}`),
    el('button', { type: 'button', class: 'secondary', disabled: to >= r.total,
      onclick: () => go('sok', { q, f: filters, offset: offset + PAGE_SIZE }) }, 'Neste →'));
  const body = el('div', {},
    r.relaxed ? el('p', { class: 'cite' }, r.allWords > 0
      ? 'Bare ' + r.allWords + ' avsnitt har alle ordene; etter dem kommer avsnittene som har flest av dem.'
      : 'Ingen avsnitt har alle ordene; dette er avsnittene som har flest av dem.') : null,
    r.total === 0 ? el('p', {}, 'Ingen treff. Prøv færre ord, eller fjern et filter.') : list,
    r.total > PAGE_SIZE ? pager : null);
  results.replaceChildren(chips || '', el('div', { class: 'layout' }, facets, body));
}

function hitItem(h, r, q, filters) {
  const used = (r.usedBy || {})[h.passageId] || [];
  const provenance = { query: q, filters: Object.fromEntries([['case', h.case], ...filters.map(f => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)])]) };
  return el('li', { class: 'hit' },
    el('h3', {}, el('a', { href: '#/dokument?' + qs({ case: h.case, doc: h.docId, q, at: h.start }) }, h.title || h.file)),
    el('div', { class: 'cite' }, citation(h), h.heading ? ' · ' + h.heading : ''),
    el('p', { class: 'snippet' }, ...snippetNodes(h.snippet)),
    used.length ? el('div', {}, ...used.map(u => el('span', { class: 'used' }, 'Brukt i ' + u.label))) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openAttach({ passageId: h.passageId, quote: h.text, source: citation(h), provenance }) },
        'Legg avsnittet til funn'),
      el('a', { class: 'button secondary', href: '#/dokument?' + qs({ case: h.case, doc: h.docId, q, at: h.start }) }, 'Les i dokumentet'),
      el('a', { class: 'button secondary', href: '#/lignende?' + qs({ id: h.passageId }) }, 'Lignende avsnitt')));
}

async function viewLike(params) {
  const id = params.get('id');
  render(heading('Lignende avsnitt'), el('p', {}, 'Laster …'));
  try {
    const [p, r] = await Promise.all([api('GET', '/api/passage?' + qs({ id, context: 0 })), api('GET', '/api/like?' + qs({ id, limit: 10 }))]);
    const src = p.passage;
    render(heading('Lignende avsnitt'),
      el('p', {}, 'Avsnitt som ligner på dette i ', el('a', { href: '#/dokument?' + qs({ case: src.case, doc: src.docId, at: src.start }) }, src.title || src.file), ':'),
      el('blockquote', {}, src.text),
      el('ol', { class: 'hits' }, ...r.hits.map(h => hitItem(h, { usedBy: {} }, '', []))));
  } catch (e) { showError(e.message); }
}

// ---------------------------------------------------------------- document reader

let selectionSpan = null;

async function viewDocument(params) {
  const caseId = params.get('case');
  const docId = params.get('doc');
  const q = params.get('q') || '';
  const at = parseInt(params.get('at') || '-1', 10);
  render(heading('Dokument'), el('p', {}, 'Laster …'));
  let r;
  try {
    r = await api('GET', '/api/document?' + qs({ case: caseId, doc: docId, q }));
  } catch (e) { render(heading('Dokument'), el('p', { class: 'alert', role: 'alert' }, e.message)); return; }
  const d = r.document;
  const textBox = el('div', { class: 'doc-text', id: 'doc-text', tabindex: '0', 'aria-label': 'Dokumentets tekst. Merk tekst for å legge den til et funn.' });
  buildText(textBox, d, r.marks, r.evidence);
  selectionSpan = null;
  const selInfo = el('span', { id: 'selection-info', class: 'cite' }, 'Merk tekst i dokumentet for å sitere den.');
  const attachBtn = el('button', { type: 'button', id: 'attach-selection', disabled: true, onclick: () => {
      if (!selectionSpan) return;
      const quote = d.text.slice(selectionSpan.start, selectionSpan.end);
      openAttach({ docId: d.docId, caseId: d.case, start: selectionSpan.start, end: selectionSpan.end, quote,
        source: `${d.title || d.file} · ${typeName(d.type)} · side ${pageOf(d, selectionSpan.start)} · tegn ${selectionSpan.start}–${selectionSpan.end}`,
        provenance: q ? { query: q, filters: { case: d.case } } : null, after: () => viewDocument(params) });
    } }, 'Legg valgt tekst til funn');
  const marks = Array.from(textBox.querySelectorAll('mark'));
  let current = -1;
  const hitNav = el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', disabled: !marks.length, onclick: () => step(-1) }, '← Forrige treff'),
    el('button', { type: 'button', class: 'secondary', disabled: !marks.length, onclick: () => step(1) }, 'Neste treff →'));
  function step(dir) {
    if (!marks.length) return;
    if (current >= 0) marks[current].classList.remove('current');
    current = (current + dir + marks.length) % marks.length;
    marks[current].classList.add('current');
    marks[current].scrollIntoView({ block: 'center' });
    say(`Treff ${current + 1} av ${marks.length}`);
  }
  const byFinding = new Map();
  for (const e of r.evidence) {
    if (!byFinding.has(e.ref)) byFinding.set(e.ref, { label: e.label, title: e.title, items: [] });
    byFinding.get(e.ref).items.push(e);
  }
  const side = el('aside', { class: 'side', 'aria-label': 'Om dokumentet' },
    el('section', {}, el('h3', {}, 'Dokumentet'),
      el('div', { class: 'cite' }, `${d.file} · ${typeName(d.type)} · ${d.pageStarts.length} ${d.pageStarts.length === 1 ? 'side' : 'sider'}`)),
    el('section', {}, el('h3', {}, q ? `Treff på «${q}»: ${marks.length}` : 'Ingen søk'), hitNav),
    el('section', {}, el('h3', {}, 'Funn som bruker dokumentet'),
      byFinding.size ? el('ul', {}, ...Array.from(byFinding.entries()).map(([ref, f]) =>
        el('li', {}, el('a', { href: '#/funn?' + qs({ ref }) }, f.label), ': ', f.title,
          el('ul', {}, ...f.items.map(i => el('li', {}, el('a', { href: '#', onclick: ev => { ev.preventDefault(); scrollToOffset(textBox, i.start); } },
            `tegn ${i.start}–${i.end}`))))))) : el('p', { class: 'cite' }, 'Ingen ennå.')));
  render(heading(d.title || d.file),
    el('div', { class: 'selection-bar' }, attachBtn, selInfo),
    el('div', { class: 'doc-layout' }, textBox, side));
  const onSel = () => {
    const span = selectedSpan(textBox);
    selectionSpan = span;
    attachBtn.disabled = !span;
    selInfo.textContent = span ? `Valgt: tegn ${span.start}–${span.end} (${span.end - span.start} tegn), side ${pageOf(d, span.start)}` : 'Merk tekst i dokumentet for å sitere den.';
  };
  document.onselectionchange = onSel;
  if (window.EvidensReader) window.EvidensReader.attach({ d, textBox, attachBtn, at, to: parseInt(params.get('to') || '-1', 10), layout: main().querySelector('.doc-layout') });
  if (at >= 0) {
    const m = marks.findIndex(x => +x.dataset.s >= at);
    if (m >= 0) { current = m - 1; step(1); } else scrollToOffset(textBox, at);
  }
}

function pageOf(d, offset) {
  let p = 1;
  d.pageStarts.forEach((s, i) => { if (s <= offset) p = i + 1; });
  return p;
}

/** Lays the text out in segments, each with its document offset in data-s: page breaks, marks and quoted spans. */
function buildText(box, d, marks, evidence) {
  const text = d.text;
  const cuts = new Set([0, text.length]);
  d.pageStarts.forEach(s => cuts.add(s));
  marks.forEach(m => { cuts.add(m.start); cuts.add(m.end); });
  evidence.forEach(e => { cuts.add(e.start); cuts.add(e.end); });
  const points = Array.from(cuts).filter(x => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const pageAt = new Map(d.pageStarts.map((s, i) => [s, i + 1]));
  for (let i = 0; i < points.length; i++) {
    const s = points[i];
    if (pageAt.has(s) && (s < text.length || s === 0)) {
      box.append(el('span', { class: 'page-break', 'aria-hidden': 'false', role: 'heading', 'aria-level': '3' }, 'Side ' + pageAt.get(s)));
    }
    if (i + 1 >= points.length) break;
    const e = points[i + 1];
    if (e <= s) continue;
    const marked = marks.some(m => m.start <= s && e <= m.end);
    const quoted = evidence.filter(q => q.start <= s && e <= q.end);
    const seg = el(marked ? 'mark' : 'span', { dataset: { s: String(s) } }, text.slice(s, e));
    if (quoted.length) {
      seg.classList.add('quoted');
      seg.title = 'Sitert i ' + quoted.map(q => q.label).join(', ');
    }
    box.append(seg);
  }
}

/** The document offsets of the current selection inside the text box, or null. */
function selectedSpan(box) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!box.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(box, range.startContainer, range.startOffset, false);
  const end = offsetOf(box, range.endContainer, range.endOffset, true);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function offsetOf(box, node, offset, isEnd) {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement.closest('[data-s]');
    if (!seg) return boundary(box, node.parentElement, isEnd);
    return +seg.dataset.s + offset;
  }
  // An element boundary: the segment before or after it.
  const kids = node.childNodes;
  if (offset < kids.length) return boundary(box, kids[offset], false, true);
  return boundary(box, node, true);
}

function boundary(box, node, isEnd, before) {
  const segs = Array.from(box.querySelectorAll('[data-s]'));
  if (!segs.length) return null;
  if (before) {
    const next = segs.find(s => node === s || (node.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) || node.contains(s));
    return next ? +next.dataset.s : +segs[segs.length - 1].dataset.s + segs[segs.length - 1].textContent.length;
  }
  const prev = segs.filter(s => s === node || s.contains(node) || (s.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)).pop();
  if (!prev) return 0;
  return +prev.dataset.s + (isEnd ? prev.textContent.length : 0);
}

function scrollToOffset(box, offset) {
  const segs = Array.from(box.querySelectorAll('[data-s]'));
  const seg = segs.filter(s => +s.dataset.s <= offset).pop();
  if (seg) seg.scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------- attach dialog

let attachRequest = null;

async function openAttach(req) {
  attachRequest = req;
  const dlg = document.getElementById('attach-dialog');
  document.getElementById('attach-quote').textContent = '«' + req.quote + '»';
  document.getElementById('attach-source').textContent = req.source;
  document.getElementById('attach-error').hidden = true;
  document.getElementById('attach-note').value = '';
  document.getElementById('attach-contradicts').checked = false;
  document.getElementById('attach-new-title').value = '';
  document.getElementById('attach-new-req').value = '';
  const select = document.getElementById('attach-finding');
  let findings = [];
  try { findings = await api('GET', '/api/findings?' + qs({ case: state.caseId })); } catch (e) { findings = []; }
  select.replaceChildren(el('option', { value: '' }, 'Nytt funn …'),
    ...findings.map(f => el('option', { value: f.ref }, `${f.label}: ${f.title}`)));
  select.value = findings.length ? findings[findings.length - 1].ref : '';
  toggleNew();
  dlg.showModal();
  select.focus();
}

function toggleNew() {
  const isNew = document.getElementById('attach-finding').value === '';
  document.getElementById('attach-new').hidden = !isNew;
  document.getElementById('attach-new-title').required = isNew;
}

async function submitAttach(ev) {
  ev.preventDefault();
  const req = attachRequest;
  const err = document.getElementById('attach-error');
  err.hidden = true;
  const caseId = req.caseId || state.caseId;
  try {
    const ref = document.getElementById('attach-finding').value;
    const body = { stance: document.getElementById('attach-contradicts').checked ? 'contradicts' : 'supports' };
    const note = document.getElementById('attach-note').value.trim();
    if (note) body.note = note;
    if (req.passageId) body.passageId = req.passageId; else { body.docId = req.docId; body.start = req.start; body.end = req.end; }
    if (req.provenance && req.provenance.query) { body.query = req.provenance.query; body.filters = req.provenance.filters; }
    let f;
    if (!ref) {
      const title = document.getElementById('attach-new-title').value.trim();
      if (!title) throw new Error('Skriv en tittel for det nye funnet.');
      const requirements = document.getElementById('attach-new-req').value.split('\n').map(s => s.trim()).filter(Boolean);
      // One request: the new finding is created with its first quotation, or not at all.
      f = await api('POST', '/api/findings', { case: caseId, kind: document.getElementById('attach-kind').value, title, requirements, evidence: body });
    } else {
      f = await api('POST', '/api/findings/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(ref) + '/evidence', body);
    }
    document.getElementById('attach-dialog').close();
    if (req.after) await req.after(); else await refresh();
    say(`Sitatet er lagt til ${f.label} (nå ${f.evidence.length} ${f.evidence.length === 1 ? 'sitat' : 'sitater'}).`);
  } catch (e) {
    err.textContent = e.message;
    err.hidden = false;
  }
}

// ---------------------------------------------------------------- findings

async function viewFindings(params) {
  if (needCase()) return;
  const caseId = state.caseId;
  let findings;
  try { findings = await api('GET', '/api/findings?' + qs({ case: caseId })); } catch (e) { render(heading('Funn'), el('p', { class: 'alert' }, e.message)); return; }
  const anon = el('input', { type: 'checkbox', id: 'anonymise' });
  const exportLink = (fmt, label) => el('a', { class: 'button', id: 'export-' + fmt, href: '/api/export?' + qs({ case: caseId, format: fmt }),
    download: '', onclick: ev => { ev.currentTarget.href = '/api/export?' + qs({ case: caseId, format: fmt, anonymise: anon.checked ? 'true' : null }); } }, label);
  const exportBar = el('section', { class: 'export', 'aria-label': 'Eksport' }, el('strong', {}, 'Eksporter funnene:'),
    exportLink('docx', 'Word (DOCX)'), exportLink('md', 'Markdown'), exportLink('csv', 'CSV'),
    el('label', { class: 'inline' }, anon, 'Anonymiser (navn, fødselsnummer, telefon, e-post, adresser)'));
  const kind = el('select', { id: 'new-kind', name: 'kind' }, el('option', { value: 'avvik' }, 'Avvik'), el('option', { value: 'merknad' }, 'Merknad'), el('option', { value: 'observasjon' }, 'Observasjon'));
  const title = el('input', { type: 'text', id: 'new-title', required: true, autocomplete: 'off' });
  const reqs = el('textarea', { id: 'new-req', rows: '2' });
  const text = el('textarea', { id: 'new-text', rows: '3' });
  const newForm = el('details', { class: 'new-finding' }, el('summary', {}, 'Nytt funn'),
    el('form', { onsubmit: async ev => {
        ev.preventDefault();
        try {
          await api('POST', '/api/findings', { case: caseId, kind: kind.value, title: title.value, text: text.value,
            requirements: reqs.value.split('\n').map(s => s.trim()).filter(Boolean) });
          await refresh();
          say('Funnet er opprettet.');
        } catch (e) { showError(e.message); }
      } },
      el('label', {}, 'Type', kind), el('label', {}, 'Tittel', title),
      el('label', {}, 'Lovkrav (ett per linje)', reqs), el('label', {}, 'Tekst', text),
      el('button', { type: 'submit' }, 'Opprett funn')));
  render(heading('Funn i ' + caseId),
    findings.length ? exportBar : el('p', {}, 'Ingen funn ennå. Søk, les og legg sitater til funn, eller opprett et funn her.'),
    newForm, ...findings.map(f => findingCard(caseId, f, findings)));
  const ref = params.get('ref');
  if (ref) { const c = document.getElementById('finding-' + ref); if (c) c.scrollIntoView(); }
}

function findingCard(caseId, f, all) {
  const base = '/api/findings/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(f.ref);
  const title = el('input', { type: 'text', value: f.title, required: true });
  const reqs = el('textarea', { rows: '2' }, f.requirements.map(r => r.text).join('\n'));
  const text = el('textarea', { rows: '3' }, f.text || '');
  const conflictBox = el('div', { class: 'conflict', id: 'conflict-' + f.ref, hidden: true, role: 'alert' });
  const save = async version => {
    const change = { title: title.value, text: text.value,
      requirements: reqs.value.split('\n').map(s => s.trim()).filter(Boolean), version };
    try {
      await api('PATCH', base, change);
      await refresh();
      say(f.label + ' er lagret.');
    } catch (e) {
      if (e.status === 409 && e.data && e.data.current) showConflict(conflictBox, f, change, e.data.current, save);
      else showError(e.message);
    }
  };
  const edit = f.status === 'godkjent'
    ? el('p', { class: 'cite' }, 'Funnet er godkjent og låst. Saksleder kan åpne det igjen.')
    : el('details', {}, el('summary', {}, 'Rediger'),
      el('form', { onsubmit: ev => { ev.preventDefault(); save(f.version); } },
        el('label', {}, 'Tittel', title), el('label', {}, 'Lovkrav (ett per linje)', reqs), el('label', {}, 'Tekst', text),
        el('div', { class: 'buttons' }, el('button', { type: 'submit' }, 'Lagre'),
          el('button', { type: 'button', class: 'danger', onclick: async () => {
              if (!confirm(`Slette ${f.label} og sitatene? (Historikken beholder alt.)`)) return;
              try { await api('DELETE', base, undefined, undefined, f.version); await refresh(); say(f.label + ' er slettet.'); } catch (e) { showError(e.message); }
            } }, 'Slett funnet'))));
  const ev = f.evidence;
  const items = el('ol', { class: 'evidence', 'aria-label': 'Sitater i ' + f.label }, ...ev.map((e, i) => {
    const itemPath = '/api/evidence/' + encodeURIComponent(caseId) + '/' + e.id;
    const move = async body => { try { await api('PATCH', itemPath, body); refresh(); } catch (x) { showError(x.message); } };
    const others = all.filter(o => o.ref !== f.ref);
    const moveTo = others.length ? el('select', { 'aria-label': `Flytt sitat ${i + 1} til et annet funn`, onchange: ev2 => { if (ev2.target.value) move({ to: ev2.target.value }); } },
      el('option', { value: '' }, 'Flytt til …'), ...others.map(o => el('option', { value: o.ref }, o.label))) : null;
    return el('li', { class: e.stance === 'contradicts' ? 'contradicts' : '', dataset: { item: String(e.id) } },
      el('blockquote', {}, (e.stance === 'contradicts' ? '(taler mot) ' : '') + '«' + e.quote + '»'),
      el('div', { class: 'cite' }, 'Kilde: ' + e.source + ` (${e.citation.file}, tegn ${e.citation.start}–${e.citation.end}) · #${e.id}`),
      e.note ? el('div', { class: 'cite' }, 'Merknad: ' + e.note) : null,
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', disabled: i === 0, 'aria-label': `Flytt sitat ${i + 1} opp`, onclick: () => move({ position: i }) }, '↑ Opp'),
        el('button', { type: 'button', class: 'secondary', disabled: i === ev.length - 1, 'aria-label': `Flytt sitat ${i + 1} ned`, onclick: () => move({ position: i + 2 }) }, '↓ Ned'),
        moveTo,
        el('a', { class: 'button secondary', href: '#/dokument?' + qs({ case: caseId, doc: e.citation.docId, at: e.citation.start, to: e.citation.end }) }, 'Vis i dokumentet'),
        el('button', { type: 'button', class: 'danger', 'aria-label': `Fjern sitat ${i + 1} fra ${f.label}`, onclick: async () => {
            try { await api('DELETE', itemPath); await refresh(); say('Sitatet er fjernet.'); } catch (x) { showError(x.message); }
          } }, 'Fjern')));
  }));
  return el('article', { class: 'finding', id: 'finding-' + f.ref, 'aria-labelledby': 'h-' + f.ref },
    el('h3', { id: 'h-' + f.ref }, `${f.label}: ${f.title}`),
    f.requirements.length ? el('p', { class: 'cite' }, 'Lovkrav: ' + f.requirements.map(r => r.text).join('; ')) : null,
    f.text ? el('p', {}, f.text) : null,
    el('p', { class: 'cite' }, `Status: ${f.status} · ${ev.length} ${ev.length === 1 ? 'sitat' : 'sitater'} · endret ${f.updatedAt.slice(0, 16).replace('T', ' ')} av ${f.updatedBy}`),
    ev.length ? items : el('p', { class: 'cite' }, 'Ingen sitater ennå: søk og legg avsnitt eller valgt tekst til funnet.'),
    reviewBar(base, f), conflictBox, edit,
    el('p', {}, el('a', { href: '#/historikk?' + qs({ ref: f.ref }), id: 'history-' + f.ref }, 'Historikk for ' + f.label)));
}

const STATUS_NEXT = {
  utkast: [['submit', 'Send til gjennomgang']],
  'til gjennomgang': [['approve', 'Godkjenn'], ['reopen', 'Tilbake til utkast']],
  godkjent: [['reopen', 'Åpne igjen']]
};
const STEP_DONE = { submit: 'er sendt til gjennomgang', approve: 'er godkjent', reopen: 'er åpnet igjen' };

/** The review steps the finding's status allows: utkast → til gjennomgang → godkjent, and back. */
function reviewBar(base, f) {
  const steps = STATUS_NEXT[f.status] || STATUS_NEXT.utkast;
  return el('div', { class: 'actions review', 'aria-label': 'Gjennomgang av ' + f.label }, ...steps.map(([step, label]) =>
    el('button', { type: 'button', class: step === 'approve' ? '' : 'secondary', 'data-step': step, onclick: async () => {
        try { await api('POST', base + '/' + step, { version: f.version }); await refresh(); say(`${f.label} ${STEP_DONE[step]}.`); } catch (e) { showError(e.message); }
      } }, label)));
}

/** Someone saved the finding in between: shows their version beside this one, and lets the person choose. */
function showConflict(box, f, mine, current, save) {
  const row = (label, a, b) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, a || ''), el('td', {}, b || ''));
  box.replaceChildren(
    el('p', {}, `${current.updatedBy} lagret ${f.label} mens du redigerte (versjon ${current.version}; du redigerte versjon ${mine.version}). Ingen av endringene er tapt:`),
    el('table', { class: 'audit' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', { scope: 'col' }, 'Din versjon'), el('th', { scope: 'col' }, 'Lagret versjon'))),
      el('tbody', {}, row('Tittel', mine.title, current.title), row('Lovkrav', mine.requirements.join('; '), current.requirements.map(r => r.text).join('; ')),
        row('Tekst', mine.text, current.text), row('Status', f.status, current.status))),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', onclick: () => save(current.version) }, 'Lagre min versjon likevel'),
      el('button', { type: 'button', class: 'secondary', onclick: () => refresh() }, 'Forkast mine endringer')));
  box.hidden = false;
}

// ---------------------------------------------------------------- audit trail

const AUDIT_ACTIONS = {
  'show-document': 'Viste dokument', 'show-passage': 'Viste avsnitt', 'show-quotations': 'Viste sitater', search: 'Søkte', export: 'Eksporterte',
  'finding-create': 'Opprettet funn', 'finding-edit': 'Endret funn', 'finding-delete': 'Slettet funn',
  'finding-submit': 'Sendte funn til gjennomgang', 'finding-approve': 'Godkjente funn', 'finding-reopen': 'Åpnet funn igjen',
  'quotation-attach': 'La til sitat', 'quotation-detach': 'Fjernet sitat', 'quotation-move': 'Flyttet sitat',
  'sign-in': 'Logget inn', 'sign-in-failed': 'Mislykket innlogging', 'sign-in-refused': 'Innlogging avvist',
  'member-set': 'Ga rolle i saken', 'member-remove': 'Fjernet fra saken',
  'case-close': 'Lukket saken', 'record-delete': 'Slettet dokument', 'records-delete': 'Slettet journaler og klientdokumentasjon'
};

async function viewAudit(params) {
  if (needCase()) return;
  const caseId = state.caseId;
  const user = params.get('bruker') || '';
  const since = params.get('fra') || '';
  let r;
  try { r = await api('GET', '/api/cases/' + encodeURIComponent(caseId) + '/audit?' + qs({ user, since })); } catch (e) { render(heading('Revisjonsspor'), el('p', { class: 'alert' }, e.message)); return; }
  const userIn = el('input', { type: 'text', id: 'audit-user', value: user, autocomplete: 'off' });
  const sinceIn = el('input', { type: 'date', id: 'audit-since', value: since });
  const filter = el('form', { class: 'audit-filter', onsubmit: ev => { ev.preventDefault(); go('spor', { bruker: userIn.value.trim(), fra: sinceIn.value }); } },
    el('label', {}, 'Bruker', userIn), el('label', {}, 'Fra dato', sinceIn), el('button', { type: 'submit' }, 'Vis'),
    el('a', { class: 'button secondary', id: 'audit-csv', download: '',
      href: '/api/cases/' + encodeURIComponent(caseId) + '/audit?' + qs({ user, since, format: 'csv' }) }, 'Last ned CSV'));
  const intact = r.intact
    ? el('p', { id: 'audit-intact' }, 'Sporet er uendret: hver oppføring stemmer med sin kontrollsum og med kjedefilen.')
    : el('div', { class: 'alert', id: 'audit-intact' }, el('p', {}, 'Sporet er endret etter at det ble skrevet:'), el('ul', {}, ...r.problems.map(p => el('li', {}, p))));
  const table = el('table', { class: 'audit', id: 'audit-table' },
    el('caption', {}, `Hvem som har sett journaler og klientdokumentasjon, søkt, eksportert og endret funn i ${caseId}, eldste først.`),
    el('thead', {}, el('tr', {}, ...['Nr.', 'Tid', 'Bruker', 'Handling', 'Gjelder', 'Detaljer'].map(t => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, ...r.entries.map(e => el('tr', {},
      el('td', {}, String(e.id)), el('td', {}, new Date(e.at).toLocaleString('nb-NO')), el('td', {}, e.actor),
      el('td', {}, AUDIT_ACTIONS[e.action] || e.action), el('td', {}, e.name ? `${e.name} (${e.target})` : (e.target || '')), el('td', {}, e.detail || '')))));
  render(heading('Revisjonsspor for ' + caseId), intact, filter,
    r.entries.length ? table : el('p', {}, 'Ingen oppføringer' + (user ? ' for ' + user : '') + (since ? ' fra ' + since : '') + '.'));
}

// ---------------------------------------------------------------- overview

async function viewOverview() {
  if (needCase()) return;
  render(heading('Oversikt'), el('p', {}, 'Laster …'));
  let r;
  try { r = await api('GET', '/api/overview?' + qs({ case: state.caseId })); } catch (e) { render(heading('Oversikt'), el('p', { class: 'alert' }, e.message)); return; }
  const missing = r.indicators.filter(i => i.total === 0).length;
  const table = el('table', { class: 'matrix' },
    el('caption', {}, `Avsnitt som nevner hver indikator, per dokumenttype, i ${r.case}. Tomme celler er markert; klikk et tall for å se avsnittene. Dokumenttyper uten avsnitt om noen indikator er utelatt.`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Indikator'), ...r.types.map(t => el('th', { scope: 'col' }, typeName(t))), el('th', { scope: 'col' }, 'Sum'))),
    el('tbody', {}, ...r.indicators.map(i => el('tr', {},
      el('th', { scope: 'row' }, i.label || i.id),
      ...r.types.map(t => {
        const n = i.counts[t] || 0;
        const q = 'indikator:"' + i.id + '"';
        if (!n) return el('td', { class: 'none' }, '0');
        return el('td', {}, el('a', { href: '#/sok?' + qs({ q, f: ['type:' + t] }),
          'aria-label': `${n} avsnitt om ${i.label || i.id} i ${typeName(t)}` }, String(n)));
      }),
      el('td', i.total ? {} : { class: 'none' }, i.total ? el('a', { href: '#/sok?' + qs({ q: 'indikator:"' + i.id + '"' }) }, String(i.total)) : '0')))));
  const download = fmt => el('a', { href: '/api/overview?' + qs({ case: r.case, format: fmt }), download: '' }, fmt.toUpperCase());
  render(heading('Oversikt over ' + r.case),
    el('p', {}, missing ? `${missing} av ${r.indicators.length} indikatorer har ingen avsnitt i saken.` : 'Alle indikatorene har avsnitt i saken.'),
    el('p', { class: 'downloads' }, 'Last ned tabellen: ', download('xlsx'), ' · ', download('csv')),
    table);
}

// ---------------------------------------------------------------- ingest

async function viewIngest() {
  const caseIn = el('input', { type: 'text', id: 'ingest-case', required: true, value: state.caseId || '', pattern: '[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._\\-]{0,99}', autocomplete: 'off', 'aria-describedby': 'ingest-case-help' });
  const muni = el('input', { type: 'text', id: 'ingest-municipality', autocomplete: 'off' });
  const file = el('input', { type: 'file', id: 'ingest-file', accept: '.zip,application/zip', required: true });
  const progress = el('progress', { id: 'ingest-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Fremdrift' });
  const progressText = el('p', { id: 'ingest-progress-text', 'aria-live': 'polite' });
  const receipt = el('div', { id: 'receipt' });
  const limitMb = Math.round(state.maxUpload / 1048576);
  const form = el('form', { class: 'ingest-form', onsubmit: async ev => {
      ev.preventDefault();
      showError('');
      const f = file.files[0];
      if (!f) { showError('Velg en .zip-fil.'); return; }
      if (!/\.zip$/i.test(f.name)) { showError('Bunken må være en .zip-fil.'); return; }
      if (f.size > state.maxUpload) { showError(`Filen er for stor (${Math.ceil(f.size / 1048576)} MB); grensen er ${limitMb} MB.`); return; }
      const submit = ev.target.querySelector('button');
      submit.disabled = true;
      try {
        progress.hidden = false;
        progressText.textContent = 'Laster opp …';
        let job = await api('POST', '/api/ingest?' + qs({ case: caseIn.value.trim(), municipality: muni.value.trim(), name: f.name }), f, 'application/zip');
        while (job.state === 'running') {
          showProgress(job, progress, progressText);
          await new Promise(r => setTimeout(r, 700));
          job = await api('GET', '/api/ingest/' + encodeURIComponent(job.id));
        }
        showProgress(job, progress, progressText);
        if (job.state === 'failed') throw new Error('Innlesingen feilet: ' + job.error);
        showReceipt(receipt, job.receipt);
        // A new case makes the uploader its lead: the roles are read again.
        state.roles = (await api('GET', '/api/session')).roles || {};
        await loadCases(job.case);
      } catch (e) {
        showError(e.message);
        progressText.textContent = '';
      } finally { submit.disabled = false; }
    } },
    el('label', {}, 'Sak (f.eks. fjordvik-2026)', caseIn),
    el('span', { id: 'ingest-case-help', class: 'cite' }, 'Bokstaver, tall, punktum, _ og -. En ny sak opprettes når bunken leses inn.'),
    el('label', {}, 'Kommune (valgfritt)', muni),
    el('label', {}, `Bunke (.zip, høyst ${limitMb} MB)`, file),
    el('button', { type: 'submit' }, 'Last opp og les inn'));
  render(heading('Innlesing av en bunke'),
    el('p', {}, 'Mappene øverst i bunken gir dokumenttypen: styringsdokumenter/, journaler/, klientdokumentasjon/; en manifest.csv kan gi titler og datoer. Hver fil gjøres rede for i kvitteringen.'),
    form, progress, progressText, receipt);
  if (window.EvidensJobs) window.EvidensJobs.attach({ progress, progressText, receipt });
}

function showProgress(job, progress, text) {
  if (job.total > 0) { progress.max = job.total; progress.value = job.done; }
  const failed = job.failed ? `, ${job.failed} feilet` : '';
  text.textContent = job.state === 'done' ? `Ferdig: ${job.done} av ${job.total} filer${failed}.`
    : job.total >= 0 ? `Leser inn: ${job.done} av ${job.total} filer${failed} …` : 'Pakker ut …';
}

const STATUS = { indexed: 'lest inn', container: 'arkiv', duplicate: 'duplikat', failed: 'feilet' };

function showReceipt(box, r) {
  const files = [...r.files].sort((a, b) => (a.status === 'failed' ? 0 : 1) - (b.status === 'failed' ? 0 : 1));
  box.replaceChildren(
    el('h3', {}, 'Kvittering'),
    el('p', {}, `Sak ${r.case}: ${r.counts.indexed} lest inn, ${r.counts.duplicate} duplikater, ${r.counts.failed} feilet.`),
    el('table', { class: 'receipt' },
      el('thead', {}, el('tr', {}, ...['Fil', 'Type', 'Status', 'Hvorfor', 'Sider', 'Avsnitt'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...files.map(f => el('tr', { class: f.status },
        el('td', {}, f.path), el('td', {}, typeName(f.type)), el('td', {}, STATUS[f.status] || f.status),
        el('td', {}, reasonText(f.reason)), el('td', {}, String(f.pages)), el('td', {}, String(f.passages)))))));
}

// ---------------------------------------------------------------- start

async function loadCases(prefer) {
  const r = await api('GET', '/api/cases');
  state.cases = r.cases;
  const saved = prefer || localStorage.getItem('evidens.case');
  state.caseId = r.cases.includes(saved) ? saved : (r.cases[0] || null);
  const select = document.getElementById('case-select');
  select.replaceChildren(...(r.cases.length ? r.cases.map(c => el('option', { value: c }, c)) : [el('option', { value: '' }, '(ingen saker)')]));
  if (state.caseId) select.value = state.caseId;
}

// ---------------------------------------------------------------- members

/** The case's members; its lead (or an administrator) adds, changes and removes them. */
async function viewMembers() {
  if (needCase()) return;
  const caseId = state.caseId;
  render(heading('Medlemmer'), el('p', {}, 'Laster …'));
  let r;
  try {
    r = await api('GET', '/api/members?' + qs({ case: caseId }));
  } catch (e) { render(heading('Medlemmer'), el('p', { class: 'alert', role: 'alert' }, e.message)); return; }
  const manager = !state.signIn || state.admin || state.roles[caseId] === 'lead';
  const rows = r.members.map(m => el('tr', {},
    el('td', {}, m.user), el('td', {}, ROLE_NAMES[m.role] || m.role),
    el('td', {}, manager ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try { await api('DELETE', '/api/members/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(m.user)); await refresh(); say(m.user + ' er fjernet.'); }
      catch (e) { showError(e.message); }
    } }, 'Fjern ' + m.user) : '')));
  const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Bruker'), el('th', {}, 'Rolle'), el('th', {}, ''))),
    el('tbody', {}, ...rows));
  const nodes = [heading('Medlemmer i ' + caseId), r.members.length ? table : el('p', {}, 'Saken har ingen medlemmer ennå.')];
  if (manager) {
    const user = el('input', { type: 'text', id: 'member-user', autocomplete: 'off', required: true });
    const role = el('select', { id: 'member-role' }, ...Object.entries(ROLE_NAMES).map(([id, label]) => el('option', { value: id }, label)));
    role.value = 'auditor';
    nodes.push(el('form', { class: 'member-add', onsubmit: async ev => {
      ev.preventDefault();
      try { await api('POST', '/api/members', { case: caseId, user: user.value.trim(), role: role.value }); const added = user.value; await refresh(); say(added + ' er lagt til.'); }
      catch (e) { showError(e.message); }
    } }, el('h3', {}, 'Legg til eller endre rolle'), el('label', {}, 'Brukernavn', user), el('label', {}, 'Rolle', role),
      el('div', { class: 'buttons' }, el('button', { type: 'submit' }, 'Lagre'))));
  }
  render(...nodes);
}

const VIEWS = { medlemmer: viewMembers, sok: viewSearch, dokument: viewDocument, funn: viewFindings, oversikt: viewOverview, innlesing: viewIngest, lignende: viewLike, spor: viewAudit };

async function refresh() {
  const { name, params } = route();
  document.onselectionchange = null;
  showError('');
  say('');
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const view = VIEWS[name] || VIEWS.sok;
  await view(params);
  if (typeof caseAfterView === 'function') await caseAfterView(name);
  const h = main().querySelector('h2');
  if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
}

/** The signed-in user's name and a sign-out button in the header. */
function showUser(user) {
  const box = document.getElementById('user-box');
  box.replaceChildren(el('span', { id: 'signed-in-as' }, 'Innlogget som ' + user),
    el('button', { type: 'button', class: 'secondary', id: 'signout', onclick: async () => {
      try { await api('POST', '/api/signout'); } finally { location.replace('/signin.html'); }
    } }, 'Logg ut'));
  box.hidden = false;
}

async function start() {
  try {
    const s = await api('GET', '/api/session');
    state.token = s.token;
    state.user = s.user;
    state.maxUpload = s.maxUploadBytes;
    state.signIn = s.signIn;
    state.admin = s.admin;
    state.roles = s.roles || {};
    if (s.signIn) showUser(s.user);
    await loadTexts();
    await loadCases();
  } catch (e) {
    showError('Kan ikke nå Evidens-tjeneren: ' + e.message);
    return;
  }
  document.getElementById('case-select').addEventListener('change', ev => {
    state.caseId = ev.target.value;
    localStorage.setItem('evidens.case', state.caseId);
    refresh();
  });
  document.getElementById('attach-form').addEventListener('submit', submitAttach);
  document.getElementById('attach-cancel').addEventListener('click', () => document.getElementById('attach-dialog').close());
  document.getElementById('attach-finding').addEventListener('change', toggleNew);
  window.addEventListener('hashchange', refresh);
  refresh();
}

// after every deferred script (texts.js, search.js …) has run
document.addEventListener('DOMContentLoaded', start);
