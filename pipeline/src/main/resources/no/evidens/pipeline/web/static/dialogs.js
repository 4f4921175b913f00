// Evidens workspace: a question asked before an action that cannot be undone, in a dialog of the page.
// The browser's own confirm() words its buttons in the browser's language (OK / Cancel) and cannot be styled
// or labelled; this <dialog> says «Avbryt» and the action (for example «Slett») from the catalogue.
// Loaded after app.js and texts.js (el, T); the views call ask() where they would have called confirm().
'use strict';

/**
 * Asks the person to confirm an action: resolves true when they choose the action, false on «Avbryt» or
 * Escape (the browser closes a modal dialog on Escape). A modal dialog keeps the focus inside it; the focus
 * starts on «Avbryt», the safe choice, and goes back to what had it before (the button that asked) when the
 * dialog closes, if that is still on the page.
 *
 * @param title    the dialog's heading (its accessible name)
 * @param question what will happen (its accessible description)
 * @param action   the confirming button's words
 */
function ask(title, question, action) {
  return new Promise(resolve => {
    const opener = document.activeElement;
    const cancel = el('button', { type: 'button', class: 'secondary', id: 'ask-cancel' }, T('ui.ask.cancel'));
    const ok = el('button', { type: 'button', class: 'danger', id: 'ask-ok' }, action);
    const dialog = el('dialog', { id: 'ask-dialog', role: 'alertdialog', 'aria-labelledby': 'ask-title', 'aria-describedby': 'ask-text' },
      el('h2', { id: 'ask-title' }, title), el('p', { id: 'ask-text' }, question), el('div', { class: 'buttons' }, ok, cancel));
    let yes = false;
    cancel.addEventListener('click', () => dialog.close());
    ok.addEventListener('click', () => { yes = true; dialog.close(); });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(yes);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
