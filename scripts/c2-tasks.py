#!/usr/bin/env python3
"""What the JIT's optimising compiler (C2) spent its time on, from a HotSpot compilation log.

Run a command with
    -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=comp.log
then
    python3 scripts/c2-tasks.py comp.log [TOP]

Each C2 task's time is the difference of the stamps of its start and its end in the compiler thread's part of the
log: wall clock of that thread, so on a shared machine read the shares, not the seconds. Tasks are summed by the
code they compile (the method's class decides the group) and by method, with how many of the method's compiles were
on-stack replacements (OSR), and the uncommon traps are counted by reason.
"""
import collections
import re
import sys

# Groups by the compiled method's class name, first match wins.
GROUPS = [
    ("the bench's generator", ("no.evidens.evaluation.",)),
    ("writing segments (postings, terms dictionary, stored fields' LZ4, doc values, sorting)",
     ("org.apache.lucene.codecs.", "org.apache.lucene.util.fst.", "org.apache.lucene.util.compress.",
      "Sorter", "org.apache.lucene.store.", "org.apache.lucene.util.packed.", "DocValuesWriter$")),
    ("adding (documents, analysis, Lucene's in-memory index)",
     ("no.evidens.index.", "org.apache.lucene.index.", "org.apache.lucene.analysis.", "org.apache.lucene.document.",
      "org.apache.lucene.util.")),
]
OTHER = "the JDK and the rest"

TASK = re.compile(r"<task (compile_id='\d+'[^>]*)>(.*?)<task_done ([^>]*)>", re.S)
STAMP = re.compile(r"stamp='([\d.]+)'")
TRAP = re.compile(r"<uncommon_trap thread='\d+' reason='([^']*)'")


def group(cls):
    for name, parts in GROUPS:
        if any(p in cls for p in parts):
            return name
    return OTHER


def main():
    log = open(sys.argv[1], errors="replace").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    by_group = collections.Counter()
    tasks_by_group = collections.Counter()
    by_method = collections.defaultdict(lambda: [0.0, 0, 0])
    for m in TASK.finditer(log):
        attrs = m.group(1)
        level = re.search(r"level='(\d)'", attrs)
        if level and level.group(1) != "4":
            continue
        cls, name = re.search(r"method='([^']*)'", attrs).group(1).split(" ")[:2]
        cls = cls.replace("/", ".")
        seconds = float(STAMP.search(m.group(3)).group(1)) - float(STAMP.search(attrs).group(1))
        g = group(cls)
        by_group[g] += seconds
        tasks_by_group[g] += 1
        entry = by_method[cls.rsplit(".", 1)[-1] + "." + name]
        entry[0] += seconds
        entry[1] += 1
        entry[2] += "osr_bci" in attrs
    total = sum(by_group.values())
    print(f"C2 tasks: {sum(tasks_by_group.values())}, {total:.1f} s of the compiler threads' wall clock")
    for g, seconds in by_group.most_common():
        print(f"  {100 * seconds / total:5.1f}%  {tasks_by_group[g]:4d} tasks  {g}")
    print(f"largest methods (share, compiles, of them OSR):")
    for name, (seconds, count, osr) in sorted(by_method.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"  {100 * seconds / total:5.1f}%  {count:2d}  {osr:2d}  {name}")
    traps = collections.Counter(TRAP.findall(log))
    print("uncommon traps:", ", ".join(f"{r} {n}" for r, n in traps.most_common()))


if __name__ == "__main__":
    main()
