#!/usr/bin/env python3
"""Runs a command (`./evidens bench ingest …` by default in mind) and samples, from Linux's /proc, every thread of the
first process under it whose command line holds --match (the bench's Evidens side, `EvidensSide`) and of that
process's children (its Tika workers), every --interval seconds, until that process ends. Then prints:

- the CPU seconds of the main process and of its workers, by kind of thread (its name without its last number;
  the kernel keeps 15 characters of a name, so Camel's threads are all "Camel (camel-1)");
- the workers seen, and when each appeared (seconds after the main process was first seen);
- for three phases, the start (until a worker's reading threads first ran), the steady state (until they last ran)
  and the tail (the rest): its length, its "waiting core-seconds" (for each sample, the cores, of --cores, that had
  none of the tree's threads running or ready to run, times the time to the next sample), the share of samples in which the
  workers' reading threads were idle while a main process thread ran, and the other way round, and how many of
  each side's threads were running or ready on average.

On a machine shared with other work, "running or ready" counts a thread that waits for a core as busy: the waiting
core-seconds then say what the tree left idle of its own accord, not what the machine did.

--match given more than once samples each matching process in turn (the bench runs its sides one after another:
--match TikaSide --match EvidensSide draws both sides of one run; Tika alone has no workers, so only its total waiting
counts, not its phases). --bins SECONDS also prints, for each bin, the CPU each group of threads used (m: the main
process's main thread, models' load, Camel's threads, compilers, collector, others; w: the workers' readers,
compilers, collector, others), the cores that kept busy, and the bin's waiting core-seconds.

  scripts/ingest-timeline.py [--match EvidensSide]… [--interval 0.2] [--cores N] [--bins S] [--out FILE] -- COMMAND ARGS…
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import time

TICKS = os.sysconf('SC_CLK_TCK')
# The worker reads on the threads of a plain executor ("pool-1-thread-2").
READER = re.compile(r'^pool-\d+-thread')


def kind(name):
    """A thread's kind: its name as the kernel keeps it (15 characters) without its last number ("pool-1-thread")."""
    return name.rstrip('0123456789').rstrip(' #-') or name


def threads(pid):
    """{tid: (name, state, cpu ticks)} of a live process; empty once it has ended."""
    out = {}
    try:
        tids = os.listdir(f'/proc/{pid}/task')
    except OSError:
        return out
    for tid in tids:
        try:
            stat = open(f'/proc/{pid}/task/{tid}/stat').read()
        except OSError:
            continue
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        out[int(tid)] = (name, fields[0], int(fields[11]) + int(fields[12]))
    return out


def children(pid):
    kids = []
    try:
        for tid in os.listdir(f'/proc/{pid}/task'):
            try:
                kids += [int(x) for x in open(f'/proc/{pid}/task/{tid}/children').read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return kids


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children(p):
            found.append(c)
            todo.append(c)
    return found


def find(root, match):
    for pid in descendants(root):
        try:
            if match.encode() in open(f'/proc/{pid}/cmdline', 'rb').read():
                return pid
        except OSError:
            pass
    return None


def sample(command, matches, interval):
    """Runs the command; samples the tree of each matching process in turn (the bench runs its sides one after
    another). Returns, per match, (samples, cpu by (process, kind), workers seen, ticks by bin)."""
    proc = subprocess.Popen(command)
    runs = []
    for match in matches:
        main = None
        while main is None and proc.poll() is None:
            main = find(proc.pid, match)
            time.sleep(0.02)
        if main is None:
            break
        runs.append(sample_one(main, interval))
    proc.wait()
    return runs


def sample_one(main, interval):
    samples, cpu, last, seen, steps = [], collections.Counter(), {}, {}, []
    start = time.time()
    while os.path.exists(f'/proc/{main}'):
        now = time.time() - start
        main_busy = worker_busy = readers_busy = 0
        step = collections.Counter()
        for side, pid in [('main', main)] + [('worker', w) for w in children(main)]:
            if side == 'worker':
                seen.setdefault(pid, now)
            for tid, (name, state, ticks) in threads(pid).items():
                if side == 'main' and 'meter' in name.lower():
                    continue  # the bench's own meter
                key = (side, kind(name))
                cpu[key] += ticks - last.get((pid, tid), 0)
                step[key] += ticks - last.get((pid, tid), 0)
                last[(pid, tid)] = ticks
                if state == 'R':
                    if side == 'main':
                        main_busy += 1
                    else:
                        worker_busy += 1
                        readers_busy += bool(READER.match(name))
        samples.append((now, main_busy, worker_busy, readers_busy))
        steps.append((now, step))
        time.sleep(interval)
    # Each sample stands for the time until the next one (reading /proc takes time too).
    timed = [(t, (samples[i + 1][0] if i + 1 < len(samples) else t + interval) - t) + tuple(rest)
             for i, (t, *rest) in enumerate(samples)]
    return [(t, dt, m, w, r) for t, dt, m, w, r in timed], cpu, seen, steps


def group(side, name):
    """A thread's group in the timeline."""
    if 'C1' in name or 'C2' in name:
        return side[0] + ':jit'
    if name in ('VM Thread', 'GC Thread') or name.startswith('GC '):
        return side[0] + ':gc'
    if side == 'worker':
        return 'w:read' if READER.match(name) else 'w:other'
    if name.startswith('Camel') or name.startswith('ingest-prepare'):
        return 'm:' + ('prepare' if name.startswith('ingest-prepare') else 'camel')
    if name in ('java', 'main'):
        return 'm:main'
    return 'm:other'


GROUPS = ['m:main', 'm:prepare', 'm:camel', 'm:jit', 'm:gc', 'm:other', 'w:read', 'w:jit', 'w:gc', 'w:other']


def bins(samples, steps, width, cores):
    """For each bin of `width` seconds: the CPU each group of threads used (a sample's ticks counted in the bin its
    reading fell in), the cores that CPU kept busy, and the waiting core-seconds (cores with none of the tree's
    threads running or ready, as in the phases; on a loaded machine the CPU used falls, the waiting does not)."""
    table = collections.defaultdict(collections.Counter)
    waiting = collections.Counter()
    for t, step in steps:
        for (side, name), ticks in step.items():
            table[int(t // width)][group(side, name)] += ticks / TICKS
    for t, dt, m, w, _ in samples:
        waiting[int(t // width)] += max(0, cores - min(cores, m + w)) * dt
    lines = ['   t s  ' + ' '.join('%9s' % g for g in GROUPS) + '   cores  waiting core-s']
    for b in range(max(table) + 1 if table else 0):
        used = sum(table[b].values())
        lines.append('%6.1f  ' % (b * width) + ' '.join('%9.2f' % table[b][g] for g in GROUPS)
                     + '   %5.2f   %5.2f' % (used / width, waiting[b]))
    total = sum(sum(c.values()) for c in table.values())
    lines.append('CPU s %.2f in %.1f s: idle core-s (cores × wall − CPU) %.2f; waiting core-s %.2f'
                 % (total, samples[-1][0] + samples[-1][1], cores * (samples[-1][0] + samples[-1][1]) - total,
                    sum(waiting.values())))
    return '\n'.join(lines)


def summary(samples, cpu, seen, cores):
    lines = []
    by_side = collections.Counter()
    for (side, _), ticks in cpu.items():
        by_side[side] += ticks
    lines.append("CPU s: main process %.2f, workers %.2f (as sampled: what a thread spends after its last sample is not seen)"
                 % (by_side['main'] / TICKS, by_side['worker'] / TICKS))
    for (side, name), ticks in sorted(cpu.items(), key=lambda kv: -kv[1]):
        if ticks / TICKS >= 0.05:
            lines.append('  %-6s %-40s %6.2f' % (side, name, ticks / TICKS))
    lines.append('workers seen: %d, at %s s' % (len(seen), ', '.join('%.1f' % t for t in sorted(seen.values()))))
    reading = [s[0] for s in samples if s[4] > 0]
    first, last = (reading[0], reading[-1]) if reading else (float('inf'), float('inf'))
    phases = [('start', lambda t: t < first), ('steady', lambda t: first <= t <= last), ('tail', lambda t: t > last)]
    for name, inside in phases:
        part = [s for s in samples if inside(s[0])]
        if not part:
            continue
        n = len(part)
        length = sum(dt for _, dt, _, _, _ in part)
        waiting = sum(max(0, cores - min(cores, m + w)) * dt for _, dt, m, w, _ in part)
        readers_idle = sum(1 for _, _, m, _, r in part if r == 0 and m > 0)
        main_idle = sum(1 for _, _, m, w, _ in part if m == 0 and w > 0)
        lines.append('%-6s %6.1f s: waiting core-s %.2f; worker readers idle while the main process runs %.0f%%, the main '
                     'process idle while a worker runs %.0f%%; running or ready on average: main %.2f, worker readers %.2f'
                     % (name, length, waiting, 100 * readers_idle / n, 100 * main_idle / n,
                        sum(s[2] for s in part) / n, sum(s[4] for s in part) / n))
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--match', action='append',
                        help='a process to sample (its command line holds this); repeat for one after another '
                             '(TikaSide then EvidensSide: both sides of the bench); default EvidensSide')
    parser.add_argument('--interval', type=float, default=0.2)
    parser.add_argument('--cores', type=int, default=os.cpu_count())
    parser.add_argument('--bins', type=float, help='also print the CPU by group of threads in bins of this many seconds')
    parser.add_argument('--out')
    parser.add_argument('command', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ['--'] else args.command
    if not command:
        parser.error('no command given')
    matches = args.match or ['EvidensSide']
    parts = []
    for match, (samples, cpu, seen, steps) in zip(matches, sample(command, matches, args.interval)):
        parts.append('== ' + match + '\n' + summary(samples, cpu, seen, args.cores))
        if args.bins:
            parts.append(bins(samples, steps, args.bins, args.cores))
    text = '\n'.join(parts)
    if args.out:
        with open(args.out, 'w', encoding='utf-8') as out:
            out.write(text + '\n')
    print(text, file=sys.stderr)


if __name__ == '__main__':
    main()
