// Evidens workspace: an administrator gives any case, named by hand, a member in a role. A case made by the inbox or the
// command line has no member, so it is on no one's case list (the administrator's neither) and its members page cannot
// be reached; a misspelt name makes no new case unasked. Loaded after app.js and uses its helpers; the server records
// the change in the case's trail (member-set).
'use strict';

/**
 * The administrator's form on the members page: the case's name (every case of the home offered as a suggestion), a user
 * and a role (lead first: a case's first member leads it). A name no case has yet is a new case only when the
 * administrator says so: the server refuses it ("create": false), the form says why, and its button then reads «Opprett
 * saken … og gi medlem» until the name is changed; a second click sends "create": true.
 */
function adminMemberForm() {
  const known = el('datalist', { id: 'admin-member-cases' });
  const caseName = el('input', { type: 'text', id: 'admin-member-case', autocomplete: 'off', required: true, list: 'admin-member-cases' });
  const user = el('input', { type: 'text', id: 'admin-member-user', autocomplete: 'off', required: true });
  const role = el('select', { id: 'admin-member-role' }, ...ROLE_IDS.map(id => el('option', { value: id }, roleName(id))));
  const submit = el('button', { type: 'submit' }, T('ui.common.save'));
  let newCase = null; // the name the administrator was told is no case yet: the next save creates it
  const forget = () => { newCase = null; submit.textContent = T('ui.common.save'); };
  role.value = 'lead';
  caseName.addEventListener('input', () => { if (newCase !== null && caseName.value.trim() !== newCase) forget(); });
  api('GET', '/api/members/cases').then(r => known.replaceChildren(...r.cases.map(c => el('option', { value: c }))))
    .catch(e => console.error('Evidens workspace: no case suggestions', e));
  return el('form', { class: 'admin-member-add', onsubmit: async ev => {
    ev.preventDefault();
    const c = caseName.value.trim();
    const name = user.value.trim();
    if (!c) { showError(T('ui.members.admin.caseBlank'), caseName); return; }
    if (!name) { showError(T('ui.members.nameBlank'), user); return; }
    try {
      await api('POST', '/api/members', { case: c, user: name, role: role.value, create: newCase === c });
      if (newCase === c) known.append(el('option', { value: c }));
      forget();
      caseName.value = '';
      user.value = '';
      say(T('ui.members.admin.added', name, roleName(role.value).toLocaleLowerCase(TEXTS.sprak), c));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && refusedField(e, { case: caseName })) {
        newCase = c;
        submit.textContent = T('ui.members.admin.create', c);
        showError(T('ui.members.admin.newCase', c), caseName);
      } else {
        showError(errorText(e), caseName);
      }
    }
  } }, el('h3', {}, T('ui.members.admin.title')), el('p', {}, T('ui.members.admin.intro')),
    el('label', {}, T('ui.members.admin.case'), caseName), known, el('label', {}, T('ui.members.userName'), user),
    el('label', {}, T('ui.members.role'), role),
    el('div', { class: 'buttons' }, submit));
}
