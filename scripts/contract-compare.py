#!/usr/bin/env python3
"""Compares two folders written by contract-snapshot.sh: BEFORE AFTER.

JSON files are compared as data: a field that AFTER adds (later versions may add fields) is left out,
object keys are compared without regard to order, and anything else that differs is printed. Other
files are compared line by line. Exit 0 when nothing but added fields differs.
"""
import difflib
import json
import sys
from pathlib import Path


def strip_added(before, after):
    """AFTER without the object fields BEFORE does not have, recursively."""
    if isinstance(before, dict) and isinstance(after, dict):
        return {k: strip_added(before[k], v) for k, v in after.items() if k in before}
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [strip_added(b, a) for b, a in zip(before, after)]
    return after


def main(a, b):
    differ = 0
    added = set()
    for f in sorted(Path(a).iterdir()):
        g = Path(b) / f.name
        if not g.exists():
            print(f"only in {a}: {f.name}")
            differ += 1
            continue
        x, y = f.read_text(encoding="utf-8"), g.read_text(encoding="utf-8")
        try:
            jx, jy = json.loads(x), json.loads(y)
        except ValueError:
            jx = jy = None
        if jx is not None:
            same = strip_added(jx, jy)
            collect_added(jx, jy, "", added)
            if same != jx:
                differ += 1
                print(f"{f.name}: differs as data")
                print("".join(difflib.unified_diff(json.dumps(jx, indent=1, ensure_ascii=False).splitlines(True),
                                                   json.dumps(same, indent=1, ensure_ascii=False).splitlines(True),
                                                   "before", "after", n=2)))
        elif x != y:
            differ += 1
            print(f"{f.name}: differs")
            print("".join(difflib.unified_diff(x.splitlines(True), y.splitlines(True), "before", "after", n=1)))
    print(f"{differ} file(s) differ beyond added fields; fields added: {', '.join(sorted(added)) or 'none'}")
    return 1 if differ else 0


def collect_added(before, after, path, out):
    if isinstance(before, dict) and isinstance(after, dict):
        for k, v in after.items():
            if k not in before:
                out.add(f"{path}.{k}".lstrip("."))
            else:
                collect_added(before[k], v, f"{path}.{k}", out)
    elif isinstance(before, list) and isinstance(after, list):
        for b, a in zip(before, after):
            collect_added(b, a, f"{path}[]", out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
