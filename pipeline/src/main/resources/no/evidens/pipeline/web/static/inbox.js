// Evidens workspace: the inbox of `evidens watch --inbox` (read-only), as the view #/innboks.
// Uses app.js's helpers (el, api, render, heading, VIEWS); every name from the server goes in as text.
'use strict';

const INBOX_STATUS = { done: 'lest inn', failed: 'ikke lest inn' };

function inboxTime(iso) {
  return iso ? new Date(iso).toLocaleString('nb-NO') : '';
}

async function viewInbox() {
  let r;
  try { r = await api('GET', '/api/inbox'); } catch (e) { render(heading('Innboks'), el('p', { class: 'alert' }, e.message)); return; }
  const intro = el('p', {}, 'Bunker som legges i innboksen til «evidens watch --inbox MAPPE» leses inn én etter én, i saken manifestet '
    + 'eller navnet gir, og flyttes så til done/ (med kvitteringen ved siden av) eller failed/ (med hvorfor).');
  if (!r.watching) {
    render(heading('Innboks'), intro, el('p', { id: 'inbox-none' }, 'Ingen innboks er overvåket for denne datamappen.'));
    return;
  }
  const running = r.running
    ? el('p', { id: 'inbox-running' }, `Leser inn nå: ${r.running.bundle}` + (r.running.caseId ? ` (sak ${r.running.caseId})` : '')
      + `, startet ${inboxTime(r.running.started)}.`)
    : el('p', { id: 'inbox-running' }, 'Ingen bunke leses inn nå.');
  const waiting = el('section', { 'aria-labelledby': 'inbox-waiting-title' },
    el('h3', { id: 'inbox-waiting-title' }, `Venter (${r.waitingCount ?? r.waiting.length})`),
    r.waiting.length ? el('ul', { id: 'inbox-waiting' }, ...r.waiting.map(w => el('li', {}, w))) : el('p', {}, r.waitingCount ? 'Bunker i andre saker venter.' : 'Ingen bunker venter.'));
  const finished = el('section', { 'aria-labelledby': 'inbox-finished-title' },
    el('h3', { id: 'inbox-finished-title' }, 'Ferdige (nyeste først)'),
    r.finished.length === 0 ? el('p', {}, 'Ingen ennå.') : el('table', { class: 'receipt', id: 'inbox-finished' },
      el('thead', {}, el('tr', {}, ...['Bunke', 'Sak', 'Status', 'Lest inn', 'Duplikater', 'Filer som feilet', 'Hvorfor', 'Ferdig', 'Flyttet til']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...r.finished.map(f => el('tr', { class: f.status === 'failed' ? 'failed' : 'indexed' },
        el('td', {}, f.bundle), el('td', {}, f.caseId || ''), el('td', {}, INBOX_STATUS[f.status] || f.status),
        el('td', {}, String(f.indexed)), el('td', {}, String(f.duplicate)), el('td', {}, String(f.failedFiles)),
        el('td', {}, f.error || ''), el('td', {}, inboxTime(f.finishedAt)), el('td', {}, f.movedTo))))));
  const refreshButton = el('button', { type: 'button', class: 'secondary', onclick: () => viewInbox() }, 'Oppdater');
  render(heading('Innboks'), intro, r.inbox ? el('p', { class: 'cite' }, 'Innboks: ' + r.inbox) : '', running, waiting, finished, refreshButton);
}

VIEWS.innboks = viewInbox;
