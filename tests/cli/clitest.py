# clitest.py — what listlab-cli's TAP tests share: running it, checking, reporting
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

CLI = os.path.abspath(os.environ.get("LISTLAB_CLI") or sys.exit("LISTLAB_CLI is not set"))

EVENTS_HEADER = ("length,old_capacity,new_capacity,old_bytes,new_bytes,bytes_added,"
                 "moved,bytes_copied,realloc_ns,elapsed_ns,available_bytes")
SAMPLES_HEADER = "elapsed_ns,length,capacity,container_bytes,objects_bytes,rss_bytes,available_bytes"

tests = []


def test(fn):
    tests.append(fn)
    return fn


def cli(*args, input=None, timeout=120):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout, input=input)


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def expect(proc, code):
    check(proc.returncode == code,
          f"exit {proc.returncode}, wanted {code}\nstdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-2000:]}")


def read_csv(path_or_text, header, text=False):
    lines = path_or_text.splitlines() if text else open(path_or_text).read().splitlines()
    check(lines and lines[0] == header, f"header is {lines[:1]!r}")
    rows = [list(map(int, line.split(","))) for line in lines[1:]]
    width = len(header.split(","))
    check(all(len(r) == width for r in rows), "a row has the wrong number of fields")
    return rows


def stats(text):
    return {k: v for k, _, v in (line.partition("=") for line in text.splitlines()) if _}


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def pdf_pages(path):
    data = open(path, "rb").read()
    check(data.startswith(b"%PDF-"), f"{path} is not a PDF")
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def scratch():
    return tempfile.TemporaryDirectory(prefix="listlab-cli-test-")


def main():
    print(f"1..{len(tests)}")
    failed = 0
    for i, fn in enumerate(tests, 1):
        try:
            start = time.monotonic()
            fn()
            print(f"ok {i} - {fn.__name__} ({time.monotonic() - start:.1f} s)")
        except Exception as e:  # report and go on
            failed += 1
            print(f"not ok {i} - {fn.__name__}")
            for line in str(e).splitlines():
                print(f"# {line}")
    return 1 if failed else 0


