// Evidens workspace: the inbox of `evidens watch --inbox` (read-only), as the view #/innboks.
// Uses app.js's helpers (el, api, render, heading, wideTable, VIEWS); every name from the server goes in as text.
'use strict';

const INBOX_STATUSES = ['done', 'failed', 'waiting'];
const INBOX_ERRORS = ['damaged-bundle', 'bad-case-name', 'case-closed', 'unexpected', 'disk-full', 'index-unreachable'];

function inboxTime(iso) {
  return iso ? localDate(iso, true) : '';
}

/** Why a bundle was not ingested, in the user's language. */
function inboxError(f) {
  // the watcher's own message is English (for the command line): a failure without a known kind is told as unexpected
  return f.errorCode && INBOX_ERRORS.includes(f.errorCode) ? T('ui.inbox.error.' + f.errorCode) : (f.error ? T('ui.inbox.error.unexpected') : '');
}

/** The files of a bundle that failed, each with why (from its receipt, which lies in done/, out of a team's reach). */
function failedList(f) {
  if (!f.failedList || !f.failedList.length) return '';
  const more = f.failedFiles - f.failedList.length;
  return el('ul', { class: 'inbox-failed' }, ...f.failedList.map(x => el('li', {}, el('code', {}, x.path), ': ' + (x.reasonText || ''))),
    more > 0 ? el('li', {}, T('ui.inbox.failedMore', more)) : '');
}

async function viewInbox() {
  let r;
  try { r = await api('GET', '/api/inbox'); } catch (e) { render(heading(T('ui.inbox.title')), el('p', { class: 'alert' }, errorText(e))); return; }
  const intro = el('p', {}, T('ui.inbox.intro'));
  if (!r.watching) {
    render(heading(T('ui.inbox.title')), intro, el('p', { id: 'inbox-none' }, T('ui.inbox.none')));
    return;
  }
  // alive: a watcher runs now (absent from an older server: taken as running); a bundle left running by a watcher that
  // stopped or was killed is told as cut short, taken up again when the watcher starts
  const stopped = r.alive === false;
  const running = r.running && stopped
    ? el('p', { id: 'inbox-running' }, T('ui.inbox.interrupted', r.running.bundle))
    : r.running
    ? el('p', { id: 'inbox-running' }, r.running.caseId
      ? T('ui.inbox.runningCase', r.running.bundle, r.running.caseId, inboxTime(r.running.started))
      : T('ui.inbox.running', r.running.bundle, inboxTime(r.running.started)))
    : el('p', { id: 'inbox-running' }, T('ui.inbox.idle'));
  const waiting = el('section', { 'aria-labelledby': 'inbox-waiting-title' },
    el('h3', { id: 'inbox-waiting-title' }, T('ui.inbox.waiting', r.waitingCount ?? r.waiting.length)),
    r.waiting.length ? el('ul', { id: 'inbox-waiting' }, ...r.waiting.map(w => el('li', {}, w))) : el('p', {}, T(r.waitingCount ? 'ui.inbox.waitingOther' : 'ui.inbox.waitingNone')));
  const finished = el('section', { 'aria-labelledby': 'inbox-finished-title' },
    el('h3', { id: 'inbox-finished-title' }, T('ui.inbox.finished')),
    // nine columns: at a phone's width the table scrolls sideways in its own box, not the page
    r.finished.length === 0 ? el('p', {}, T('ui.common.none')) : wideTable(el('table', { class: 'receipt', id: 'inbox-finished' },
      el('thead', {}, el('tr', {}, ...['bundle', 'case', 'status', 'indexed', 'duplicate', 'failed', 'why', 'finished', 'moved']
        .map(h => el('th', { scope: 'col' }, T('ui.inbox.col.' + h))))),
      el('tbody', {}, ...r.finished.map(f => el('tr', { class: f.status === 'done' ? 'indexed' : 'failed' },
        el('td', {}, f.bundle), el('td', {}, f.caseId || ''), el('td', {}, INBOX_STATUSES.includes(f.status) ? T('ui.inbox.status.' + f.status + (f.errorCode === 'index-unreachable' ? '-cluster' : '')) : f.status),
        el('td', {}, String(f.indexed)), el('td', {}, String(f.duplicate)), el('td', {}, String(f.failedFiles)),
        el('td', {}, inboxError(f), failedList(f)), el('td', {}, inboxTime(f.finishedAt)), el('td', {}, f.movedTo || ''))))), T('ui.inbox.finished')));
  // the view is drawn anew: the focus back on «Oppdater» (it was lost to the page), for the next press
  const refreshButton = el('button', { type: 'button', class: 'secondary', id: 'inbox-refresh', onclick: async () => {
    await viewInbox();
    const again = document.getElementById('inbox-refresh');
    if (again) again.focus();
  } }, T('ui.inbox.refresh'));
  render(heading(T('ui.inbox.title')), intro, r.inbox ? el('p', { class: 'cite' }, T('ui.inbox.folder', r.inbox)) : '',
    stopped ? el('p', { id: 'inbox-stopped', class: 'alert' }, T('ui.inbox.stopped')) : '',
    // the watcher could not save its state (its home's disk full): the server words it in the user's language
    r.stateNotSaved ? el('p', { id: 'inbox-not-saved', class: 'alert' }, r.stateNotSaved.text) : '', running, waiting, finished, refreshButton);
}

VIEWS.innboks = viewInbox;
