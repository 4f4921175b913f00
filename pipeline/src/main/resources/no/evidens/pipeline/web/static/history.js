// A finding's history (#/historikk?ref=avvik-1), or the whole case's: who changed what when, oldest
// first, from GET /api/history. Loaded after app.js, whose helpers (el, qs, api, render, heading) it uses.
'use strict';

/** Every word this file shows, from the workspace's catalogue (ui.history.*), read when shown. */
const HISTORY_WORDS = {
  title: ref => ref ? T('ui.history.titleRef', HISTORY_WORDS.label(ref)) : T('ui.history.title'),
  caption: ref => ref ? T('ui.history.captionRef', HISTORY_WORDS.label(ref)) : T('ui.history.caption'),
  /** A finding's ref (the API's avvik-1) as the findings page names it («Avvik 1»); anything else as it is. */
  label: ref => {
    const m = /^(avvik|merknad|observasjon)-(\d+)$/.exec(ref || '');
    return m ? T('ui.kind.' + m[1]) + ' ' + m[2] : (ref || '');
  },
  get empty() { return T('ui.history.empty'); },
  get when() { return T('ui.history.when'); },
  get who() { return T('ui.history.who'); },
  get what() { return T('ui.history.what'); },
  get finding() { return T('ui.history.finding'); },
  get detail() { return T('ui.history.detail'); },
  get back() { return T('ui.history.back'); },
  get all() { return T('ui.history.all'); },
  action: a => TEXTS.tekster['ui.history.action.' + a] || a,
  /** The fields a person reads, in the order shown: id → its name. */
  get fields() {
    return Object.fromEntries(['title', 'text', 'requirements', 'status', 'ref', 'kind', 'position', 'label', 'quote', 'note', 'stance']
      .map(f => [f, T('ui.history.field.' + f)]));
  },
  quote: q => `«${q}»`,
  source: (file, page, start, end) => T('ui.history.source', file, page, start, end),
  from: (field, a, b) => `${field}: «${a}» → «${b}»`,
  set: (field, b) => `${field}: «${b}»`,
};

const EvidensHistory = (() => {
  const show = v => v === null || v === undefined ? '' : Array.isArray(v)
    ? v.map(x => (x && typeof x === 'object') ? (x.text || JSON.stringify(x)) : String(x)).join('; ')
    : typeof v === 'object' ? JSON.stringify(v) : String(v);

  /** What changed, field by field, in words: only the fields a person reads (not ids or versions). */
  function detail(h) {
    const before = h.before || {};
    const after = h.after || {};
    const lines = [];
    if (h.action === 'attach' || h.action === 'detach') {
      const e = h.action === 'attach' ? after : before;
      if (e.quote) lines.push(HISTORY_WORDS.quote(e.quote));
      if (e.file) lines.push(HISTORY_WORDS.source(e.file, e.page, e.start, e.end));
      return lines;
    }
    for (const [key, name] of Object.entries(HISTORY_WORDS.fields)) {
      if (key === 'quote' || (key === 'ref' && h.action !== 'renumber')) continue;
      // a quotation's stance is stored as the API's id (supports, contradicts): shown in words
      const word = v => (key === 'stance' && v ? facetValue('stance', v) : v);
      const a = show(word(before[key]));
      const b = show(word(after[key]));
      if (a === b || (!b && !a)) continue;
      lines.push(a ? HISTORY_WORDS.from(name, a, b) : HISTORY_WORDS.set(name, b));
    }
    return lines;
  }

  async function view(params) {
    if (needCase()) return;
    const ref = params.get('ref') || '';
    render(heading(HISTORY_WORDS.title(ref)), el('p', {}, T('ui.common.loading')));
    let entries;
    try {
      entries = await api('GET', '/api/history?' + qs({ case: state.caseId, ref }));
    } catch (e) { render(heading(HISTORY_WORDS.title(ref)), el('p', { class: 'alert' }, errorText(e))); return; }
    const w = HISTORY_WORDS;
    const table = el('table', { class: 'audit history', id: 'history-table' },
      el('caption', {}, w.caption(ref)),
      el('thead', {}, el('tr', {}, ...[w.when, w.who, w.what, w.finding, w.detail].map(t => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, ...entries.map(h => el('tr', {},
        el('td', {}, el('time', { datetime: h.at }, localDate(h.at, true))),
        el('td', {}, h.actor),
        el('td', {}, w.action(h.action)),
        el('td', {}, w.label(h.finding)),
        el('td', {}, ...detail(h).map(line => el('div', {}, line)))))));
    render(heading(w.title(ref)),
      el('p', {}, el('a', { href: '#/funn' }, w.back), ref ? ' · ' : '', ref ? el('a', { href: '#/historikk' }, w.all) : ''),
      entries.length ? wideTable(table, w.title(ref)) : el('p', {}, w.empty));
  }

  return { view };
})();
VIEWS.historikk = EvidensHistory.view;
