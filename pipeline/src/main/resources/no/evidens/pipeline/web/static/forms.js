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
