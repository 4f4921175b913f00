// Evidens workspace: an administrator gives any case, named by hand, a member in a role. A case made by the inbox or the
// command line has no member, so it is on no one's case list (the administrator's neither) and its members page cannot
// be reached. Loaded after app.js and uses its helpers; the server records the change in the case's trail (member-set).
'use strict';

/** The administrator's form on the members page: the case's name, a user and a role (lead first: a case's first member leads it). */
function adminMemberForm() {
  const caseName = el('input', { type: 'text', id: 'admin-member-case', autocomplete: 'off', required: true });
  const user = el('input', { type: 'text', id: 'admin-member-user', autocomplete: 'off', required: true });
  const role = el('select', { id: 'admin-member-role' }, ...ROLE_IDS.map(id => el('option', { value: id }, roleName(id))));
  role.value = 'lead';
  return el('form', { class: 'admin-member-add', onsubmit: async ev => {
    ev.preventDefault();
    const c = caseName.value.trim();
    const name = user.value.trim();
    if (!c) { showError(T('ui.members.admin.caseBlank'), caseName); return; }
    if (!name) { showError(T('ui.members.nameBlank'), user); return; }
    try {
      await api('POST', '/api/members', { case: c, user: name, role: role.value });
      caseName.value = '';
      user.value = '';
      say(T('ui.members.admin.added', name, roleName(role.value).toLocaleLowerCase(TEXTS.sprak), c));
    } catch (e) { showError(errorText(e), caseName); }
  } }, el('h3', {}, T('ui.members.admin.title')), el('p', {}, T('ui.members.admin.intro')),
    el('label', {}, T('ui.members.admin.case'), caseName), el('label', {}, T('ui.members.userName'), user),
    el('label', {}, T('ui.members.role'), role),
    el('div', { class: 'buttons' }, el('button', { type: 'submit' }, T('ui.common.save'))));
}
