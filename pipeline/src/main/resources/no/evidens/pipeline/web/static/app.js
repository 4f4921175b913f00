// Evidens workspace: plain JavaScript, no libraries, nothing from other sites.
// Every text that comes from a document is put on the page as text (textContent / text nodes),
// never as HTML; search snippets are rebuilt from their text and <mark> elements only.
'use strict';

const state = { token: null, user: null, maxUpload: 0, caseId: null, cases: [], signIn: false, admin: false, roles: {}, permissions: {} };
/** Whether the user may do this in the case (the session's permissions: WRITE_FINDINGS, EDIT_TEXT, EXPORT …); the single user does all. */
function may(caseId, permission) { return !state.signIn || (state.permissions[caseId] || []).includes(permission); }
const ROLE_IDS = ['lead', 'auditor', 'writer', 'reader'];
function roleName(id) { return ROLE_IDS.includes(id) ? T('ui.role.' + id) : id; }

// the facets in the order shown; their names come from the catalogue (facetName in texts.js)
const FACETS = [['type'], ['indicator'], ['lov'], ['sitat'], ['kommune'], ['tjeneste'], ['år']];
const TYPE_IDS = ['styringsdokument', 'journal', 'klientdokumentasjon', 'annet'];
const PAGE_SIZE = 10;
/** The longest query the server takes (QueryParams): a longer one is told before it is sent. */
const MAX_QUERY_CHARS = 2000;

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

/**
 * Says a message in the workspace's message line (or clears it with ''), which stays in sight however far down the
 * page the person is (app.css, .alert-bar). With a field, the message is about that field: it gets the focus, is
 * marked invalid and described by the message, and the message goes away once the field is edited.
 */
function showError(message, field) {
  const a = document.getElementById('alert');
  a.textContent = message;
  a.hidden = !message;
  document.getElementById('alert-bar').hidden = !message;
  for (const f of document.querySelectorAll('[data-told]')) untell(f);
  if (message) say('');
  if (message && field) {
    field.dataset.told = '';
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' alert').trim());
    field.addEventListener('input', () => { if (field.hasAttribute('data-told')) showError(''); }, { once: true });
    field.focus();
  }
}

/** A field no longer the message's subject: not invalid, not described by the message line. */
function untell(field) {
  delete field.dataset.told;
  field.removeAttribute('aria-invalid');
  const rest = (field.getAttribute('aria-describedby') || '').split(' ').filter(id => id && id !== 'alert').join(' ');
  if (rest) field.setAttribute('aria-describedby', rest); else field.removeAttribute('aria-describedby');
}

/** The form's field a refusal of the API is about (its "field", a JSON name, looked up in fields), else undefined. */
function refusedField(e, fields) {
  return e instanceof ApiError && e.data && Object.hasOwn(fields, e.data.field) ? fields[e.data.field] : undefined;
}

/** An error whose message is already worded for the user (from the catalogue, here or on the server). */
class WordedError extends Error {}

class ApiError extends WordedError {
  constructor(status, message, data) { super(message); this.status = status; this.data = data; }
}

/**
 * What the page says of an error: a worded one's message; anything else (a bug, the browser's own English,
 * such as "Cannot read properties of undefined") is told in the user's language, its details in the console only.
 */
function errorText(e) {
  if (e instanceof WordedError) return e.message;
  console.error('Evidens workspace:', e);
  return T('ui.common.unexpected');
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
  let res;
  // the browser's own words for a lost connection ("Failed to fetch") are English: say it from the catalogue
  try { res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' }); } catch (e) { console.error('Evidens workspace:', e); throw new ApiError(0, T('ui.common.offline')); }
  if (res.status === 401 && path !== '/api/signin') {
    // Not signed in (or the session expired): to the sign-in page.
    location.replace('/signin.html');
    throw new ApiError(401, T('ui.common.signInFirst'));
  }
  if (res.status === 204) return null;
  let answer;
  try { answer = await res.text(); } catch (e) { console.error('Evidens workspace:', e); throw new ApiError(0, T('ui.common.offline')); }
  let data = null;
  let readable = true;
  // a body that is not JSON (a proxy's HTML page, a cut-off answer): the parser's English stays in the console
  try { data = answer ? JSON.parse(answer) : null; } catch (e) { readable = false; console.error('Evidens workspace:', path, e); }
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || T('ui.common.error', res.status), data);
  if (!readable) throw new ApiError(res.status, T('ui.common.unreadable'));
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

function typeName(t) { return TYPE_IDS.includes(t) ? T('ui.type.' + t) : t; }

function citation(h) {
  return T('ui.common.citation', h.file, typeName(h.type), h.page, h.start, h.end);
}

function heading(text) {
  const h = el('h2', { tabindex: '-1' }, text);
  return h;
}

/** A wide table in a box of its own that scrolls sideways at a phone's width, reachable from the keyboard. */
function wideTable(table, label) {
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, table);
}

function render(...nodes) {
  const m = main();
  m.replaceChildren(...nodes.filter(n => n !== null && n !== undefined));
}

function needCase() {
  if (state.caseId) return false;
  render(heading(T('ui.case.noneTitle')),
    el('p', {}, T('ui.case.noneText'), ' ', el('a', { href: '#/innlesing' }, T('ui.case.noneLink')), '.'));
  return true;
}

// ---------------------------------------------------------------- search (the view itself is search.js)

function hitItem(h, r, q, filters) {
  const used = (r.usedBy || {})[h.passageId] || [];
  const provenance = { query: q, filters: Object.fromEntries([['case', h.case], ...filters.map(f => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)])]) };
  return el('li', { class: 'hit' },
    el('h3', {}, el('a', { href: '#/dokument?' + qs({ case: h.case, doc: h.docId, q, at: h.start }) }, h.title || h.file)),
    el('div', { class: 'cite' }, citation(h), h.heading ? ' · ' + h.heading : ''),
    el('p', { class: 'snippet' }, ...snippetNodes(h.snippet)),
    indicatorsWhy(h),
    used.length ? el('div', {}, ...used.map(u => el('span', { class: 'used' }, T('ui.hit.usedIn', u.label)))) : null,
    el('div', { class: 'actions' },
      !may(h.case, 'WRITE_FINDINGS') ? null : el('button', { type: 'button', 'data-passage': h.passageId,
        onclick: () => openAttach({ passageId: h.passageId, quote: h.text, source: citation(h), provenance, back: `[data-passage="${CSS.escape(h.passageId)}"]` }) },
        T('ui.hit.attach')),
      el('a', { class: 'button secondary', href: '#/dokument?' + qs({ case: h.case, doc: h.docId, q, at: h.start }) }, T('ui.hit.read')),
      el('a', { class: 'button secondary', href: '#/lignende?' + qs({ id: h.passageId }) }, T('ui.hit.like'))));
}

async function viewLike(params) {
  const id = params.get('id');
  render(heading(T('ui.hit.like')), el('p', {}, T('ui.common.loading')));
  try {
    const [p, r] = await Promise.all([api('GET', '/api/passage?' + qs({ id, context: 0 })), api('GET', '/api/like?' + qs({ id, limit: 10 }))]);
    const src = p.passage;
    render(heading(T('ui.hit.like')),
      el('p', {}, T('ui.like.intro'), ' ', el('a', { href: '#/dokument?' + qs({ case: src.case, doc: src.docId, at: src.start }) }, src.title || src.file), ':'),
      el('blockquote', {}, src.text),
      el('ol', { class: 'hits' }, ...r.hits.map(h => hitItem(h, { usedBy: {} }, '', []))));
  } catch (e) { showError(errorText(e)); }
}

// ---------------------------------------------------------------- document reader

let selectionSpan = null;

/**
 * The reader asks for the text a window at a time (/api/document?around=…, the server's TextWindow): a small document
 * comes whole in its first window; a large one (an 18 MB log) comes a window of this many characters at a time, the next
 * one fetched as the auditor scrolls near an end of what is loaded, or around the place a hit or quotation link jumps to.
 * Every segment of the text carries its document offset (data-s), so a selection's offsets stay the document's own.
 */
const WINDOW = 200000;
/** How close (pixels) to an end of the loaded text the scrolling comes before the next window is fetched. */
const WINDOW_MARGIN = 1500;
/** A passage is at most a few thousand characters: one starting closer than this to a window's edge may run past it. */
const PASSAGE_REACH = 10000;
/**
 * At most this much of a large document is kept loaded: the windows farthest from where the auditor reads are let go
 * as new ones come in (fetched again when scrolled back to), so a reader scrolled through 18 MB holds three windows, not
 * all of it. A window holding the selection is kept, so its offsets and quote stay the document's own.
 */
const LOADED_MAX = 3 * WINDOW;

async function viewDocument(params, goTo) {
  const caseId = params.get('case');
  const docId = params.get('doc');
  const q = params.get('q') || '';
  const at = parseInt(params.get('at') || '-1', 10);
  // one trail line per opening of the reader, not one per window (the server's OpeningTrail)
  const opening = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
  const fetchWindow = (where, outline) => api('GET', '/api/document?' + qs({ case: caseId, doc: docId, q, ...where, size: WINDOW, opening,
    outline: outline ? '' : 'false' }));
  render(heading(T('ui.doc.title')), el('p', {}, T('ui.common.loading')));
  let r;
  try {
    r = await fetchWindow({ around: Math.max(0, goTo !== undefined ? goTo : at) }, true);
  } catch (e) { render(heading(T('ui.doc.title')), el('p', { class: 'alert', role: 'alert' }, errorText(e))); return; }
  const d = r.document;
  const starts = r.matchStarts || [];
  // the loaded part of the text: [from, to) of the document, its text; grows as windows are added, replaced by a jump
  const view = { from: r.window.from, to: r.window.to, text: r.window.text };
  const whole = () => view.from === 0 && view.to === d.length;
  const textBox = el('div', { class: 'doc-text', id: 'doc-text', tabindex: '0', 'aria-label': T('ui.doc.textLabel') });
  // the windows loaded, in order: each one's [from, to) and the nodes drawn for it, to let it go as a whole
  let parts = [];
  const draw = (from, text, marks) => {
    const frag = buildText(d, from, text, marks, r.evidence);
    return { part: { from, to: from + text.length, nodes: Array.from(frag.childNodes) }, frag };
  };
  { const first = draw(view.from, view.text, r.marks); parts = [first.part]; textBox.append(first.frag); }
  selectionSpan = null;
  const selInfo = el('span', { id: 'selection-info', class: 'cite' }, T('ui.doc.selectHint'));
  const attachBtn = el('button', { type: 'button', id: 'attach-selection', disabled: true, onclick: () => {
      if (!selectionSpan) return;
      const quote = view.text.slice(selectionSpan.start - view.from, selectionSpan.end - view.from);
      const from = selectionSpan.start;
      openAttach({ docId: d.docId, caseId: d.case, start: selectionSpan.start, end: selectionSpan.end, quote,
        source: T('ui.common.citation', d.title || d.file, typeName(d.type), pageOf(d, selectionSpan.start), selectionSpan.start, selectionSpan.end),
        provenance: q ? { query: q, filters: { case: d.case } } : null, after: () => readOn(params, from) });
    } }, T('ui.doc.attachSelection'));
  const marksNow = () => Array.from(textBox.querySelectorAll('mark'));
  const status = el('p', { class: 'cite', id: 'window-status', 'aria-live': 'polite' });
  let loading = null;
  /** Adds the window after (dir 1) or before (dir -1) the loaded text, keeping the place the auditor reads at. */
  function extend(dir) {
    if (loading) return loading;
    if (dir > 0 ? view.to >= d.length : view.from <= 0) return Promise.resolve();
    const from = dir > 0 ? view.to : Math.max(0, view.from - WINDOW);
    const edge = dir > 0 ? view.to : view.from;
    status.textContent = T('ui.doc.loadingMore');
    loading = fetchWindow({ from }, false).then(w => {
      if ((dir > 0 ? view.to : view.from) !== edge) return; // a jump replaced the loaded text meanwhile
      // a window before the loaded text ends where it begins (the server may have run its end on to a line's end)
      const to = dir > 0 ? w.window.to : Math.min(w.window.to, view.from);
      const text = w.window.text.slice(0, to - w.window.from);
      const { part, frag } = draw(w.window.from, text, w.marks.filter(m => m.start < to));
      keepingPlace(() => {
        if (dir > 0) {
          textBox.append(frag);
          parts.push(part);
          view.text += text;
          view.to = to;
        } else {
          textBox.prepend(frag);
          parts.unshift(part);
          view.text = text + view.text;
          view.from = w.window.from;
        }
        letGo(dir > 0 ? -1 : 1);
      });
      status.textContent = '';
    }).catch(e => { status.textContent = errorText(e); }).finally(() => { loading = null; });
    return loading;
  }
  /**
   * Changes the loaded text with the line the auditor reads at kept in its place on the screen: the first segment
   * showing, measured before and after (whatever the browser's own scroll anchoring did meanwhile).
   */
  function keepingPlace(change) {
    const pane = textBox.getBoundingClientRect();
    const anchor = Array.from(textBox.querySelectorAll('[data-s]')).find(x => x.getBoundingClientRect().bottom > pane.top);
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (anchor && anchor.isConnected) textBox.scrollTop += anchor.getBoundingClientRect().top - before;
  }
  /**
   * Lets go of the windows at one end (-1 the start, 1 the end) while more than LOADED_MAX is loaded; never the one
   * being read (the last left), nor one the selection touches (the text to attach stays drawn and in view.text).
   */
  function letGo(end) {
    const sel = selectedSpan(textBox) || selectionSpan;
    while (view.to - view.from > LOADED_MAX && parts.length > 1) {
      const p = end < 0 ? parts[0] : parts[parts.length - 1];
      if (sel && sel.start < p.to && sel.end > p.from) return;
      p.nodes.forEach(n => n.remove());
      if (end < 0) {
        parts.shift();
        view.text = view.text.slice(p.to - view.from);
        view.from = p.to;
      } else {
        parts.pop();
        view.text = view.text.slice(0, p.from - view.from);
        view.to = p.from;
      }
    }
  }
  /** Shows the window around a document offset in place of the loaded text (a jump far from it). */
  async function jump(offset) {
    while (loading) await loading;
    status.textContent = T('ui.doc.loadingMore');
    loading = fetchWindow({ around: offset }, false).then(w => {
      const { part, frag } = draw(w.window.from, w.window.text, w.marks);
      textBox.replaceChildren(frag);
      parts = [part];
      Object.assign(view, { from: w.window.from, to: w.window.to, text: w.window.text });
      status.textContent = '';
    }).catch(e => { status.textContent = errorText(e); }).finally(() => { loading = null; });
    return loading;
  }
  /** Scrolls to a document offset, fetching its window first when it is not loaded. */
  async function goToOffset(offset) {
    if (offset < view.from || offset >= view.to) await jump(offset);
    scrollToOffset(textBox, offset);
  }
  textBox.addEventListener('scroll', () => {
    if (textBox.scrollTop + textBox.clientHeight > textBox.scrollHeight - WINDOW_MARGIN) extend(1);
    else if (textBox.scrollTop < WINDOW_MARGIN) extend(-1);
  });
  let currentAt = -1;
  const hitNav = el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', disabled: !(r.marks.length || starts.length), onclick: () => step(-1) }, T('ui.doc.prevHit')),
    el('button', { type: 'button', class: 'secondary', disabled: !(r.marks.length || starts.length), onclick: () => step(1) }, T('ui.doc.nextHit')));
  function show(m) {
    textBox.querySelectorAll('mark.current').forEach(x => x.classList.remove('current'));
    m.classList.add('current');
    m.scrollIntoView({ block: 'center' });
    currentAt = +m.dataset.s;
    if (whole()) {
      const all = marksNow();
      say(T('ui.doc.hitOf', all.indexOf(m) + 1, all.length));
    } else {
      say(T('ui.doc.hitInPassage', Math.max(1, starts.filter(s => s <= currentAt).length), starts.length));
    }
  }
  /** The next (dir 1) or previous (dir -1) hit, in the loaded text or past it (its window fetched); round at the ends. */
  async function step(dir) {
    for (let tries = 0; tries < 6; tries++) {
      const ms = marksNow();
      const m = dir > 0 ? ms.find(x => +x.dataset.s > currentAt) : ms.filter(x => +x.dataset.s < currentAt).pop();
      if (m) { show(m); return; }
      if (whole() || !starts.length) {
        if (!ms.length) return;
        currentAt = dir > 0 ? -1 : Infinity; // round to the first or last hit
        continue;
      }
      if (dir > 0) {
        const last = starts.filter(s => s < view.to).pop();
        const next = starts.find(s => s >= view.to);
        if (last !== undefined && view.to - last < PASSAGE_REACH && view.to < d.length) await extend(1);
        else if (next !== undefined) await (next - view.to < WINDOW ? extend(1) : jump(next));
        else { currentAt = -1; if (view.from > 0) await jump(starts[0]); }
      } else {
        const prev = starts.filter(s => s < view.from).pop();
        if (prev !== undefined) await (view.from - prev < WINDOW ? extend(-1) : jump(prev));
        else { currentAt = Infinity; if (view.to < d.length) await jump(starts[starts.length - 1]); }
      }
    }
  }
  const byFinding = new Map();
  for (const e of r.evidence) {
    if (!byFinding.has(e.ref)) byFinding.set(e.ref, { label: e.label, title: e.title, items: [] });
    byFinding.get(e.ref).items.push(e);
  }
  const hitsTitle = !q ? T('ui.doc.noSearch') : whole() ? T('ui.doc.hitsFor', q, r.marks.length) : T('ui.doc.hitsInPassages', q, starts.length);
  const side = el('aside', { class: 'side', 'aria-label': T('ui.doc.about') },
    el('section', {}, el('h3', {}, T('ui.doc.theDocument')),
      el('div', { class: 'cite' }, `${d.file} · ${typeName(d.type)} · ${d.pageStarts.length} ${T(d.pageStarts.length === 1 ? 'ui.common.page' : 'ui.common.pages')}`),
      whole() ? null : el('p', { class: 'cite', id: 'window-note' }, T('ui.doc.inParts', d.length.toLocaleString('nb-NO'))), status),
    el('section', {}, el('h3', {}, hitsTitle), hitNav),
    el('section', {}, el('h3', {}, T('ui.doc.findingsUsing')),
      byFinding.size ? el('ul', {}, ...Array.from(byFinding.entries()).map(([ref, f]) =>
        el('li', {}, el('a', { href: '#/funn?' + qs({ ref }) }, f.label), ': ', f.title,
          el('ul', {}, ...f.items.map(i => el('li', {}, el('a', { href: '#', onclick: ev => { ev.preventDefault(); goToOffset(i.start); } },
            T('ui.common.charRange', i.start, i.end)))))))) : el('p', { class: 'cite' }, T('ui.common.none'))));
  // an earlier version of a file a corrected bundle replaced: say so, and lead to the newest
  const newer = r.newerVersion ? [el('p', { class: 'note', id: 'newer-version', role: 'note' }, T('ui.doc.newerVersion', d.file), ' ',
    el('a', { href: '#/dokument?' + qs({ case: d.case, doc: r.newerVersion.docId, q }) }, T('ui.doc.newerVersionLink')))] : [];
  render(heading(d.title || d.file), ...newer,
    el('div', { class: 'selection-bar', hidden: !may(d.case, 'WRITE_FINDINGS') }, attachBtn, selInfo),
    el('div', { class: 'doc-layout' }, textBox, side));
  const onSel = () => {
    const span = selectedSpan(textBox);
    selectionSpan = span;
    attachBtn.disabled = !span;
    selInfo.textContent = span ? T('ui.doc.selected', span.start, span.end, span.end - span.start, pageOf(d, span.start)) : T('ui.doc.selectHint');
  };
  document.onselectionchange = onSel;
  if (window.EvidensReader) window.EvidensReader.attach({ d, view, textBox, attachBtn, at, to: parseInt(params.get('to') || '-1', 10), layout: main().querySelector('.doc-layout') });
  if (at >= 0 && goTo === undefined) {
    const m = marksNow().find(x => +x.dataset.s >= at);
    if (m) show(m); else scrollToOffset(textBox, at);
  }
}

/** The document drawn anew (with the new quotation underlined), the reader back at the quotation, the focus in its text. */
async function readOn(params, offset) {
  await viewDocument(params, offset);
  const box = document.getElementById('doc-text');
  if (!box) return;
  scrollToOffset(box, offset);
  box.focus({ preventScroll: true });
}

function pageOf(d, offset) {
  let p = 1;
  d.pageStarts.forEach((s, i) => { if (s <= offset) p = i + 1; });
  return p;
}

/**
 * The text [from, from + text.length) of the document laid out in segments, each with its document offset in data-s:
 * page breaks, marks and quoted spans (a fragment, to put in the text box or before or after what is in it).
 */
function buildText(d, from, text, marks, evidence) {
  const box = document.createDocumentFragment();
  const to = from + text.length;
  const inside = x => x >= from && x <= to;
  const cuts = new Set([from, to]);
  d.pageStarts.forEach(s => { if (inside(s)) cuts.add(s); });
  marks.forEach(m => { if (inside(m.start)) cuts.add(m.start); if (inside(m.end)) cuts.add(m.end); });
  evidence.forEach(e => { if (inside(e.start)) cuts.add(e.start); if (inside(e.end)) cuts.add(e.end); });
  const points = Array.from(cuts).sort((a, b) => a - b);
  const pageAt = new Map(d.pageStarts.map((s, i) => [s, i + 1]));
  for (let i = 0; i < points.length; i++) {
    const s = points[i];
    // a page break at the window's end is drawn with the window after it (the text's end has none)
    if (pageAt.has(s) && (s < to || s === 0)) {
      box.append(el('span', { class: 'page-break', 'aria-hidden': 'false', role: 'heading', 'aria-level': '3' }, T('ui.doc.pageBreak', pageAt.get(s))));
    }
    if (i + 1 >= points.length) break;
    const e = points[i + 1];
    if (e <= s) continue;
    const marked = marks.some(m => m.start <= s && e <= m.end);
    const quoted = evidence.filter(q => q.start <= s && e <= q.end);
    const seg = el(marked ? 'mark' : 'span', { dataset: { s: String(s) } }, text.slice(s - from, e - from));
    if (quoted.length) {
      seg.classList.add('quoted');
      seg.title = T('ui.doc.quotedIn', quoted.map(q => q.label).join(', '));
    }
    box.append(seg);
  }
  return box;
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
  tellAttach('');
  document.getElementById('attach-note').value = '';
  document.getElementById('attach-contradicts').checked = false;
  document.getElementById('attach-new-title').value = '';
  document.getElementById('attach-new-req').value = '';
  const select = document.getElementById('attach-finding');
  let findings = [];
  try { findings = await api('GET', '/api/findings?' + qs({ case: state.caseId })); } catch (e) { findings = []; }
  // an approved finding is locked (the server refuses a quotation to it): shown, but not to be chosen, nor chosen first
  const open = findings.filter(f => f.status !== 'godkjent');
  select.replaceChildren(el('option', { value: '' }, T('ui.attach.newOption')),
    ...findings.map(f => el('option', { value: f.ref, disabled: f.status === 'godkjent' },
      `${f.label}: ${f.title}` + (f.status === 'godkjent' ? ' ' + T('ui.attach.lockedOption') : ''))));
  select.value = open.length ? open[open.length - 1].ref : '';
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
  tellAttach('');
  const caseId = req.caseId || state.caseId;
  const title = document.getElementById('attach-new-title');
  const reqs = document.getElementById('attach-new-req');
  const note = document.getElementById('attach-note');
  const ref = document.getElementById('attach-finding').value;
  // checked here, at the field and in words: the server would name its JSON fields («title», «note»)
  if (!ref && !title.value.trim()) { tellAttach(T('ui.attach.needTitle'), title); return; }
  if (!findingFits(ref ? null : title, [...(ref ? [] : [[reqs, 'ui.findings.fieldReq']]), [note, 'ui.attach.fieldNote']], tellAttach)) return;
  try {
    const body = { stance: document.getElementById('attach-contradicts').checked ? 'contradicts' : 'supports' };
    if (note.value.trim()) body.note = note.value.trim();
    if (req.passageId) body.passageId = req.passageId; else { body.docId = req.docId; body.start = req.start; body.end = req.end; }
    if (req.provenance && req.provenance.query) { body.query = req.provenance.query; body.filters = req.provenance.filters; }
    let f;
    if (!ref) {
      const requirements = reqs.value.split('\n').map(s => s.trim()).filter(Boolean);
      // One request: the new finding is created with its first quotation, or not at all.
      f = await api('POST', '/api/findings', { case: caseId, kind: document.getElementById('attach-kind').value, title: title.value.trim(), requirements, evidence: body });
    } else {
      f = await api('POST', '/api/findings/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(ref) + '/evidence', body);
    }
    document.getElementById('attach-dialog').close();
    // the focus back where the quotation was chosen (the view is drawn anew): the reader's text, or the hit's button
    if (req.after) await req.after(); else { focusAfter = req.back || null; await refresh(); }
    say(T(f.evidence.length === 1 ? 'ui.attach.done1' : 'ui.attach.doneN', f.label, f.evidence.length));
  } catch (e) {
    tellAttach(errorText(e), refusedField(e, { title, requirements: reqs, note }));
  }
}

// ---------------------------------------------------------------- findings

async function viewFindings(params) {
  if (needCase()) return;
  const caseId = state.caseId;
  let findings;
  try { findings = await api('GET', '/api/findings?' + qs({ case: caseId })); } catch (e) { render(heading(T('ui.findings.title')), el('p', { class: 'alert' }, errorText(e))); return; }
  // before an anonymised download: the findings whose own words name a person the quotations mask (not anonymised)
  const ownWords = el('div', { id: 'export-own-words', class: 'cite export-check-note', role: 'status', hidden: true });
  const anon = el('input', { type: 'checkbox', id: 'anonymise', onchange: ev => showOwnWords(caseId, ownWords, ev.target.checked) });
  const exportLink = (fmt, label) => el('a', { class: 'button', id: 'export-' + fmt, href: '/api/export?' + qs({ case: caseId, format: fmt }),
    download: '', onclick: ev => { ev.currentTarget.href = '/api/export?' + qs({ case: caseId, format: fmt, anonymise: anon.checked ? 'true' : null }); } }, label);
  // the report's own words («Kilde», «Kjelde» …): the language kept for the case, as the command line's export uses it
  const exportLanguage = el('select', { id: 'export-language', onchange: async ev => {
      try {
        await api('POST', '/api/eksport-sprak', { case: caseId, sprak: ev.target.value });
        say(T('ui.findings.exportLanguageSet', T('ui.language.' + ev.target.value)));
      } catch (e) { showError(errorText(e)); }
    } }, ...['nb', 'nn'].map(code => el('option', { value: code }, T('ui.language.' + code))));
  if (may(caseId, 'EXPORT')) api('GET', '/api/eksport-sprak?' + qs({ case: caseId })).then(r => { exportLanguage.value = r.sprak; }, () => {});
  const exportBar = el('section', { class: 'export', 'aria-label': T('ui.findings.export') }, el('strong', {}, T('ui.findings.exportLead')),
    exportLink('docx', 'Word (DOCX)'), exportLink('md', 'Markdown'), exportLink('csv', 'CSV'), exportLink('xlsx', 'Excel (XLSX)'),
    el('label', { class: 'inline' }, anon, T('ui.findings.anonymise')),
    el('label', { class: 'inline' }, T('ui.findings.exportLanguage'), ' ', exportLanguage), ownWords);
  const kind = el('select', { id: 'new-kind', name: 'kind' }, ...['avvik', 'merknad', 'observasjon'].map(k => el('option', { value: k }, T('ui.kind.' + k))));
  const title = el('input', { type: 'text', id: 'new-title', required: true, autocomplete: 'off' });
  const reqs = el('textarea', { id: 'new-req', rows: '2' });
  const text = el('textarea', { id: 'new-text', rows: '3' });
  const newForm = el('details', { class: 'new-finding' }, el('summary', {}, T('ui.findings.new')),
    el('form', { onsubmit: async ev => {
        ev.preventDefault();
        if (!findingFits(title, [[reqs, 'ui.findings.fieldReq'], [text, 'ui.findings.fieldText']])) return;
        try {
          await api('POST', '/api/findings', { case: caseId, kind: kind.value, title: title.value, text: text.value,
            requirements: reqs.value.split('\n').map(s => s.trim()).filter(Boolean) });
          await refresh();
          say(T('ui.findings.created'));
        } catch (e) { showError(errorText(e), refusedField(e, { title, requirements: reqs, text })); }
      } },
      el('label', {}, T('ui.findings.kind'), kind), el('label', {}, T('ui.findings.fieldTitle'), title),
      el('label', {}, T('ui.findings.fieldReq'), reqs), el('label', {}, T('ui.findings.fieldText'), text),
      el('button', { type: 'submit' }, T('ui.findings.create'))));
  render(heading(T('ui.findings.titleCase', caseId)),
    findings.length ? (may(caseId, 'EXPORT') ? exportBar : null) : el('p', { id: 'findings-none' }, T('ui.findings.none')),
    may(caseId, 'WRITE_FINDINGS') ? newForm : null, ...findings.map(f => findingCard(caseId, f, findings)));
  // the check of the quotations: verify.js
  if (window.EvidensVerify) await window.EvidensVerify.attach(caseId, findings);
  const ref = params.get('ref');
  if (ref) { const c = document.getElementById('finding-' + ref); if (c) c.scrollIntoView(); }
}

/** The notice beside the export: which finding's title or text names a person the anonymised quotations mask. */
async function showOwnWords(caseId, box, anonymised) {
  box.hidden = !anonymised;
  if (!anonymised) return;
  box.replaceChildren(T('ui.findings.ownWordsChecking'));
  try {
    const r = await api('GET', '/api/export/own-words?' + qs({ case: caseId }));
    const named = r.namesInOwnWords;
    if (!named.length) { box.replaceChildren(T('ui.findings.ownWordsNone')); return; }
    box.replaceChildren(el('strong', {}, T('ui.findings.ownWords')), el('ul', {}, ...named.map(n =>
      el('li', { dataset: { ref: n.ref, field: n.field } }, T('ui.findings.ownWords.' + n.field, n.label + ' (' + n.ref + ')',
        n.names.map(name => '«' + name + '»').join(', '))))));
  } catch (e) { box.replaceChildren(errorText(e)); }
}

function findingCard(caseId, f, all) {
  const base = '/api/findings/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(f.ref);
  const title = el('input', { type: 'text', value: f.title, required: true });
  const reqs = el('textarea', { rows: '2' }, f.requirements.map(r => r.text).join('\n'));
  const text = el('textarea', { rows: '3' }, f.text || '');
  const conflictBox = el('div', { class: 'conflict', id: 'conflict-' + f.ref, hidden: true, role: 'alert' });
  // a report writer changes the wording only (EDIT_TEXT): the title and requirements are the auditors' (WRITE_FINDINGS)
  const writes = may(caseId, 'WRITE_FINDINGS');
  title.readOnly = !writes;
  reqs.readOnly = !writes;
  const save = async version => {
    const change = { title: title.value, text: text.value,
      requirements: reqs.value.split('\n').map(s => s.trim()).filter(Boolean), version };
    // only what changed is sent: an unchanged title sent along made a report writer's new wording a change of the title (403)
    const sent = { text: change.text, version };
    if (change.title !== f.title) sent.title = change.title;
    if (change.requirements.join('\n') !== f.requirements.map(r => r.text).join('\n')) sent.requirements = change.requirements;
    try {
      await api('PATCH', base, sent);
      focusAfter = '#h-' + f.ref;
      await refresh();
      say(T('ui.findings.saved', f.label));
    } catch (e) {
      if (e.status === 409 && e.data && e.data.current) showConflict(conflictBox, f, change, e.data.current, save);
      else showError(errorText(e), refusedField(e, { title, requirements: reqs, text }));
    }
  };
  const edit = !may(caseId, 'EDIT_TEXT') ? null : f.status === 'godkjent'
    ? el('p', { class: 'cite' }, T('ui.findings.locked'))
    : el('details', {}, el('summary', {}, T('ui.findings.edit')),
      el('form', { onsubmit: ev => { ev.preventDefault(); if (findingFits(title, [[reqs, 'ui.findings.fieldReq'], [text, 'ui.findings.fieldText']])) save(f.version); } },
        el('label', {}, T('ui.findings.fieldTitle'), title), el('label', {}, T('ui.findings.fieldReq'), reqs), el('label', {}, T('ui.findings.fieldText'), text),
        el('div', { class: 'buttons' }, el('button', { type: 'submit' }, T('ui.common.save')),
          !writes ? null : el('button', { type: 'button', class: 'danger', onclick: async () => {
              if (!await ask(T('ui.findings.deleteTitle', f.label), T('ui.findings.deleteConfirm', f.label), T('ui.ask.delete'))) return;
              try { await api('DELETE', base, undefined, undefined, f.version); await refresh(); say(T('ui.findings.deleted', f.label)); } catch (e) { showError(errorText(e)); }
            } }, T('ui.findings.delete')))));
  const ev = f.evidence;
  const items = el('ol', { class: 'evidence', 'aria-label': T('ui.findings.quotesIn', f.label) }, ...ev.map((e, i) => {
    const itemPath = '/api/evidence/' + encodeURIComponent(caseId) + '/' + e.id;
    // the focus then goes to the finding the quotation is in, and the status says so (it went to the page's top)
    const move = async (body, done) => {
      try { await api('PATCH', itemPath, body); focusAfter = '#h-' + (body.to || f.ref); await refresh(); say(done); } catch (x) { showError(errorText(x)); }
    };
    // an approved finding is locked until the lead reopens it: its quotations stay where they are, and none is moved to it
    const locked = f.status === 'godkjent';
    const others = all.filter(o => o.ref !== f.ref && o.status !== 'godkjent');
    // chosen, then moved with its own button: a select that acted on change moved the quotation at the first arrow key
    const target = el('select', { 'aria-label': T('ui.findings.moveTarget', i + 1), disabled: locked },
      el('option', { value: '' }, T('ui.findings.moveToOption')), ...others.map(o => el('option', { value: o.ref }, o.label)));
    const moveTo = others.length ? el('span', { class: 'move-to' }, target, el('button', { type: 'button', class: 'secondary', disabled: locked, 'aria-label': T('ui.findings.moveTo', i + 1),
      onclick: () => {
        const to = others.find(o => o.ref === target.value);
        if (!to) { showError(T('ui.findings.chooseTarget'), target); return; }
        move({ to: to.ref }, T('ui.findings.quoteMoved', to.label));
      } }, T('ui.findings.move'))) : null;
    return el('li', { class: e.stance === 'contradicts' ? 'contradicts' : '', dataset: { item: String(e.id) } },
      el('blockquote', {}, (e.stance === 'contradicts' ? T('ui.findings.contradicts') : '') + '«' + e.quote + '»'),
      el('div', { class: 'cite' }, T('ui.findings.source', e.source, e.citation.file, e.citation.start, e.citation.end, e.id)),
      e.note ? el('div', { class: 'cite' }, T('ui.findings.note', e.note)) : null,
      el('div', { class: 'actions' },
        !writes ? null : el('button', { type: 'button', class: 'secondary', disabled: locked || i === 0, 'aria-label': T('ui.findings.moveUp', i + 1), onclick: () => move({ position: i }, T('ui.findings.quoteMovedUp')) }, T('ui.findings.up')),
        !writes ? null : el('button', { type: 'button', class: 'secondary', disabled: locked || i === ev.length - 1, 'aria-label': T('ui.findings.moveDown', i + 1), onclick: () => move({ position: i + 2 }, T('ui.findings.quoteMovedDown')) }, T('ui.findings.down')),
        writes ? moveTo : null,
        el('a', { class: 'button secondary', href: '#/dokument?' + qs({ case: caseId, doc: e.citation.docId, at: e.citation.start, to: e.citation.end }) }, T('ui.findings.showInDoc')),
        !writes ? null : el('button', { type: 'button', class: 'danger', disabled: locked, 'aria-label': T('ui.findings.removeQuote', i + 1, f.label), onclick: async () => {
            if (!await ask(T('ui.findings.removeQuoteTitle', i + 1, f.label), T('ui.findings.removeQuoteConfirm', f.label), T('ui.ask.remove'))) return;
            try { await api('DELETE', itemPath); focusAfter = '#h-' + f.ref; await refresh(); say(T('ui.findings.quoteRemoved')); } catch (x) { showError(errorText(x)); }
          } }, T('ui.common.remove'))));
  }));
  return el('article', { class: 'finding', id: 'finding-' + f.ref, 'aria-labelledby': 'h-' + f.ref },
    // the report's name for it (its order numbers it); the reference the command line and the addresses use, where they differ
    el('h3', { id: 'h-' + f.ref, tabindex: '-1' }, f.reportNumber && f.reportNumber !== f.number ? `${f.label} (${f.ref}): ${f.title}` : `${f.label}: ${f.title}`),
    may(caseId, 'EDIT_TEXT') ? orderBar(base, f, all) : null,
    f.requirements.length ? el('p', { class: 'cite' }, T('ui.findings.requirements', f.requirements.map(r => r.text).join('; '))) : null,
    f.text ? el('p', {}, f.text) : null,
    el('p', { class: 'cite' }, T(ev.length === 1 ? 'ui.findings.status1' : 'ui.findings.statusN', f.status, ev.length, localDate(f.updatedAt, true), f.updatedBy)),
    ev.length ? items : el('p', { class: 'cite' }, T('ui.findings.noQuotes')),
    reviewBar(base, f), conflictBox, edit,
    el('p', {}, el('a', { href: '#/historikk?' + qs({ ref: f.ref }), id: 'history-' + f.ref }, T('ui.findings.history', f.label))));
}

/** «Flytt opp» / «Flytt ned»: the finding's place in the report (an approved one stays where it is until reopened). */
function orderBar(base, f, all) {
  const at = all.findIndex(o => o.ref === f.ref);
  const locked = f.status === 'godkjent';
  const move = async position => {
    try {
      const order = await api('POST', base + '/position', { position, version: f.version });
      const now = order.find(o => o.ref === f.ref);
      focusAfter = '#h-' + f.ref;
      await refresh();
      say(T('ui.findings.findingMoved', f.ref, now ? now.label : f.label, now ? now.position : position));
    } catch (e) { showError(errorText(e)); }
  };
  return el('div', { class: 'actions order', 'aria-label': T('ui.findings.orderLabel', f.label) },
    el('button', { type: 'button', class: 'secondary', id: 'order-' + f.ref + '-up', disabled: at <= 0 || locked,
      'aria-label': T('ui.findings.moveFindingUp', f.label), onclick: () => move(f.position - 1) }, T('ui.findings.findingUp')),
    el('button', { type: 'button', class: 'secondary', id: 'order-' + f.ref + '-down', disabled: at < 0 || at === all.length - 1 || locked,
      'aria-label': T('ui.findings.moveFindingDown', f.label), onclick: () => move(f.position + 1) }, T('ui.findings.findingDown')));
}

const STATUS_NEXT = {
  utkast: [['submit', 'ui.review.submit']],
  'til gjennomgang': [['approve', 'ui.review.approve'], ['reopen', 'ui.review.back']],
  godkjent: [['reopen', 'ui.review.reopen']]
};

/** Whether this user may approve (and reopen an approved finding): the case's lead (APPROVE), or the single user. */
function mayApprove(caseId) { return !state.signIn || state.roles[caseId] === 'lead'; }

/** The review steps the finding's status allows: utkast → til gjennomgang → godkjent, and back. */
function reviewBar(base, f) {
  const leadOnly = ([step]) => step === 'approve' || (step === 'reopen' && f.status === 'godkjent');
  const steps = (STATUS_NEXT[f.status] || STATUS_NEXT.utkast)
    .filter(s => leadOnly(s) ? mayApprove(state.caseId) : may(state.caseId, 'WRITE_FINDINGS'));
  // none for this role: no empty labelled box (a div may not carry a label alone)
  if (!steps.length) return null;
  return el('div', { class: 'actions review', 'aria-label': T('ui.review.label', f.label) }, ...steps.map(([step, label]) =>
    el('button', { type: 'button', class: step === 'approve' ? '' : 'secondary', 'data-step': step, onclick: async () => {
        try { await api('POST', base + '/' + step, { version: f.version }); focusAfter = '#h-' + f.ref; await refresh(); say(T('ui.review.done.' + step, f.label)); } catch (e) { showError(errorText(e)); }
      } }, T(label))));
}

/** Someone saved the finding in between: shows their version beside this one, and lets the person choose. */
function showConflict(box, f, mine, current, save) {
  const row = (label, a, b) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, a || ''), el('td', {}, b || ''));
  box.replaceChildren(
    el('p', {}, T('ui.conflict.intro', current.updatedBy, f.label, current.version, mine.version)),
    el('table', { class: 'audit' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', { scope: 'col' }, T('ui.conflict.mine')), el('th', { scope: 'col' }, T('ui.conflict.saved')))),
      el('tbody', {}, row(T('ui.findings.fieldTitle'), mine.title, current.title), row(T('ui.findings.fieldReq'), mine.requirements.join('; '), current.requirements.map(r => r.text).join('; ')),
        row(T('ui.findings.fieldText'), mine.text, current.text), row(T('ui.conflict.status'), f.status, current.status))),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', onclick: () => save(current.version) }, T('ui.conflict.keepMine')),
      el('button', { type: 'button', class: 'secondary', onclick: () => refresh() }, T('ui.conflict.discard'))));
  box.hidden = false;
}

// ---------------------------------------------------------------- audit trail

/** An audit entry's action in words (the catalogue's ui.audit.action.*), or its id. */
function auditAction(a) { return TEXTS.tekster['ui.audit.action.' + a] || a; }

async function viewAudit(params) {
  if (needCase()) return;
  const caseId = state.caseId;
  const user = params.get('bruker') || '';
  const since = params.get('fra') || '';
  let r;
  try { r = await api('GET', '/api/cases/' + encodeURIComponent(caseId) + '/audit?' + qs({ user, since })); } catch (e) { render(heading(T('ui.audit.title')), el('p', { class: 'alert' }, errorText(e))); return; }
  const userIn = el('input', { type: 'text', id: 'audit-user', value: user, autocomplete: 'off' });
  const sinceIn = dateField('audit-since', since);
  const filter = el('form', { class: 'audit-filter', onsubmit: ev => {
      ev.preventDefault();
      const fra = isoDate(sinceIn.value);
      if (fra === null) { showError(T('ui.date.noSuchDate', sinceIn.value.trim()), sinceIn); return; }
      go('spor', { bruker: userIn.value.trim(), fra });
    } },
    el('label', {}, T('ui.audit.user'), userIn), el('label', {}, T('ui.audit.since'), sinceIn), dateHelp(sinceIn), el('button', { type: 'submit' }, T('ui.audit.show')),
    el('a', { class: 'button secondary', id: 'audit-csv', download: '',
      href: '/api/cases/' + encodeURIComponent(caseId) + '/audit?' + qs({ user, since, format: 'csv' }) }, T('ui.audit.csv')));
  const intact = r.intact
    ? el('p', { id: 'audit-intact' }, (r.unconfirmed || []).length ? r.intactText : T('ui.audit.intact'))
    : el('div', { class: 'alert', id: 'audit-intact' }, el('p', {}, T('ui.audit.changed')), el('ul', {}, ...(r.problemsText || []).map(p => el('li', {}, p))));
  const table = el('table', { class: 'audit', id: 'audit-table' },
    el('caption', {}, T('ui.audit.caption', caseId)),
    el('thead', {}, el('tr', {}, ...['nr', 'time', 'user', 'action', 'target', 'detail'].map(t => el('th', { scope: 'col' }, T('ui.audit.col.' + t))))),
    el('tbody', {}, ...r.entries.map(e => el('tr', {},
      el('td', {}, String(e.id)), el('td', {}, localDate(e.at, true)), el('td', {}, e.actor),
      el('td', {}, auditAction(e.action)), el('td', {}, e.name ? `${e.name} (${e.target})` : (e.target || '')), el('td', {}, e.detailShown || e.detailText || e.detail || '')))));
  render(heading(T('ui.audit.titleCase', caseId)), intact, filter,
    r.entries.length ? wideTable(table, T('ui.audit.titleCase', caseId)) : el('p', {}, user && since ? T('ui.audit.noneForSince', user, norwegianDate(since)) : user ? T('ui.audit.noneFor', user) : since ? T('ui.audit.noneSince', norwegianDate(since)) : T('ui.audit.none')));
}

// ---------------------------------------------------------------- overview

async function viewOverview() {
  if (needCase()) return;
  render(heading(T('ui.overview.title')), el('p', {}, T('ui.common.loading')));
  let r;
  try { r = await api('GET', '/api/overview?' + qs({ case: state.caseId })); } catch (e) { render(heading(T('ui.overview.title')), el('p', { class: 'alert' }, errorText(e))); return; }
  const missing = r.indicators.filter(i => i.total === 0).length;
  const table = el('table', { class: 'matrix' },
    el('caption', {}, T('ui.overview.caption', r.case)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, T('ui.overview.indicator')), ...r.types.map(t => el('th', { scope: 'col' }, typeName(t))), el('th', { scope: 'col' }, T('ui.overview.sum')))),
    el('tbody', {}, ...r.indicators.map(i => el('tr', {},
      el('th', { scope: 'row' }, i.label || i.id),
      ...r.types.map(t => {
        const n = i.counts[t] || 0;
        const q = 'indikator:"' + i.id + '"';
        if (!n) return el('td', { class: 'none' }, '0');
        return el('td', {}, el('a', { href: '#/sok?' + qs({ q, f: ['type:' + t] }),
          'aria-label': T('ui.overview.cellLabel', n, i.label || i.id, typeName(t)) }, String(n)));
      }),
      el('td', i.total ? {} : { class: 'none' }, i.total ? el('a', { href: '#/sok?' + qs({ q: 'indikator:"' + i.id + '"' }) }, String(i.total)) : '0')))));
  const download = fmt => el('a', { href: '/api/overview?' + qs({ case: r.case, format: fmt }), download: '' }, fmt.toUpperCase());
  render(heading(T('ui.overview.titleCase', r.case)),
    el('p', {}, missing ? T('ui.overview.missing', missing, r.indicators.length) : T('ui.overview.allFound')),
    el('p', { class: 'downloads' }, T('ui.overview.download'), ' ', download('xlsx'), ' · ', download('csv')),
    wideTable(table, T('ui.overview.titleCase', r.case)));
}

// ---------------------------------------------------------------- ingest

async function viewIngest() {
  const caseIn = el('input', { type: 'text', id: 'ingest-case', required: true, value: state.caseId || '', pattern: '[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._\\-]{0,99}', autocomplete: 'off', 'aria-describedby': 'ingest-case-help' });
  const muni = el('input', { type: 'text', id: 'ingest-municipality', autocomplete: 'off' });
  const file = el('input', { type: 'file', id: 'ingest-file', accept: '.zip,application/zip', required: true });
  const progress = el('progress', { id: 'ingest-progress', max: '1', value: '0', hidden: true, 'aria-label': T('ui.ingest.progress') });
  const progressText = el('p', { id: 'ingest-progress-text', 'aria-live': 'polite' });
  const receipt = el('div', { id: 'receipt' });
  const limitMb = Math.round(state.maxUpload / 1048576);
  const form = el('form', { class: 'ingest-form', onsubmit: async ev => {
      ev.preventDefault();
      showError('');
      const f = file.files[0];
      // said at the file field (focused, marked invalid), as the page's other forms do
      if (!f) { showError(T('ui.ingest.chooseZip'), file); return; }
      if (!/\.zip$/i.test(f.name)) { showError(T('ui.ingest.mustBeZip'), file); return; }
      if (f.size > state.maxUpload) { showError(T('ui.ingest.tooBig', Math.ceil(f.size / 1048576), limitMb), file); return; }
      const submit = ev.target.querySelector('button');
      submit.disabled = true;
      try {
        progress.hidden = false;
        progressText.textContent = T('ui.ingest.uploading');
        let job = await api('POST', '/api/ingest?' + qs({ case: caseIn.value.trim(), municipality: muni.value.trim(), name: f.name }), f, 'application/zip');
        // one waiting (for the index, or behind another writer) is followed too: it goes on by itself
        job = await EvidensJobs.followWhileUnfinished(job, progress, progressText);
        if (job.state === 'failed') throw new WordedError(T('ui.ingest.failed', job.error));
        showReceipt(receipt, job.receipt);
        // A new case makes the uploader its lead: the roles are read again.
        const again = await api('GET', '/api/session');
        state.roles = again.roles || {};
        state.permissions = again.permissions || {};
        await loadCases(job.case);
      } catch (e) {
        // the server's refusal of the file itself (not a zip, too large) is said at the file field too
        showError(errorText(e), e instanceof ApiError && (e.status === 413 || e.status === 415) ? file : undefined);
        progressText.textContent = '';
      } finally { submit.disabled = false; }
    } },
    el('label', {}, T('ui.ingest.case'), caseIn),
    el('span', { id: 'ingest-case-help', class: 'cite' }, T('ui.ingest.caseHelp')),
    el('label', {}, T('ui.ingest.municipality'), muni),
    el('label', {}, T('ui.ingest.bundle', limitMb), fileField(file)),
    el('button', { type: 'submit' }, T('ui.ingest.submit')));
  render(heading(T('ui.ingest.title')),
    el('p', {}, T('ui.ingest.intro')),
    form, progress, progressText, receipt);
  if (window.EvidensJobs) window.EvidensJobs.attach({ progress, progressText, receipt });
}

function showProgress(job, progress, text) {
  if (job.total > 0) { progress.max = job.total; progress.value = job.done; }
  const failed = job.failed ? T('ui.ingest.failedCount', job.failed) : '';
  // the job's phase says what its first seconds (no file read yet) and its last (every file read) are spent on
  text.textContent = job.state === 'done' ? T('ui.ingest.done', job.done, job.total, failed)
    : job.phase === 'starting' ? T('ui.ingest.starting', job.total)
    : job.phase === 'saving' ? T('ui.ingest.saving', job.done, job.total, failed)
    : job.total >= 0 ? T('ui.ingest.reading', job.done, job.total, failed) : T('ui.ingest.unpacking');
}

const RECEIPT_STATUSES = ['indexed', 'container', 'duplicate', 'failed', 'skipped'];

/** How many files of the bundle came as new versions of what the case had (the documents inside them not counted). */
function newVersions(files) {
  const n = files.filter(f => f.newVersionOf && !f.path.includes('!/')).length;
  return n ? [el('p', { id: 'receipt-new-versions' }, T('ui.receipt.newVersions', n))] : [];
}

function showReceipt(box, r) {
  const files = [...r.files].sort((a, b) => (a.status === 'failed' ? 0 : 1) - (b.status === 'failed' ? 0 : 1));
  box.replaceChildren(
    el('h3', {}, T('ui.receipt.title')),
    el('p', {}, T('ui.receipt.summary', r.case, r.counts.indexed, r.counts.duplicate, r.counts.failed)),
    ...newVersions(r.files),
    wideTable(el('table', { class: 'receipt', id: 'receipt-table' },
      el('thead', {}, el('tr', {}, ...['file', 'type', 'status', 'reason', 'pages', 'passages'].map(h => el('th', { scope: 'col' }, T('ui.receipt.col.' + h))))),
      el('tbody', {}, ...files.map(f => el('tr', { class: f.status },
        el('td', {}, f.path), el('td', {}, typeName(f.type)), el('td', {}, RECEIPT_STATUSES.includes(f.status) ? T('ui.receipt.status.' + f.status) : f.status),
        el('td', {}, f.reasonText || reasonText(f.reason)), el('td', {}, String(f.pages)), el('td', {}, String(f.passages)))))), T('ui.receipt.title')));
}

// ---------------------------------------------------------------- start

async function loadCases(prefer) {
  const r = await api('GET', '/api/cases');
  state.cases = r.cases;
  const saved = prefer || localStorage.getItem('evidens.case');
  state.caseId = r.cases.includes(saved) ? saved : (r.cases[0] || null);
  const select = document.getElementById('case-select');
  select.replaceChildren(...(r.cases.length ? r.cases.map(c => el('option', { value: c }, c)) : [el('option', { value: '' }, T('ui.case.none'))]));
  if (state.caseId) select.value = state.caseId;
  fitHeader();
}

// ---------------------------------------------------------------- members

/** The case's members; its lead (or an administrator) adds, changes and removes them. */
async function viewMembers() {
  // an administrator with no case of their own still gives a case its first member (members.js)
  const admin = state.signIn && state.admin;
  if (admin && !state.caseId) { render(heading(T('ui.members.title')), adminMemberForm()); return; }
  if (needCase()) return;
  const caseId = state.caseId;
  render(heading(T('ui.members.title')), el('p', {}, T('ui.common.loading')));
  let r;
  try {
    r = await api('GET', '/api/members?' + qs({ case: caseId }));
  } catch (e) { render(heading(T('ui.members.title')), el('p', { class: 'alert', role: 'alert' }, errorText(e))); return; }
  const manager = !state.signIn || state.admin || state.roles[caseId] === 'lead';
  const rows = r.members.map(m => el('tr', {},
    el('td', {}, m.user), el('td', {}, roleName(m.role)),
    el('td', {}, manager ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!await ask(T('ui.members.removeTitle', m.user), T('ui.members.removeConfirm', m.user, caseId), T('ui.ask.remove'))) return;
      try { await api('DELETE', '/api/members/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(m.user)); focusAfter = '#member-user'; await refresh(); say(T('ui.members.removed', m.user)); }
      catch (e) { showError(errorText(e)); }
    } }, T('ui.members.remove', m.user)) : '')));
  const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, T('ui.members.user')), el('th', {}, T('ui.members.role')), el('th', {}, ''))),
    el('tbody', {}, ...rows));
  const nodes = [heading(T('ui.members.titleCase', caseId)), r.members.length ? table : el('p', {}, T('ui.members.none'))];
  if (manager) {
    const user = el('input', { type: 'text', id: 'member-user', autocomplete: 'off', required: true });
    const role = el('select', { id: 'member-role' }, ...ROLE_IDS.map(id => el('option', { value: id }, roleName(id))));
    role.value = 'auditor';
    nodes.push(el('form', { class: 'member-add', onsubmit: async ev => {
      ev.preventDefault();
      const name = user.value.trim();
      // a name of spaces: the server would name its JSON field («user»)
      if (!name) { showError(T('ui.members.nameBlank'), user); return; }
      const already = r.members.some(m => m.user === name);
      try {
        await api('POST', '/api/members', { case: caseId, user: name, role: role.value });
        focusAfter = '#member-user';
        await refresh();
        // the same form changes a member's role: said as such, not as «lagt til»
        say(already ? T('ui.members.roleSet', name, roleName(role.value).toLocaleLowerCase(TEXTS.sprak)) : T('ui.members.added', name));
      } catch (e) { showError(errorText(e), user); }
    } }, el('h3', {}, T('ui.members.addTitle')), el('label', {}, T('ui.members.userName'), user), el('label', {}, T('ui.members.role'), role),
      el('div', { class: 'buttons' }, el('button', { type: 'submit' }, T('ui.common.save')))));
  }
  if (admin) nodes.push(adminMemberForm());
  render(...nodes);
}

/**
 * Where the focus goes once an action's view is drawn again (a selector), instead of the view's heading at the top:
 * the button that was pressed is gone with the old view, and a keyboard or screen-reader user would start over.
 */
let focusAfter = null;

// sok: search.js
const VIEWS = { medlemmer: viewMembers, dokument: viewDocument, funn: viewFindings, oversikt: viewOverview, innlesing: viewIngest, lignende: viewLike, spor: viewAudit };

async function refresh() {
  const { name, params } = route();
  document.onselectionchange = null;
  showError('');
  say('');
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  menuByRole();
  const view = VIEWS[name] || VIEWS.sok;
  const wanted = focusAfter;
  focusAfter = null;
  await view(params);
  if (typeof caseAfterView === 'function') await caseAfterView(name);
  const back = wanted && document.querySelector(wanted);
  const h = main().querySelector('h2');
  if (back) back.focus();
  else if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
}

/**
 * The menu offers «Revisjonsspor» only where the server lets the user read the chosen case's trail (its lead's right,
 * MANAGE_MEMBERS in the session's permissions, as the trail's resource checks); to others the page would only say 403.
 */
function menuByRole() {
  const trail = document.querySelector('[data-nav="spor"]').closest('li');
  const hide = !may(state.caseId, 'MANAGE_MEMBERS');
  if (trail.hidden !== hide) {
    trail.hidden = hide;
    fitHeader();
  }
}

/** The signed-in user's name and a sign-out button in the header. */
function showUser(user) {
  const box = document.getElementById('user-box');
  box.replaceChildren(el('span', { id: 'signed-in-as', class: 'signed-in-as' }, T('ui.user.signedInAs', user)), el('span', { class: 'user-name', 'aria-hidden': 'true' }, user),
    el('button', { type: 'button', class: 'secondary', id: 'signout', onclick: async () => {
      try { await api('POST', '/api/signout'); } finally { location.replace('/signin.html'); }
    } }, T('ui.user.signOut')));
  box.hidden = false;
}

// ---------------------------------------------------------------- header

/**
 * Folds the header's menu, pickers and user box behind «Meny» when they do not fit beside the brand on one line
 * (a phone, a narrow window, long words in Nynorsk or a long user name), and keeps --top-h, the header's height, for
 * what sticks below it. Measured rather than set at a fixed width: the words and names decide what fits.
 */
function fitHeader() {
  const top = document.getElementById('top');
  const open = top.classList.contains('open');
  top.classList.remove('collapsed', 'open');
  const brand = top.querySelector('.brand').getBoundingClientRect();
  const parts = [...top.querySelectorAll('.top-menu li, .case-pick, .language-pick, .user-box:not([hidden])')];
  const oneLine = parts.every(p => p.getBoundingClientRect().top < brand.bottom);
  top.classList.toggle('collapsed', !oneLine);
  top.classList.toggle('open', !oneLine && open);
  document.getElementById('menu-toggle').setAttribute('aria-expanded', String(!oneLine && open));
  document.documentElement.style.setProperty('--top-h', top.getBoundingClientRect().height + 'px');
}

/** Opens or closes the folded menu; closing it from inside gives the focus back to «Meny». */
function toggleMenu(open) {
  const top = document.getElementById('top');
  const button = document.getElementById('menu-toggle');
  const wasInside = document.getElementById('top-menu').contains(document.activeElement);
  top.classList.toggle('open', open);
  button.setAttribute('aria-expanded', String(open));
  if (!open && wasInside) button.focus();
}

function headerEvents() {
  const top = document.getElementById('top');
  document.getElementById('menu-toggle').addEventListener('click', () => toggleMenu(!top.classList.contains('open')));
  // the focus leaving the header (Tab past its last item) closes the open menu
  top.addEventListener('focusout', ev => { if (top.classList.contains('open') && ev.relatedTarget && !top.contains(ev.relatedTarget)) toggleMenu(false); });
  top.addEventListener('keydown', ev => { if (ev.key === 'Escape' && top.classList.contains('open')) { ev.preventDefault(); toggleMenu(false); } });
  // a click outside the open menu, or on one of its links, closes it
  document.addEventListener('click', ev => {
    if (top.classList.contains('open') && (!top.contains(ev.target) || ev.target.closest('.top-menu a'))) toggleMenu(false);
  });
  let pending = false;
  window.addEventListener('resize', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fitHeader(); });
  });
  document.getElementById('alert-close').addEventListener('click', () => {
    const had = document.activeElement === document.getElementById('alert-close');
    showError('');
    if (had) main().focus({ preventScroll: true });
  });
}

async function start() {
  headerEvents();
  fitHeader();
  try {
    const s = await api('GET', '/api/session');
    state.token = s.token;
    state.user = s.user;
    state.maxUpload = s.maxUploadBytes;
    state.signIn = s.signIn;
    state.admin = s.admin;
    state.roles = s.roles || {};
    state.permissions = s.permissions || {};
    await loadTexts();
    if (s.signIn) showUser(s.user);
    // a home whose disk is full cannot open its findings store: the cases are not listed, said once, and the views that
    // need no case (the inbox, which then says its state is not saved) still open
    await loadCases().catch(e => { state.cases = []; state.caseId = null; showError(errorText(e)); });
    fitHeader();
  } catch (e) {
    // the server's own words (a JSON error) stand as they are; without the catalogue (it comes from the server)
    // this one sentence in Bokmål, the details in the console
    if (e instanceof ApiError && e.data && e.data.error) showError(e.message);
    else if (TEXTS.tekster['ui.common.offline'] === undefined) { console.error('Evidens workspace:', e); showError('Kan ikke nå Evidens-tjeneren.'); } // catalogue-fallback
    else showError(errorText(e));
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
  // A skip link moves the focus and leaves the location alone: its «#main» would else be read as a view's name, and the
  // reader taken from the page they were on to the search.
  document.addEventListener('click', ev => {
    const a = ev.target instanceof Element ? ev.target.closest('a.skip') : null;
    const target = a && document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    ev.preventDefault();
    target.focus();
  });
  // the view changes under an open dialog (the browser's Back, a typed address): the dialog was the old view's, so it
  // closes (nothing attached or removed) before the new view is drawn; refresh then gives the focus to its heading
  window.addEventListener('hashchange', () => {
    for (const d of document.querySelectorAll('dialog[open]')) d.close();
    refresh();
  });
  refresh();
}

// a bug no view caught: said in the user's language (errorText logs the details to the console), and
// the status line the view had begun cleared (it may be half filled in)
function showBug(e) { say(''); showError(errorText(e)); }
window.addEventListener('unhandledrejection', ev => showBug(ev.reason));
// (an error event without an error object, such as the ResizeObserver loop notice, is no bug of ours)
window.addEventListener('error', ev => { if (ev.error) showBug(ev.error); });

// after every deferred script (texts.js, search.js …) has run
document.addEventListener('DOMContentLoaded', start);
