#!/usr/bin/env python3
"""Prints the stretches of an ingest from the time marks it wrote with -Devidens.ingestMarks=FILE (IngestMarks): each
mark's time since the JVM started and the seconds since the mark before, then the commits the route made (each one's
seconds on the tagging thread that made it) and the start and tail summed. Several files: one after another.

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
        if what in ('commit begins', 'commit done'):
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


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        report(path)


if __name__ == '__main__':
    main()
