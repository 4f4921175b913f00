#!/usr/bin/env python3
"""Prints the stretches of an ingest from the time marks it wrote with -Devidens.ingestMarks=FILE (IngestMarks): each
mark's time since the JVM started and the seconds since the mark before, then the commits the route made (each one's
seconds on the tagging thread that made it) and the start and tail summed, and, from the marks made every 1,000
documents indexed (CpuMark), each 1,000's processor seconds: the main process, of it the JIT's compilers and the
collector, and the Tika workers, with the collections; so that a part whose cost per document grows over one ingest
shows. Several files: one after another.

  EVIDENS_JAVA_OPTS="-Xmx3g -Devidens.ingestMarks=/tmp/marks-%s.txt" ./evidens bench ingest --docs 1000 --threads 2
  scripts/ingest-marks.py /tmp/marks-evidens.txt          # the first ingest (evidens-again.txt: the re-ingest)
"""
import sys


def read(path):
    marks = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            ms, what, thread = line.rstrip('\n').split('\t', 2)
            marks.append((int(ms) / 1000, what, thread))
    return marks


def first(marks, what):
    return next((t for t, w, _ in marks if w == what), None)


def report(path):
    marks = read(path)
    print('== ' + path)
    before = 0.0
    for t, what, thread in marks:
        if what in ('commit begins', 'commit done') or what.startswith('indexed '):
            continue
        print('%8.2f s  %-24s +%6.2f s   %s' % (t, what, t - before, thread))
        before = t
    commits, began = [], None
    for t, what, _ in marks:
        if what == 'commit begins':
            began = t
        elif what == 'commit done' and began is not None:
            commits.append(t - began)
            began = None
    if commits:
        print('commits on a tagging thread: %s s (%.2f s in all)' % (', '.join('%.2f' % c for c in commits), sum(commits)))
    opened, worker, models, read_first = (first(marks, w) for w in
                                          ('index writer open', 'worker ready', 'models loaded', 'first file read'))
    if None not in (opened, worker, models, read_first):
        print('start: the JVM to the index writer open %.2f s (one thread), then the worker ready after %.2f s and the '
              'models after %.2f s side by side, the first file back %.2f s after the later of them'
              % (opened, worker - opened, models - opened, read_first - max(worker, models)))
    done, receipt = first(marks, 'route done'), first(marks, 'receipt written')
    if None not in (done, receipt):
        print('tail: the route done to the receipt written %.2f s' % (receipt - done))


def cpu_windows(marks):
    """Each 1,000 documents' processor seconds, from the marks 'indexed N cpu main M jit J gc G collections C in T workers W'."""
    rows = []
    for t, what, _ in marks:
        w = what.split()
        if len(w) == 15 and w[0] == 'indexed' and w[2] == 'cpu':
            rows.append((t, int(w[1]), float(w[4]), float(w[6]), float(w[8]), int(w[10]), float(w[12]), float(w[14])))
    if len(rows) < 2:
        return
    print('per window of documents indexed, CPU s (main = the whole main process; jit and gc are part of it; the rest '
          'is the tagging, the index and the route):')
    print('%9s %7s %7s %7s %7s %7s %9s %8s' % ('documents', 'wall s', 'main', 'jit', 'gc', 'rest', 'workers', 'gc runs'))
    for a, b in zip(rows, rows[1:]):
        main, jit, gc = b[2] - a[2], b[3] - a[3], b[4] - a[4]
        print('%9s %7.1f %7.2f %7.2f %7.2f %7.2f %9.2f %4d/%.1fs' % (
            '%d-%d' % (a[1], b[1]), b[0] - a[0], main, jit, gc, main - jit - gc, b[7] - a[7], b[5] - a[5], b[6] - a[6]))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        report(path)
        cpu_windows(read(path))


if __name__ == '__main__':
    main()
