// Evidens sign-in page: sends the name and password as JSON; the server sets an HttpOnly session cookie.
'use strict';

/** The page's words in the language chosen in this browser (GET /api/tekster is open); Bokmål as written until then. */
const WORDS = {};
function word(key, fallback, arg) {
  const t = WORDS[key];
  return t === undefined ? fallback : t.replace('{0}', String(arg));
}
fetch('/api/tekster', { credentials: 'same-origin' }).then(r => r.json()).then(t => {
  Object.assign(WORDS, t.tekster || {});
  document.documentElement.lang = t.sprak || 'nb';
  for (const e of document.querySelectorAll('[data-t]')) {
    if (WORDS[e.dataset.t] !== undefined) e.textContent = WORDS[e.dataset.t];
  }
}).catch(() => {});

// the browser words a field left empty in its own language (often English): the catalogue's words instead
document.addEventListener('invalid', ev => {
  ev.target.setCustomValidity('');
  if (!ev.target.validity.valid && WORDS['ui.form.required'] !== undefined) ev.target.setCustomValidity(WORDS['ui.form.required']);
}, true);
document.addEventListener('input', ev => ev.target.setCustomValidity(''), true);

document.getElementById('signin-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const error = document.getElementById('signin-error');
  const button = document.getElementById('signin-submit');
  error.hidden = true;
  button.disabled = true;
  try {
    const res = await fetch('/api/signin', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: document.getElementById('signin-user').value, password: document.getElementById('signin-password').value })
    });
    if (res.ok) {
      location.replace('/');
      return;
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    error.textContent = (data && data.error) || word('ui.signin.failed', 'Innloggingen feilet (' + res.status + ')', res.status);
    error.hidden = false;
    document.getElementById('signin-password').value = '';
    document.getElementById('signin-password').focus();
  } catch (e) {
    error.textContent = word('ui.signin.noServer', 'Kan ikke nå Evidens-tjeneren.');
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
});
document.getElementById('signin-user').focus();
fetch('/api/signin', { credentials: 'same-origin' }).then(r => r.json()).then(info => {
  if (info.signedIn) location.replace('/');
  document.getElementById('oidc-box').hidden = !info.oidc;
}).catch(() => {});
