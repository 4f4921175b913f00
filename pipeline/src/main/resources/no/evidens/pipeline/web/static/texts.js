// Evidens workspace: the words of the workspace in the user's language (Bokmål or Nynorsk), from the
// server's catalogue (GET /api/tekster), and the language picker in the header.
'use strict';

const TEXTS = { sprak: 'nb', tekster: {}, indikatorer: {}, grunner: {} };

/** Loads the catalogue; without it the page keeps the words written into it. */
async function loadTexts() {
  try {
    Object.assign(TEXTS, await api('GET', '/api/tekster'));
  } catch (e) {
    return;
  }
  document.documentElement.lang = TEXTS.sprak;
  translatePage(document);
  languagePicker();
}

/**
 * The words written into the page (index.html): an element with data-t gets the key's text, one with
 * data-t-label gets it as its aria-label. Without the catalogue the page keeps its Bokmål.
 */
function translatePage(root) {
  for (const e of root.querySelectorAll('[data-t]')) {
    if (TEXTS.tekster[e.dataset.t] !== undefined) e.textContent = T(e.dataset.t);
  }
  for (const e of root.querySelectorAll('[data-t-label]')) {
    if (TEXTS.tekster[e.dataset.tLabel] !== undefined) e.setAttribute('aria-label', T(e.dataset.tLabel));
  }
}

/**
 * The date (and time) in the user's language's conventions. A browser without Nynorsk's locale data (the Chromium
 * of the tests has none) wrote 'nn-NO' dates in its default form, 12/5/2026: then Bokmål's, whose numeric dates are
 * Nynorsk's too.
 */
function localDate(iso, withTime) {
  const d = new Date(iso);
  const locale = TEXTS.sprak === 'nn' && Intl.DateTimeFormat.supportedLocalesOf('nn-NO').length ? 'nn-NO' : 'nb-NO';
  return withTime ? d.toLocaleString(locale) : d.toLocaleDateString(locale);
}

/** The text of a key, its {0}, {1} … filled in; the key itself when the catalogue lacks it. */
function T(key, ...args) {
  const t = TEXTS.tekster[key];
  if (t === undefined) return key;
  return t.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
}

/** A facet's name: Dokumenttype, Indikator, Teneste … */
function facetName(dim) { return T('facet.' + (dim === 'år' ? 'aar' : dim)); }

/**
 * A facet value as a person reads it: an indicator's label from the codebook, "Med sitat" for sitat:ja, a known
 * service's name (NAV, Barnevern); a place (kommune, fylke) as a name is written when the manifest wrote it in
 * lower case. Only what is shown: the filter keeps the value as indexed.
 */
function facetValue(dim, v) {
  if (dim === 'indicator') return TEXTS.indikatorer[v] || v;
  const t = TEXTS.tekster['value.' + dim + '.' + v];
  if (t !== undefined) return t;
  if (dim === 'kommune' || dim === 'fylke') return placeName(v);
  if (dim === 'tjeneste' && v === v.toLocaleLowerCase('nb')) return v.charAt(0).toLocaleUpperCase('nb') + v.slice(1);
  return v;
}

/**
 * A place's name written all in lower case (fjordvik, nord-fron, indre østfold) with a capital at each part, as
 * Norwegian place names are written (Fjordvik, Nord-Fron, Indre Østfold), the small words og and i left as they are
 * (Møre og Romsdal); a name with any capital is taken as written.
 */
function placeName(v) {
  if (v !== v.toLocaleLowerCase('nb')) return v;
  return v.replace(/[^\s-]+/gu, (w, at) => (at > 0 && (w === 'og' || w === 'i')) ? w : w.charAt(0).toLocaleUpperCase('nb') + w.slice(1));
}

/** A receipt's reason in the user's language (the receipt stores the English sentence). */
function reasonText(reason) { return (reason && TEXTS.grunner[reason]) || reason || ''; }

function languagePicker() {
  if (document.getElementById('language-select')) return;
  const select = el('select', { id: 'language-select' },
    ...['nb', 'nn'].map(code => el('option', { value: code, selected: code === TEXTS.sprak }, T('ui.language.' + code))));
  select.addEventListener('change', async () => {
    try {
      await api('POST', '/api/tekster/sprak', { sprak: select.value });
      location.reload();
    } catch (e) { showError(errorText(e)); }
  });
  const label = el('label', { class: 'language-pick' }, el('span', {}, T('ui.language')), select);
  const box = document.getElementById('user-box');
  box.parentNode.insertBefore(label, box);
}
