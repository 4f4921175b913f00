#!/usr/bin/env python3
"""Runs one Tika worker process (ExtractionWorker) of a build over a list of files, as an ingest's main process
feeds it (two files in flight, the next sent as an answer comes back), and prints the worker's CPU seconds (all its
threads, as the system counts them when the process ends) and wall time; --answers writes every answer, one line a
file, so that two builds can be compared with --compare (the drawn hyphens compared as the set they are).

  scripts/worker-answers.py --build DIR --list FILES [--archive JSA [--write-archive]] [--answers OUT] [--jvm OPTS]
                            [--threads] [--every N]
  scripts/worker-answers.py --compare OUT_A OUT_B

DIR is a checkout built with `./mvnw package`; FILES holds one absolute path a line. The JVM options are the worker's
own (MemoryBound.workerOptions for two threads) unless --jvm replaces them. --threads also prints the worker's CPU by
kind of thread (its reading pool, the JIT's compiler, the collector, its main thread), read just before its input
closes. --every N prints the worker's CPU so far after every N answers. --archive maps a class-data archive
(written first with --write-archive, as the first worker of a build writes its own)."""
import argparse
import json
import os
import subprocess
import sys
import time

WORKER = 'no.evidens.pipeline.extract.ExtractionWorker'
OPTIONS = '-Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1'
LOGS = ['-Xlog:disable', '-Xlog:all=warning:stderr', '-Xlog:cds*=off:stderr']


def run(args):
    files = [line.strip() for line in open(args.list, encoding='utf-8') if line.strip()]
    build = os.path.abspath(args.build)
    # The class path an ingest's workers get: the launcher's (the runnable jar, and the evaluation jar when built).
    class_path = os.path.join(build, 'pipeline/target/evidens.jar')
    evaluation = os.path.join(build, 'evaluation/target/evidens-evaluation.jar')
    if os.path.isfile(evaluation):
        class_path += os.pathsep + evaluation
    cmd = ['java'] + args.jvm.split() + LOGS
    if args.archive:
        cmd.append(('-XX:ArchiveClassesAtExit=' if args.write_archive else '-XX:SharedArchiveFile=') + args.archive)
    cmd += ['-cp', class_path, WORKER, '20000000', 'false', '2']
    start = time.time()
    worker = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, encoding='utf-8')
    first = worker.stdout.readline().strip()
    if first != 'ready':
        sys.exit(f'the worker did not start: {first!r}')
    ready = time.time() - start
    answers = {}
    sent = 0

    def send():
        nonlocal sent
        if sent < len(files):
            # The worker reads a request's path as a JSON string (ExtractionWorker.unescape), so that a name with a
            # tab or line break cannot split the line; a bare path is left out and its answer never comes.
            worker.stdin.write(f'{sent}\t{json.dumps(files[sent], ensure_ascii=False)}\n')
            worker.stdin.flush()
            sent += 1

    send()
    send()
    while len(answers) < len(files):
        line = worker.stdout.readline()
        if not line:
            break
        request, answer = line.rstrip('\n').split('\t', 1)
        answers[int(request)] = answer
        if args.every and len(answers) % args.every == 0:
            print(f'  {len(answers)} files: worker CPU {process_cpu(worker.pid):.2f} s, '
                  f'wall {time.time() - start:.1f} s', flush=True)
        send()
    threads = thread_cpu(worker.pid) if args.threads else None
    worker.stdin.close()
    worker.stdout.read()
    _, status, usage = os.wait4(worker.pid, 0)
    load = ' '.join(open('/proc/loadavg').read().split()[:3])
    print(f'{len(answers)}/{len(files)} files; worker CPU {usage.ru_utime + usage.ru_stime:.2f} s; '
          f'wall {time.time() - start:.1f} s (ready after {ready:.1f} s); exit {status >> 8}; '
          f'load average {load}; {time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())} UTC')
    if threads:
        print('  by thread, CPU s before the input closed: ' + ', '.join(f'{name} {cpu:.2f}' for name, cpu in threads))
    if args.answers:
        os.makedirs(args.answers, exist_ok=True)
        with open(os.path.join(args.answers, 'answers.txt'), 'w', encoding='utf-8') as out:
            for i, name in enumerate(files):
                out.write(f'{name}\t{answers.get(i, "MISSING")}\n')


def process_cpu(pid):
    """CPU seconds of a live process so far, all its threads (/proc/PID/stat)."""
    stat = open(f'/proc/{pid}/stat').read()
    fields = stat[stat.rindex(')') + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def thread_cpu(pid):
    """CPU seconds of each kind of thread of a live process (/proc/PID/task/*/stat), the threads of one kind summed
    (the JVM's names: its compiler threads, the collector, the worker's reading pool...), most first."""
    ticks = os.sysconf('SC_CLK_TCK')
    kinds = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            stat = open(f'/proc/{pid}/task/{tid}/stat').read()
        except OSError:
            continue
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        kind = name.rstrip('0123456789').rstrip(' #-') or name
        kinds[kind] = kinds.get(kind, 0) + (int(fields[11]) + int(fields[12])) / ticks
    return sorted(kinds.items(), key=lambda kv: -kv[1])


def as_data(value):
    if isinstance(value, dict):
        return {k: sorted(v) if k == 'drawnHyphens' and isinstance(v, list) else as_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_data(v) for v in value]
    return value


def compare(a_dir, b_dir):
    def load(folder):
        with open(os.path.join(folder, 'answers.txt'), encoding='utf-8') as f:
            return dict(line.rstrip('\n').split('\t', 1) for line in f)
    a, b = load(a_dir), load(b_dir)
    exact = same = 0
    differ = []
    for name, answer in a.items():
        other = b.get(name)
        if answer == other:
            exact += 1
        elif other is not None and as_data(json.loads(answer)) == as_data(json.loads(other)):
            same += 1
        else:
            differ.append(name)
    print(f'{len(a)} files: {exact} the same byte for byte, {same} the same as data, {len(differ)} differ')
    for name in differ:
        print('differs:', name)
    return 1 if differ else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--build')
    parser.add_argument('--list')
    parser.add_argument('--archive')
    parser.add_argument('--write-archive', action='store_true')
    parser.add_argument('--answers')
    parser.add_argument('--jvm', default=OPTIONS)
    parser.add_argument('--threads', action='store_true', help="print the worker's CPU by kind of thread")
    parser.add_argument('--every', type=int, metavar='N',
                        help="print the worker's CPU so far after every N answers (where a JIT choice pays back)")
    parser.add_argument('--compare', nargs=2, metavar=('OUT_A', 'OUT_B'))
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if not args.build or not args.list:
        parser.error('--build and --list are needed (or --compare)')
    run(args)


if __name__ == '__main__':
    main()
