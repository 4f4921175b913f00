// The ingest page's list of earlier ingestions (kept by the server across restarts): each with its
// state, and a button to resume one that was interrupted or failed, or to run one again. Loaded after
// app.js, whose helpers (el, qs, api, say, showProgress, showReceipt, loadCases) it uses.
'use strict';

/** Every word this file shows, from the workspace's catalogue (ui.jobs.*), read when shown. */
const JOBS_WORDS = {
  get title() { return T('ui.jobs.title'); },
  get none() { return T('ui.jobs.none'); },
  get caption() { return T('ui.jobs.caption'); },
  get cols() { return ['started', 'case', 'file', 'status', 'files'].map(c => T('ui.jobs.col.' + c)).concat(['']); },
  state: s => (['running', 'done', 'failed', 'interrupted', 'waiting'].includes(s) ? T('ui.jobs.state.' + s) : s),
  // a running job's phase, and the one an interrupted job was cut off in (kept in its file: after a restart too)
  status: j => (['running', 'interrupted'].includes(j.state) && ['unpacking', 'starting', 'reading', 'saving'].includes(j.phase)
    ? T('ui.jobs.' + j.state + '.' + j.phase) : JOBS_WORDS.state(j.state)),
  get resume() { return T('ui.jobs.resume'); },
  get rerun() { return T('ui.jobs.rerun'); },
  resumeLabel: (verb, file) => `${verb}: ${file}`,
  started: file => T('ui.jobs.started', file),
  files: (done, total, failed) => T(failed ? 'ui.jobs.filesFailed' : 'ui.jobs.files', done, total < 0 ? '?' : total, failed),
  failedJob: error => T('ui.ingest.failed', error),
};

const EvidensJobs = (() => {
  /** The list shown (refreshed when a job followed changes state), and the page's parts. */
  let shown = null;

  /**
   * Polls a job while it runs or waits (for the index, or behind another writer: it goes on by itself, and the list
   * shows it move from waiting to running as it does); its progress, or why it waits, shown meanwhile. The job as it ended.
   */
  async function followWhileUnfinished(job, progress, progressText) {
    progress.hidden = false;
    if (shown) list(shown.box, shown.parts); // the job followed is in the list from the start
    let was = null;
    while (job.state === 'running' || job.state === 'waiting') {
      if (!progress.isConnected) return job; // the page was left: no more polls for it
      if (job.state === 'waiting') progressText.textContent = job.waiting; else showProgress(job, progress, progressText);
      if (was !== null && was !== job.state && shown) list(shown.box, shown.parts); // venter → pågår, as it goes on
      was = job.state;
      await new Promise(r => setTimeout(r, job.state === 'waiting' ? 1000 : 700));
      job = await api('GET', '/api/ingest/' + encodeURIComponent(job.id));
    }
    showProgress(job, progress, progressText);
    if (shown) list(shown.box, shown.parts);
    return job;
  }

  async function follow(job, progress, progressText, receipt) {
    job = await followWhileUnfinished(job, progress, progressText);
    if (job.state === 'failed') throw new WordedError(JOBS_WORDS.failedJob(job.error));
    showReceipt(receipt, job.receipt);
    await loadCases(job.case);
  }

  async function list(box, parts) {
    let jobs;
    try { jobs = await api('GET', '/api/ingest'); } catch (e) { box.replaceChildren(el('p', { class: 'alert' }, errorText(e))); return; }
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
          } catch (e) { showError(errorText(e)); }
          list(box, parts);
        } }, verb) : '';
      return el('tr', { class: j.state === 'failed' || j.state === 'interrupted' ? 'failed' : '', id: 'job-' + j.id },
        el('td', {}, el('time', { datetime: j.started }, localDate(j.started, true))),
        el('td', {}, j.case), el('td', {}, j.file), el('td', {}, w.status(j)),
        el('td', {}, w.files(j.done, j.total, j.failed)), el('td', {}, button));
    };
    box.replaceChildren(el('h3', { id: 'jobs-title' }, w.title), jobs.length
      ? wideTable(el('table', { class: 'receipt', id: 'jobs-table' }, el('caption', {}, w.caption),
        el('thead', {}, el('tr', {}, ...w.cols.map(c => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, ...jobs.map(row))), w.title)
      : el('p', {}, w.none));
  }

  return {
    /** Adds the list below the ingest form; parts: the page's progress bar, its text and the receipt box. */
    attach(parts) {
      const box = el('section', { id: 'jobs', 'aria-labelledby': 'jobs-title' });
      main().append(box);
      shown = { box, parts };
      list(box, parts);
      return box;
    },
    followWhileUnfinished,
  };
})();
window.EvidensJobs = EvidensJobs;
