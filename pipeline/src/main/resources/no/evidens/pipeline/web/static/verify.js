// The findings page's check of its quotations (what `evidens verify` does on the command line): a button that starts
// the check on the server, its progress in words while it runs, then a summary, the quotations that no longer match
// their source listed as buttons that take the focus to them, and each quotation's state beside it. Loaded after
// app.js and uses its helpers (el, api, say, showError, errorText, T, localDate).
'use strict';

const EvidensVerify = (() => {
  /** How often a running check is asked how it goes. */
  const POLL_MS = 700;
  // one follower at a time: a view drawn again (the page refreshed) stops the one of the page before
  let following = 0;

  const path = caseId => '/api/cases/' + encodeURIComponent(caseId) + '/verify';

  /** Beside the export buttons, in words: when the quotations were last checked and how it went (nothing is blocked). */
  function noteExport(check) {
    const bar = main().querySelector('section.export');
    if (!bar || !check.exportNote) return;
    let note = document.getElementById('export-check-note');
    if (!note) {
      note = el('p', { id: 'export-check-note', class: 'cite export-check-note' });
      bar.append(note);
      // read out with each export button, for whoever reaches them by keyboard or screen reader
      for (const a of bar.querySelectorAll('a.button')) a.setAttribute('aria-describedby', note.id);
    }
    note.textContent = check.exportNote;
  }

  function showRunning(parts, check) {
    parts.button.disabled = true;
    parts.progress.hidden = false;
    if (check.total > 0) { parts.progress.max = check.total; parts.progress.value = check.done; } else parts.progress.removeAttribute('value');
    parts.progressText.textContent = check.total < 0 ? T('ui.verify.reading') : T('ui.verify.progress', check.done, check.total);
  }

  /** Follows a running check until it is done, then shows it; announces the outcome when the person started it here. */
  async function follow(caseId, parts, check, announce) {
    const mine = ++following;
    while (check.state === 'running') {
      showRunning(parts, check);
      await new Promise(r => setTimeout(r, POLL_MS));
      if (mine !== following || !document.body.contains(parts.box)) return;
      check = await api('GET', path(caseId));
    }
    show(parts, check, announce);
  }

  /** The outcome: the summary (focused when announced), the problem list, and each quotation's state in its finding. */
  function show(parts, check, announce) {
    noteExport(check);
    parts.button.disabled = false;
    parts.progress.hidden = true;
    parts.progressText.textContent = '';
    if (check.state === 'failed') {
      parts.result.replaceChildren(el('p', { class: 'alert', id: 'verify-failed' }, T('ui.verify.failed', check.error)));
      if (announce) showError(T('ui.verify.failed', check.error));
      return;
    }
    if (check.state !== 'done') return;
    const label = ref => (parts.findings.find(f => f.ref === ref) || { label: ref }).label;
    const problems = check.quotations.filter(q => q.problem);
    const summary = el('p', { id: 'verify-summary', class: problems.length ? 'verify-summary problems' : 'verify-summary', tabindex: '-1' }, check.summary);
    // replaceChildren is the DOM's own, which writes a null as the word «null» (el() leaves it out): '' when all hold
    parts.result.replaceChildren(summary,
      el('p', { class: 'cite', id: 'verify-when' }, T('ui.verify.checkedBy', check.by, localDate(check.finished, true))),
      problems.length ? el('section', { 'aria-labelledby': 'verify-problems-h' },
        el('h3', { id: 'verify-problems-h' }, T('ui.verify.problemsHeading')),
        el('ul', { id: 'verify-problems', class: 'verify-problems' }, ...problems.map(q => el('li', {},
          el('button', { type: 'button', class: 'secondary', dataset: { item: String(q.item) }, onclick: () => focusQuote(q.item) },
            T('ui.verify.goTo', q.position, label(q.finding), q.text)))))) : '');
    mark(check);
    if (announce) { say(check.summary); summary.focus(); }
  }

  /** Each quotation on the page gets its state (and the new content's line) as words; a problem is marked as one. */
  function mark(check) {
    const byItem = new Map(check.quotations.map(q => [String(q.item), q]));
    unmark();
    for (const li of document.querySelectorAll('.evidence li[data-item]')) {
      const q = byItem.get(li.dataset.item);
      li.classList.toggle('verify-problem', Boolean(q && q.problem));
      li.id = 'quote-' + li.dataset.item;
      li.tabIndex = -1;
      const words = q ? [el('strong', {}, T('ui.verify.label') + ' '), q.text, q.detail ? el('span', { class: 'verify-detail' }, ' ' + q.detail) : null]
        : [el('strong', {}, T('ui.verify.label') + ' '), T('ui.verify.notChecked')];
      li.querySelector('blockquote').after(el('p', { class: 'verify-state ' + (q ? 'state-' + q.state : 'state-none'), dataset: { state: q ? q.state : 'none' } }, ...words));
    }
  }

  function unmark() {
    for (const li of document.querySelectorAll('.evidence li[data-item]')) {
      li.querySelector('.verify-state')?.remove();
      li.classList.remove('verify-problem');
    }
  }

  function focusQuote(item) {
    const li = document.getElementById('quote-' + item);
    if (!li) return;
    li.scrollIntoView({ block: 'center' });
    li.focus({ preventScroll: true });
  }

  return {
    /** Adds the check below the findings page's heading; shows the case's last check, or follows the one running. */
    async attach(caseId, findings) {
      const h = main().querySelector('h2');
      if (!h || !findings.length) return;
      const parts = { findings };
      parts.button = el('button', { type: 'button', id: 'verify-button', 'aria-describedby': 'verify-intro' }, T('ui.verify.button'));
      parts.progress = el('progress', { id: 'verify-progress', hidden: true, 'aria-label': T('ui.verify.button') });
      parts.progressText = el('p', { id: 'verify-progress-text', class: 'cite' });
      parts.result = el('div', { id: 'verify-result' });
      parts.box = el('section', { id: 'verify', class: 'verify', 'aria-label': T('ui.verify.button') },
        el('p', { id: 'verify-intro', class: 'cite' }, T('ui.verify.intro')),
        el('div', { class: 'verify-run' }, parts.button, parts.progress), parts.progressText, parts.result);
      h.after(parts.box);
      // pressed before the case's last check came back: that answer is older than what the button started, and is dropped
      let pressed = false;
      parts.button.addEventListener('click', async () => {
        pressed = true;
        showError('');
        // said at once, before the server answers: a check that ends before its answer has had no progress to show
        showRunning(parts, { total: -1, done: 0 });
        try {
          const check = await api('POST', path(caseId));
          // the last check's outcome is not shown beside the progress of the next
          parts.result.replaceChildren();
          unmark();
          say(T('ui.verify.started'));
          await follow(caseId, parts, check, true);
        } catch (e) {
          // someone else's check of the case runs: said, and followed to its end
          if (e instanceof ApiError && e.status === 409) {
            showError(errorText(e));
            try { await follow(caseId, parts, await api('GET', path(caseId)), false); } catch (x) { showError(errorText(x)); }
          } else { showError(errorText(e)); }
        } finally {
          // a refusal, or the server lost while the check was followed: the button can be pressed again, the progress goes
          parts.progress.hidden = true;
          parts.progressText.textContent = '';
          parts.button.disabled = false;
        }
      });
      let last;
      try { last = await api('GET', path(caseId)); } catch (e) { return; }
      if (pressed) return;
      noteExport(last);
      if (last.state === 'running') follow(caseId, parts, last, false).catch(e => showError(errorText(e)));
      else show(parts, last, false);
    },
  };
})();
window.EvidensVerify = EvidensVerify;
