#!/usr/bin/env python3
"""A small team on one machine, timed: `evidens serve --sign-in` on HOME (accounts and findings in its folders) driven by
USERS signed-in clients, each on a thread and a connection of its own.

Usage: scripts/team-access.py JARDIR HOME CASE SECONDS PAUSE [LABEL]
  JARDIR holds evidens.jar and its lib/ (copy pipeline/target/evidens.jar and pipeline/target/lib of a build); HOME has the
  case ingested and accounts benk01 … benk08 (password benk-passord-som-er-langt) that are members of CASE (evidens demo
  --no-serve, evidens user add --password-stdin, evidens member add). USERS is $TEAM_USERS, default 8.
Each user in turn searches the case, reads the passage of a hit and lists the case's findings: first for $TEAM_WARMUP
seconds (default 15) without a pause (the JIT), then with PAUSE seconds after each request. Above 3 s (how long the server
trusts its memory of a session and of a user's roles) every request checks both against the access database, as at a
person's pace; 0 is a busy team, whose checks mostly come from memory. After PAUSE + 4 s, SECONDS are measured. Prints
one JSON line: requests/s, the server process's CPU ms per request (from /proc) and the median ms of each kind. The machine is shared: run two builds alternated (before, after, before, after) and compare ratios of the same pair.
"""
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

jars, home, case, seconds, pause = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
label = sys.argv[6] if len(sys.argv) > 6 else jars
users = int(os.environ.get("TEAM_USERS", "8"))
warmup = float(os.environ.get("TEAM_WARMUP", "15"))
password = "benk-passord-som-er-langt"
queries = ["koordinator", "individuell plan", "ansvarsgruppe", "samarbeid", "fastlege", "tiltaksplan"]
port = random.randint(20000, 39999)
log = open(f"/tmp/team-access-{os.getpid()}.log", "w")
server = subprocess.Popen(["java", "-Xmx1g", "-cp", os.path.join(jars, "evidens.jar"), "no.evidens.pipeline.cli.EvidensCli",
                           "serve", "--sign-in", "--home", home, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)


def cpu():
    fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class User(threading.Thread):
    def __init__(self, name):
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=70)
        self.times = {"search": [], "passage": [], "findings": []}
        self.errors = 0
        self.cookie = None
        self.measuring = False
        self.stop = False
        self.pause = 0
        status, headers, _ = self.req("POST", "/api/signin", {"user": name, "password": password})
        if status != 200:
            sys.exit(f"sign-in of {name} answered {status}")
        self.cookie = headers["Set-Cookie"].split(";", 1)[0]

    def req(self, method, path, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self.conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        r = self.conn.getresponse()
        return r.status, r.headers, r.read()

    def timed(self, kind, path):
        t = time.perf_counter()
        status, _, data = self.req("GET", path)
        if self.measuring:
            self.times[kind].append(time.perf_counter() - t)
            self.errors += status != 200
        time.sleep(self.pause)
        return json.loads(data) if status == 200 else {}

    def run(self):
        rnd = random.Random(self.name)
        try:
            while not self.stop:
                q = rnd.choice(queries).replace(" ", "+")
                hits = self.timed("search", f"/api/search?q={q}&case={case}&limit=10").get("hits") or []
                if hits:
                    self.timed("passage", f"/api/passage?id={rnd.choice(hits)['passageId']}")
                self.timed("findings", f"/api/findings?case={case}")
        except OSError:
            if not self.stop:
                raise


try:
    for _ in range(240):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=70)
            c.request("GET", "/api/session")
            c.getresponse().read()
            break
        except OSError:
            time.sleep(0.5)
    else:
        sys.exit("the server did not start; see " + log.name)
    team = [User(f"benk{i:02d}") for i in range(1, users + 1)]
    for u in team:
        u.start()
    time.sleep(warmup)
    for u in team:
        u.pause = pause
    time.sleep(pause + 4)  # the sessions and roles the server keeps in memory have gone stale
    for u in team:
        u.measuring = True
    c0, t0 = cpu(), time.perf_counter()
    time.sleep(seconds)
    c1, t1 = cpu(), time.perf_counter()
    for u in team:
        u.measuring = False
        u.stop = True
    times = {k: [t for u in team for t in u.times[k]] for k in team[0].times}
    n = sum(len(v) for v in times.values())
    print(json.dumps({"label": label, "users": users, "pause_s": pause, "requests": n, "errors": sum(u.errors for u in team),
                      "rps": round(n / (t1 - t0), 1), "cpu_ms_per_req": round((c1 - c0) * 1000 / n, 2),
                      **{k + "_p50_ms": round(statistics.median(v) * 1000, 2) for k, v in times.items() if v}}), flush=True)
finally:
    server.terminate()
    server.wait()
