#!/usr/bin/env python3
"""What a term search's split over two threads costs, from the trace of a scratch build (search round 39).

Apply scripts/split-trace.patch to the code at f53440c0 (or later code with the same IndexSnapshot/SearchThreads), build,
then on a bench index (`evidens bench search --dir DIR`):

  java -Xmx1g -Devidens.search.trace=true -Devidens.search.traceOut=OUT.tsv [-Devidens.search.perSegment=true] \
      -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar" scripts/SearchCompare.java cpu DIR 5 term
  python3 scripts/split-trace.py OUT.tsv [SEARCHES] [--halves 0+3+4,1+2]

Each line of OUT.tsv is one split call (the count's or the page's): its kind, the segments of each task, the call's wall
time and the searching thread's CPU in it, then per task who ran it (C the searching thread, P the pool's thread), its
start and end (ns after the call began) and its thread CPU; and one line a search ("marks"): the searching thread's CPU
in each part of it (reading the query, counting, the page's set-up, split call and merge, the facet labels, the cap,
stored fields, highlighting). Only the last SEARCHES searches (default 1000: the measured
rounds of `cpu DIR 5 term`) are read. With a per-segment trace, --halves (the base's two slices, by segment ord) adds a
model: each search's count and page finished by two threads from the segments' own CPU times, once as the two fixed
slices, once handed out a segment at a time costliest first, the second thread starting --handover ms late.
"""
import statistics
import sys


def q(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] if xs else float('nan')


def tasks_of(row):
    out = []
    for ords, t in zip(row[1].split(','), row[4:]):
        who, start, end, cpu = t.split(',')
        out.append((who, int(start) / 1e6, int(end) / 1e6, int(cpu) / 1e6, [int(o) for o in ords.split('+')]))
    return out


def makespan(costs, handover):
    free = [0.0, handover]  # the searching thread at once, the pool's thread after the hand-over
    for c in costs:
        i = 0 if free[0] <= free[1] else 1
        free[i] += c
    return max(free)


def main():
    args = sys.argv[1:]
    halves = None
    handover = 0.03
    if '--halves' in args:
        i = args.index('--halves')
        halves = [set(int(o) for o in part.split('+')) for part in args[i + 1].split(',')]
        del args[i:i + 2]
    if '--handover' in args:
        i = args.index('--handover')
        handover = float(args[i + 1])
        del args[i:i + 2]
    searches = int(args[1]) if len(args) > 1 else 1000
    lines = [line.rstrip('\n').split('\t') for line in open(args[0])]
    marks = [r for r in lines if r[0] == 'marks'][-searches:]
    rows = [r for r in lines if r[0] != 'marks'][-2 * searches:]
    if marks:
        # The searching thread's CPU per part of a search (the patch's marks), and the page's part outside its split call.
        parts = {}
        for r in marks:
            for part in r[2:]:
                name, ns = part.rsplit(',', 1)
                parts.setdefault(name, []).append(int(ns) / 1e6)
        whole = [sum(int(p.rsplit(',', 1)[1]) for p in r[2:]) / 1e6 for r in marks]
        print(f"the searching thread's CPU per part of a search, p50 (mean), of {len(marks)} searches; "
              f"whole search p50 {q(whole, .5):.3f} ms (mean {statistics.mean(whole):.3f}):")
        for name, xs in parts.items():
            print(f"   {name:18s} {q(xs, .5):.3f} ms ({statistics.mean(xs):.3f})")
        if 'page: split' in parts:
            page_parts = [n for n in parts if n.startswith('page') and n != 'page: split']
            outside = [sum(xs) for xs in zip(*(parts[n] for n in page_parts))]
            print(f"   the page's parts outside its split call, together: p50 {q(outside, .5):.3f} ms "
                  f"({statistics.mean(outside):.3f})")
    for kind in ('count', 'page'):
        calls = [r for r in rows if r[0] == kind]
        walls, handovers, waits, alltasks, largest = [], [], [], [], []
        split = 0
        for r in calls:
            wall = int(r[2]) / 1e6
            ts = tasks_of(r)
            walls.append(wall)
            cpus = [t[3] for t in ts]
            alltasks.append(sum(cpus))
            largest.append(max(cpus) / (sum(cpus) / len(cpus)) if sum(cpus) > 0 else 1.0)
            pool = [t for t in ts if t[0] == 'P']
            if pool:
                split += 1
                handovers.append(min(t[1] for t in pool))
                own_end = max((t[2] for t in ts if t[0] == 'C'), default=0.0)
                waits.append(max(0.0, wall - own_end))
        print(f"{kind}: {len(calls)} calls, {len(ts)} tasks each, the pool's thread ran a task in {split} "
              f"({100 * split / len(calls):.0f}%); wall p50 {q(walls, .5):.3f} ms (mean {statistics.mean(walls):.3f}); "
              f"all tasks' CPU p50 {q(alltasks, .5):.3f} ms; largest task ÷ even share p50 {q(largest, .5):.3f}, p90 {q(largest, .9):.3f}")
        if split:
            print(f"   when the pool took part: its first task began p50 {q(handovers, .5):.3f} ms, p90 {q(handovers, .9):.3f} "
                  f"after the call; the searching thread then waited for it p50 {q(waits, .5):.3f} ms (mean {statistics.mean(waits):.3f})")
    # Per search: the searching thread's CPU inside the split against all the split's work.
    inside, work = [], []
    for c, p in zip(rows[0::2], rows[1::2]):
        if c[0] != 'count' or p[0] != 'page':
            continue
        inside.append((int(c[3]) + int(p[3])) / 1e6)
        work.append(sum(t[3] for t in tasks_of(c) + tasks_of(p)))
    print(f"per search: the searching thread's CPU inside count and page p50 {q(inside, .5):.3f} ms (mean "
          f"{statistics.mean(inside):.3f}); the work of both threads there p50 {q(work, .5):.3f} ms (mean {statistics.mean(work):.3f})")
    if halves is None:
        return
    model = {'one thread': [], 'two fixed slices': [], 'a segment at a time': [], 'perfect halves': []}
    for c, p in zip(rows[0::2], rows[1::2]):
        total = {k: 0.0 for k in model}
        for r in (c, p):
            ts = tasks_of(r)
            cpu = {t[4][0]: t[3] for t in ts}
            order = [t[4][0] for t in ts]
            total['one thread'] += sum(cpu.values())
            total['two fixed slices'] += max(sum(cpu[o] for o in halves[0]), sum(cpu[o] for o in halves[1]) + handover)
            total['a segment at a time'] += makespan([cpu[o] for o in order], handover)
            total['perfect halves'] += max(sum(cpu.values()) / 2, max(cpu.values()))
        for k in model:
            model[k].append(total[k])
    print(f"model, count and page of a search on two threads (hand-over {handover} ms), from each segment's CPU:")
    for k, xs in model.items():
        print(f"   {k:22s} p50 {q(xs, .5):.3f} ms  mean {statistics.mean(xs):.3f}")


if __name__ == '__main__':
    main()
