// Evidens sign-in page: sends the name and password as JSON; the server sets an HttpOnly session cookie.
'use strict';

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
    error.textContent = (data && data.error) || ('Innloggingen feilet (' + res.status + ')');
    error.hidden = false;
    document.getElementById('signin-password').value = '';
    document.getElementById('signin-password').focus();
  } catch (e) {
    error.textContent = 'Kan ikke nå Evidens-tjeneren.';
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
