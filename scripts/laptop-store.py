#!/usr/bin/env python3
"""One auditor on a laptop, timed: `evidens serve` on HOME (the stores in its folders) driven by one client.

Usage: scripts/laptop-store.py JARDIR HOME CASE SECONDS [LABEL]
  JARDIR holds evidens.jar and its lib/ (copy pipeline/target/evidens.jar and pipeline/target/lib of a build); HOME has
  the case ingested and a finding avvik-1 in it (evidens demo --no-serve, then evidens finding create).
Each round lists the case's findings, attaches the first hit of a search to avvik-1, detaches it again and opens the
document's window around its start; 3 s of warm-up, then SECONDS measured. Prints one JSON line: requests/s, the server
process's CPU ms per request (from /proc) and the median ms of each kind. The machine is shared: run two builds
alternated (before, after, before, after) and compare ratios of the same pair, not absolute figures.
"""
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time

jars, home, case, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
label = sys.argv[5] if len(sys.argv) > 5 else jars
port = random.randint(20000, 39999)
log = open(f"/tmp/laptop-store-{os.getpid()}.log", "w")
server = subprocess.Popen(["java", "-Xmx1g", "-cp", os.path.join(jars, "evidens.jar"), "no.evidens.pipeline.cli.EvidensCli",
                           "serve", "--home", home, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
try:
    conn = None
    for _ in range(240):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=70)
            conn.request("GET", "/api/session")
            conn.getresponse().read()
            break
        except OSError:
            conn = None
            time.sleep(0.5)
    if conn is None:
        sys.exit("the server did not start; see " + log.name)

    def req(method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["X-Evidens-Token"] = token
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        r = conn.getresponse()
        return r.status, r.read()

    def cpu():
        fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    token = json.loads(req("GET", "/api/session")[1])["token"]
    hit = json.loads(req("GET", f"/api/search?q=koordinator&case={case}&limit=1")[1])["hits"][0]
    times = {"list": [], "attach": [], "detach": [], "document": []}
    errors = 0

    def timed(kind, ok, method, path, body=None):
        global errors
        t = time.perf_counter()
        status, data = req(method, path, body, token if method != "GET" else None)
        times[kind].append(time.perf_counter() - t)
        errors += status not in ok
        return status, data

    def round_():
        timed("list", (200,), "GET", f"/api/findings?case={case}")
        status, data = timed("attach", (201,), "POST", f"/api/findings/{case}/avvik-1/evidence", {"passageId": hit["passageId"]})
        items = json.loads(data).get("evidence", []) if status == 201 else []
        if items:
            timed("detach", (200, 204), "DELETE", f"/api/evidence/{case}/{items[-1]['id']}")
        timed("document", (200,), "GET", f"/api/document?case={case}&doc={hit['docId']}&q=koordinator&around=0&size=2000")

    end = time.time() + 3
    while time.time() < end:
        round_()
    for v in times.values():
        v.clear()
    c0, t0 = cpu(), time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        round_()
    c1, t1 = cpu(), time.perf_counter()
    n = sum(len(v) for v in times.values())
    print(json.dumps({"label": label, "requests": n, "errors": errors, "rps": round(n / (t1 - t0), 1),
                      "cpu_ms_per_req": round((c1 - c0) * 1000 / n, 2),
                      **{k + "_p50_ms": round(statistics.median(v) * 1000, 2) for k, v in times.items() if v}}))
finally:
    server.terminate()
    server.wait()
