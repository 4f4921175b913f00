// The document reader's additions: selecting a quotation with the keyboard (sentence by sentence, word by
// word), and the original page (PDF or scan) beside the text with the selection's place outlined.
// Loaded after app.js, whose helpers (el, qs, api, say) it uses; the document view calls
// EvidensReader.attach once it has drawn the text.
'use strict';

/** Every word this file shows, from the workspace's catalogue (ui.reader.*), read when shown. */
const READER_WORDS = {
  get keysTitle() { return T('ui.reader.keysTitle'); },
  get keys() {
    // the keys' names as a Norwegian keyboard and its help name them (Skift, Pil ned …), from the catalogue
    const k = name => T('ui.key.' + name);
    return [['S', 's'], ['N / P', 'np'], [k('shift') + ' + ' + k('down') + ' / ' + k('up'), 'shiftUpDown'],
      [k('shift') + ' + ' + k('right') + ' / ' + k('left'), 'shiftLeftRight'], [k('enter'), 'enter'], [k('esc'), 'esc']]
      .map(([key, what]) => [key, T('ui.reader.key.' + what)]);
  },
  get keysHint() { return T('ui.reader.keysHint'); },
  selected: (n, words) => T('ui.reader.selected', n, words),
  get cleared() { return T('ui.reader.cleared'); },
  get pageTitle() { return T('ui.reader.pageTitle'); },
  pageOf: (p, n) => T('ui.reader.pageOf', p, n),
  pageAlt: (p, file) => T('ui.reader.pageAlt', p, file),
  get prevPage() { return T('ui.reader.prevPage'); },
  get nextPage() { return T('ui.reader.nextPage'); },
  get outlined() { return T('ui.reader.outlined'); },
  get notPlaced() { return T('ui.reader.notPlaced'); },
  get noPage() { return T('ui.reader.noPage'); },
  get loading() { return T('ui.reader.loading'); },
};

const EvidensReader = (() => {
  /** Sentence spans [start, end) of the text: ends at . ! ? before a capital, digit or quote, and at line breaks. */
  function sentences(text) {
    const out = [];
    const re = /[.!?…]+[»"”’)]*(?=\s+[A-ZÆØÅ0-9«"“(§-])|\n+/g;
    let from = 0;
    let m;
    const push = (s, e) => {
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) out.push([s, e]);
    };
    while ((m = re.exec(text)) !== null) {
      const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
      push(from, end);
      from = m.index + m[0].length;
    }
    push(from, text.length);
    return out;
  }

  /** Word spans [start, end): runs of non-space characters. */
  function words(text) {
    const out = [];
    const re = /\S+/g;
    let m;
    while ((m = re.exec(text)) !== null) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  /** The text node and offset in it where document offset {@code at} stands (an end offset stays in the segment before). */
  function position(box, at, isEnd) {
    const segs = Array.from(box.querySelectorAll('[data-s]'));
    let seg = null;
    for (const s of segs) {
      const from = +s.dataset.s;
      if (isEnd ? from < at : from <= at) seg = s; else break;
    }
    if (!seg) seg = segs[0];
    const node = seg.firstChild || seg;
    const len = node.nodeType === Node.TEXT_NODE ? node.length : 0;
    return { node, offset: Math.max(0, Math.min(len, at - +seg.dataset.s)) };
  }

  function select(box, start, end) {
    const a = position(box, start, false);
    const b = position(box, end, true);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    // Scrolled by the selection's own place: a segment of the text may be longer than the pane.
    const r = range.getBoundingClientRect();
    const pane = box.getBoundingClientRect();
    if (r.top < pane.top || r.bottom > pane.bottom) box.scrollTop += r.top - pane.top - pane.height / 3;
  }

  /**
   * The first sentence whose text is visible in the pane: the character at the pane's top left corner (inside its
   * padding), or, where the browser cannot say, the start of the first segment showing (a segment may run for pages).
   */
  function firstVisible(box, list) {
    const pane = box.getBoundingClientRect();
    const x = pane.left + 30;
    const y = pane.top + 30;
    let at = null;
    const caret = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y)
      : document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
    const node = caret && (caret.offsetNode || caret.startContainer);
    if (node && box.contains(node)) at = offsetOf(box, node, caret.offsetNode ? caret.offset : caret.startOffset, false);
    if (at === null) {
      const seg = Array.from(box.querySelectorAll('[data-s]')).find(s => s.getBoundingClientRect().bottom > pane.top);
      at = seg ? +seg.dataset.s : 0;
    }
    return list.findIndex(s => s[1] > at);
  }

  /** Keyboard selection in the text pane. */
  function keyboard(ctx) {
    const { view, textBox, attachBtn } = ctx;
    // The sentences and words of the loaded text (ctx.view: a window of a large document, or all of a small one), as
    // document offsets; found again when a window is added or the reader jumps.
    let found = null;
    const spans = () => {
      if (!found || found.from !== view.from || found.to !== view.to) {
        const shift = list => list.map(([s, e]) => [s + view.from, e + view.from]);
        found = { from: view.from, to: view.to, sents: shift(sentences(view.text)), ws: shift(words(view.text)) };
      }
      return found;
    };
    let span = null;
    let sents = [];
    let ws = [];
    const indexOf = at => Math.max(0, sents.findIndex(s => s[1] > at));
    const apply = (s, e) => {
      span = [s, e];
      select(textBox, s, e);
      const n = ws.filter(w => w[0] >= s && w[1] <= e).length;
      say(READER_WORDS.selected(e - s, n) + ' ' + view.text.slice(s - view.from, Math.min(e, s + 120) - view.from));
    };
    const current = () => {
      const sel = selectedSpan(textBox);
      if (sel) span = [sel.start, sel.end];
      return sel ? span : null;
    };
    textBox.addEventListener('keydown', ev => {
      ({ sents, ws } = spans());
      if (ev.ctrlKey || ev.metaKey || ev.altKey || !sents.length) return;
      const k = ev.key;
      const cur = current();
      let handled = true;
      if (k === 's' || k === 'S') {
        const i = cur ? indexOf(cur[0]) : firstVisible(textBox, sents);
        apply(...sents[Math.max(0, i)]);
      } else if (k === 'n' || k === 'N' || k === 'p' || k === 'P') {
        const forward = k === 'n' || k === 'N';
        const i = cur ? indexOf(forward ? cur[1] - 1 : cur[0]) : firstVisible(textBox, sents) - (forward ? 1 : 0);
        apply(...sents[Math.max(0, Math.min(sents.length - 1, i + (forward ? 1 : -1)))]);
      } else if (ev.shiftKey && cur && (k === 'ArrowDown' || k === 'ArrowUp')) {
        const last = indexOf(cur[1] - 1);
        if (k === 'ArrowDown') {
          // to the end of the sentence the selection ends in, or of the next one when it ends a sentence
          const to = sents[last][1] > cur[1] ? sents[last][1] : last + 1 < sents.length ? sents[last + 1][1] : cur[1];
          apply(cur[0], to);
        }
        else if (k === 'ArrowUp') {
          const prev = sents.filter(s => s[1] < cur[1] && s[1] > cur[0]).pop();
          if (prev) apply(cur[0], prev[1]);
        }
      } else if (ev.shiftKey && cur && (k === 'ArrowRight' || k === 'ArrowLeft')) {
        if (k === 'ArrowRight') {
          const next = ws.find(w => w[1] > cur[1]);
          if (next) apply(cur[0], next[1]);
        } else {
          const prev = ws.filter(w => w[1] < cur[1] && w[1] > cur[0]).pop();
          if (prev) apply(cur[0], prev[1]);
        }
      } else if (k === 'Enter' && cur && !attachBtn.disabled) {
        attachBtn.click();
      } else if (k === 'Escape' && cur) {
        window.getSelection().removeAllRanges();
        span = null;
        say(READER_WORDS.cleared);
      } else {
        handled = false;
      }
      if (handled) ev.preventDefault();
    });
    const help = el('details', { class: 'help reader-keys', id: 'reader-keys' },
      el('summary', {}, READER_WORDS.keysTitle),
      el('p', {}, READER_WORDS.keysHint),
      el('table', {}, el('tbody', {}, ...READER_WORDS.keys.map(([key, what]) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, key)), el('td', {}, what))))));
    attachBtn.parentElement.append(help);
    const described = (textBox.getAttribute('aria-describedby') || '').split(' ').concat('reader-keys-hint').join(' ').trim();
    help.querySelector('p').id = 'reader-keys-hint';
    textBox.setAttribute('aria-describedby', described);
  }

  const SVG = 'http://www.w3.org/2000/svg';

  /** The original page beside the text, with the selection's place outlined. */
  function page(ctx) {
    const { d, textBox, at } = ctx;
    const pdf = /^application\/pdf/i.test(d.mediaType || '');
    if (!pdf && !/^image\//i.test(d.mediaType || '')) return;
    const pages = Math.max(1, d.pageStarts.length);
    const pageAt = offset => { let p = 1; d.pageStarts.forEach((s, i) => { if (s <= offset) p = i + 1; }); return p; };
    let shown = 0;
    const img = el('img', { class: 'page-image', id: 'page-image', alt: '' });
    const outline = document.createElementNS(SVG, 'svg');
    outline.setAttribute('class', 'page-outline');
    outline.setAttribute('viewBox', '0 0 1000 1000');
    outline.setAttribute('preserveAspectRatio', 'none');
    outline.setAttribute('aria-hidden', 'true');
    const label = el('span', { class: 'cite', id: 'page-label', 'aria-live': 'polite' });
    const note = el('p', { class: 'cite', id: 'page-note', 'aria-live': 'polite' });
    const prev = el('button', { type: 'button', class: 'secondary', id: 'page-prev', onclick: () => show(shown - 1, []) }, READER_WORDS.prevPage);
    const next = el('button', { type: 'button', class: 'secondary', id: 'page-next', onclick: () => show(shown + 1, []) }, READER_WORDS.nextPage);
    const figure = el('section', { class: 'page-view', id: 'page-view', 'aria-labelledby': 'page-title' },
      el('h3', { id: 'page-title' }, READER_WORDS.pageTitle),
      el('div', { class: 'actions' }, prev, label, next),
      el('div', { class: 'page-frame' }, img, outline),
      note);
    img.addEventListener('error', () => { note.textContent = READER_WORDS.noPage; img.hidden = true; });
    img.addEventListener('load', () => { img.hidden = false; });
    function draw(boxes) {
      outline.replaceChildren(...boxes.map(b => {
        const r = document.createElementNS(SVG, 'rect');
        const pad = 4;
        r.setAttribute('x', String(b.x * 1000 - pad));
        r.setAttribute('y', String(b.y * 1000 - pad));
        r.setAttribute('width', String(b.width * 1000 + 2 * pad));
        r.setAttribute('height', String(b.height * 1000 + 2 * pad));
        return r;
      }));
    }
    function show(p, boxes) {
      p = Math.max(1, Math.min(pages, p));
      if (p !== shown) {
        shown = p;
        note.textContent = READER_WORDS.loading;
        img.src = '/api/page?' + qs({ case: d.case, doc: d.docId, page: p });
        img.alt = READER_WORDS.pageAlt(p, d.file);
        img.addEventListener('load', () => { if (note.textContent === READER_WORDS.loading) note.textContent = ''; }, { once: true });
      }
      label.textContent = READER_WORDS.pageOf(p, pages);
      prev.disabled = p <= 1;
      next.disabled = p >= pages;
      draw(boxes);
    }
    let timer = null;
    let asked = '';
    async function follow() {
      const sel = selectedSpan(textBox);
      if (!sel) return;
      const key = sel.start + '-' + sel.end;
      if (key === asked) return;
      asked = key;
      try {
        const o = await api('GET', '/api/page/outline?' + qs({ case: d.case, doc: d.docId, start: sel.start, end: sel.end }));
        if (asked !== key) return;
        show(o.page, o.boxes);
        note.textContent = o.boxes.length ? READER_WORDS.outlined : READER_WORDS.notPlaced;
      } catch (e) { note.textContent = errorText(e); }
    }
    const onChange = () => {
      if (!textBox.isConnected) { document.removeEventListener('selectionchange', onChange); return; }
      clearTimeout(timer);
      if (outline.childNodes.length) draw([]);
      // The outline drawn is gone (or stale): ask again even when the selection comes back to the one last asked
      // (shift+right then shift+left within the pause), else the page stays without its outline.
      asked = '';
      timer = setTimeout(follow, 250);
    };
    document.addEventListener('selectionchange', onChange);
    ctx.layout.classList.add('with-page');
    ctx.layout.insertBefore(figure, ctx.layout.children[1] || null);
    show(at >= 0 ? pageAt(at) : 1, []);
  }

  return {
    attach(ctx) {
      keyboard(ctx);
      page(ctx);
      // Opened from a quotation (at … to): it is selected, so its place on the original page is outlined.
      if (ctx.at >= ctx.view.from && ctx.to > ctx.at && ctx.to <= ctx.view.to) select(ctx.textBox, ctx.at, ctx.to);
    },
  };
})();
window.EvidensReader = EvidensReader;
