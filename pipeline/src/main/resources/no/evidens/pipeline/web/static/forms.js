// Evidens workspace: forms in the workspace's words. The browser words a field left empty or mistyped, and
// a file field's button and "no file chosen", in its own language (often English): these say them from the
// catalogue instead. Loaded after app.js and texts.js (el, T, TEXTS); the views call fileField when they draw.
'use strict';

/**
 * A file field in the workspace's words: the browser's own button and its "no file chosen" follow the browser's
 * language, not the workspace's. The input stays (labelled, focusable, the one that opens the file chooser),
 * unseen behind a button and the chosen file's name, which screen readers skip (the input says both).
 */
function fileField(input) {
  const name = el('span', { class: 'file-name', 'aria-hidden': 'true' }, T('ui.form.noFile'));
  input.addEventListener('change', () => { name.textContent = input.files.length ? input.files[0].name : T('ui.form.noFile'); });
  return el('span', { class: 'file-field' }, input, el('span', { class: 'button secondary', 'aria-hidden': 'true' }, T('ui.form.chooseFile')), name);
}

// A field left empty or mistyped: the browser words that in its own language (often English), so the
// workspace says it from the catalogue; a mistyped field adds its help text (aria-describedby), if any.
function fieldWords(f) {
  const v = f.validity;
  if (v.valueMissing) return T(f.type === 'file' ? 'ui.form.file' : 'ui.form.required');
  const help = f.getAttribute('aria-describedby') && document.getElementById(f.getAttribute('aria-describedby'));
  const why = T(v.patternMismatch ? 'ui.form.pattern' : 'ui.form.invalid');
  return help && help.textContent ? why + ' ' + help.textContent : why;
}
document.addEventListener('invalid', ev => {
  const f = ev.target;
  if (TEXTS.tekster['ui.form.required'] === undefined || !f.setCustomValidity) return;
  f.setCustomValidity('');
  if (!f.validity.valid) f.setCustomValidity(fieldWords(f));
}, true);
// edited again: the browser checks it anew
document.addEventListener('input', ev => { if (ev.target.setCustomValidity) ev.target.setCustomValidity(''); }, true);
document.addEventListener('change', ev => { if (ev.target.setCustomValidity) ev.target.setCustomValidity(''); }, true);

// The longest finding title the findings store keeps (VARCHAR(4000)), and the longest text a JSON field may hold
// (JsonFields). Checked before sending: the server would refuse a title of spaces naming its JSON field («title»),
// a too long text likewise, and a too long title only in general words («prøv igjen om litt»).
const MAX_TITLE_CHARS = 4000;
const MAX_FIELD_CHARS = 100000;

/**
 * Whether a finding's fields may be sent; if not, says why in the catalogue's words at the field (tell: the page's
 * message line, or the attach dialog's). The title is checked when given; each further field is [field, its label's key].
 */
function findingFits(title, fields, tell = showError) {
  const told = (field, words) => { tell(words, field); return false; };
  if (title && !title.value.trim()) return told(title, T('ui.findings.titleBlank'));
  if (title && title.value.length > MAX_TITLE_CHARS) {
    return told(title, T('ui.findings.tooLong', T('ui.findings.fieldTitle'), title.value.length, MAX_TITLE_CHARS));
  }
  for (const [field, label] of fields) {
    if (field.value.length > MAX_FIELD_CHARS) return told(field, T('ui.findings.tooLong', T(label), field.value.length, MAX_FIELD_CHARS));
  }
  return true;
}

/**
 * Says a refusal in the attach dialog (or clears it with ''), as showError does on the page: with a field, the field
 * gets the focus, is marked invalid and described by the message, and editing it clears the message. (The page's
 * message line lies behind the modal dialog, out of sight and out of reach.)
 */
function tellAttach(message, field) {
  const box = document.getElementById('attach-error');
  box.textContent = message;
  box.hidden = !message;
  for (const f of document.querySelectorAll('#attach-form [aria-invalid]')) {
    f.removeAttribute('aria-invalid');
    f.removeAttribute('aria-describedby');
  }
  if (message && field) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'attach-error');
    field.addEventListener('input', () => { if (field.hasAttribute('aria-invalid')) tellAttach(''); }, { once: true });
    // the message stands below the fields: in sight first (on a phone it was below the dialog's fold), then the field
    box.scrollIntoView({ block: 'nearest' });
    field.focus();
  }
}

// A date field as a text field written dd.mm.åååå. A date input (type=date) shows its format in the browser's
// language, not the workspace's: mm/dd/yyyy in an English browser, whatever language the workspace speaks.
// The field holds the Norwegian form; the address and the API keep the ISO date (2026-11-01).

/** A text field for a date, filled in with this ISO date (or empty), with its format as help (dateHelp). */
function dateField(id, iso) {
  return el('input', { type: 'text', id, value: norwegianDate(iso), inputmode: 'numeric', autocomplete: 'off', size: '10',
    placeholder: T('ui.date.format'), pattern: '\\s*[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}\\s*', 'aria-describedby': id + '-help' });
}

/** The help text a date field names (aria-describedby): how to write the date. */
function dateHelp(field) {
  return el('span', { id: field.id + '-help', class: 'cite' }, T('ui.date.help'));
}

/** 2026-11-01 as 01.11.2026; anything else as it is. */
function norwegianDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso || '');
}

/** 1.11.2026 or 01.11.2026 as 2026-11-01; '' for an empty field; null for a day the calendar does not have (31.02.2026). */
function isoDate(text) {
  const t = (text || '').trim();
  if (!t) return '';
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [+m[1], +m[2], +m[3]];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
