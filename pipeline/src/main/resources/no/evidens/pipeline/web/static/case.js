// Evidens workspace: whether the case is closed (then it can only be read, and every view says so),
// and closing it, which only the case's lead may do. Loaded after app.js and uses its helpers.
'use strict';

/** The views that are no case's own (a group of cases, the inbox of every case): the chosen case's banner is not theirs. */
const VIEWS_OF_NO_CASE = new Set(['grupper', 'gruppesok', 'gruppesitater', 'innboks']);

/** After each view: the closed-case banner, and on the members page the lead's "close the case" (or, once closed, what may still change). */
async function caseAfterView(name) {
  const banner = document.getElementById('case-closed');
  let s = null;
  if (state.caseId && !VIEWS_OF_NO_CASE.has(name)) {
    try { s = await api('GET', '/api/cases/' + encodeURIComponent(state.caseId)); } catch (e) { s = null; }
  }
  const closed = Boolean(s && s.closed);
  document.body.classList.toggle('case-closed', closed);
  banner.textContent = closed ? T('ui.closed.banner', s.case, s.closedBy, localDate(s.closedAt, false)) : '';
  banner.hidden = !closed;
  if (name === 'medlemmer' && s && s.role === 'lead' && !closed && !document.getElementById('case-close')) {
    main().append(closeSection(s.case));
  }
  // a closed case takes no finding: its empty findings page does not invite one
  const none = name === 'funn' && closed ? document.getElementById('findings-none') : null;
  if (none) none.textContent = T('ui.closed.noFindings');
  // a closed case's members still change (a new reader of the archive, a leaver taken out): said above the form that changes them
  const form = name === 'medlemmer' && closed ? main().querySelector('form.member-add') : null;
  if (form && !document.getElementById('members-closed')) {
    form.before(el('p', { id: 'members-closed' }, T('ui.closed.members')));
  }
}

function closeSection(caseId) {
  return el('section', { class: 'case-close', 'aria-labelledby': 'case-close-h' },
    el('h3', { id: 'case-close-h' }, T('ui.closed.title')),
    el('p', {}, T('ui.closed.intro')),
    el('button', { type: 'button', class: 'danger', id: 'case-close', onclick: async () => {
        if (!await ask(T('ui.closed.title'), T('ui.closed.confirm', caseId), T('ui.ask.close'))) return;
        try {
          await api('POST', '/api/cases/' + encodeURIComponent(caseId) + '/close');
          await refresh();
          say(T('ui.closed.done', caseId));
        } catch (e) { showError(errorText(e)); }
      } }, T('ui.closed.button', caseId)));
}
