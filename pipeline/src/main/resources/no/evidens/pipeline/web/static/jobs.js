// The ingest page's list of earlier ingestions (kept by the server across restarts): each with its
// state, and a button to resume one that was interrupted or failed, or to run one again. Loaded after
// app.js, whose helpers (el, qs, api, say, showProgress, showReceipt, loadCases) it uses.
'use strict';

/** Every word this file shows, in Bokmål (to move into the workspace's message catalogue). */
const JOBS_WORDS = {
  title: 'Tidligere innlesinger',
  none: 'Ingen innlesinger ennå.',
  caption: 'Innlesinger på denne tjeneren, nyeste først. En innlesing som ble avbrutt da tjeneren stoppet, kan fortsettes.',
  cols: ['Startet', 'Sak', 'Fil', 'Status', 'Filer', ''],
  states: { running: 'pågår', done: 'ferdig', failed: 'feilet', interrupted: 'avbrutt' },
  resume: 'Fortsett',
  rerun: 'Les inn på nytt',
  resumeLabel: (verb, file) => `${verb}: ${file}`,
  started: file => `Leser inn ${file} igjen …`,
  files: (done, total, failed) => `${done} av ${total < 0 ? '?' : total}` + (failed ? ` (${failed} feilet)` : ''),
  failedJob: error => 'Innlesingen feilet: ' + error,
};

const EvidensJobs = (() => {
  async function follow(job, progress, progressText, receipt) {
    progress.hidden = false;
    while (job.state === 'running') {
      showProgress(job, progress, progressText);
      await new Promise(r => setTimeout(r, 700));
      job = await api('GET', '/api/ingest/' + encodeURIComponent(job.id));
    }
    showProgress(job, progress, progressText);
    if (job.state === 'failed') throw new Error(JOBS_WORDS.failedJob(job.error));
    showReceipt(receipt, job.receipt);
    await loadCases(job.case);
  }

  async function list(box, parts) {
    let jobs;
    try { jobs = await api('GET', '/api/ingest'); } catch (e) { box.replaceChildren(el('p', { class: 'alert' }, e.message)); return; }
    const w = JOBS_WORDS;
    const row = j => {
      const verb = j.state === 'running' ? null : j.state === 'done' ? w.rerun : w.resume;
      const button = verb ? el('button', { type: 'button', class: 'secondary', 'aria-label': w.resumeLabel(verb, j.file),
        dataset: { job: j.id }, onclick: async ev => {
          ev.currentTarget.disabled = true;
          try {
            const started = await api('POST', '/api/ingest/' + encodeURIComponent(j.id) + '/resume');
            say(w.started(j.file));
            await follow(started, parts.progress, parts.progressText, parts.receipt);
          } catch (e) { showError(e.message); }
          list(box, parts);
        } }, verb) : '';
      return el('tr', { class: j.state === 'failed' || j.state === 'interrupted' ? 'failed' : '', id: 'job-' + j.id },
        el('td', {}, el('time', { datetime: j.started }, j.started.slice(0, 16).replace('T', ' '))),
        el('td', {}, j.case), el('td', {}, j.file), el('td', {}, w.states[j.state] || j.state),
        el('td', {}, w.files(j.done, j.total, j.failed)), el('td', {}, button));
    };
    box.replaceChildren(el('h3', { id: 'jobs-title' }, w.title), jobs.length
      ? el('table', { class: 'receipt', id: 'jobs-table' }, el('caption', {}, w.caption),
        el('thead', {}, el('tr', {}, ...w.cols.map(c => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, ...jobs.map(row)))
      : el('p', {}, w.none));
  }

  return {
    /** Adds the list below the ingest form; parts: the page's progress bar, its text and the receipt box. */
    attach(parts) {
      const box = el('section', { id: 'jobs', 'aria-labelledby': 'jobs-title' });
      main().append(box);
      list(box, parts);
      return box;
    },
  };
})();
window.EvidensJobs = EvidensJobs;
