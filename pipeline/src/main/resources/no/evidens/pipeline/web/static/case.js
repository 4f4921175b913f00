// Evidens workspace: whether the case is closed (then it can only be read, and every view says so),
// and closing it, which only the case's lead may do. Loaded after app.js and uses its helpers.
'use strict';

/** After each view: the closed-case banner, and on the members page the lead's "close the case". */
async function caseAfterView(name) {
  const banner = document.getElementById('case-closed');
  let s = null;
  if (state.caseId) {
    try { s = await api('GET', '/api/cases/' + encodeURIComponent(state.caseId)); } catch (e) { s = null; }
  }
  const closed = Boolean(s && s.closed);
  document.body.classList.toggle('case-closed', closed);
  banner.textContent = closed
    ? `Saken ${s.case} ble lukket av ${s.closedBy} ${new Date(s.closedAt).toLocaleDateString('nb-NO')} og kan bare leses.` : '';
  banner.hidden = !closed;
  if (name === 'medlemmer' && s && s.role === 'lead' && !closed && !document.getElementById('case-close')) {
    main().append(closeSection(s.case));
  }
}

function closeSection(caseId) {
  return el('section', { class: 'case-close', 'aria-labelledby': 'case-close-h' },
    el('h3', { id: 'case-close-h' }, 'Lukk saken'),
    el('p', {}, 'En lukket sak kan bare leses: ingen nye bunker, ingen endringer i funn eller sitater. '
      + 'Lukkingen står i revisjonssporet. Journaler og klientdokumentasjon kan slettes etterpå (evidens case delete-records).'),
    el('button', { type: 'button', class: 'danger', id: 'case-close', onclick: async () => {
        if (!confirm(`Lukke saken ${caseId}? Den kan bare leses etterpå.`)) return;
        try {
          await api('POST', '/api/cases/' + encodeURIComponent(caseId) + '/close');
          await refresh();
          say(`Saken ${caseId} er lukket.`);
        } catch (e) { showError(e.message); }
      } }, 'Lukk saken ' + caseId));
}
