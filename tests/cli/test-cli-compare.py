#!/usr/bin/env python3
# test-cli-compare.py — listlab-cli compare: policies side by side, agreeing with simulate (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import test, cli, check, expect, stats, scratch, main, png_size  # noqa: E402


@test
def compare_agrees_with_simulate():
    # Each row is what simulate computes for that policy alone.
    p = cli("compare", "--policy", "cpython,go,double", "--target", "64MiB", "--csv", "-")
    expect(p, 0)
    lines = p.stdout.strip().splitlines()
    check(lines[0].startswith("policy,mechanism,element,reallocations,length,capacity"), lines[0])
    check(len(lines) == 4, f"{len(lines)} lines")
    header = lines[0].split(",")
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        s = cli("simulate", "--policy", row["policy"], "--target", "64MiB", "--stats")
        expect(s, 0)
        stats = dict(l.split("=", 1) for l in s.stdout.split())
        for key, stat in (("reallocations", "reallocations"), ("length", "length"),
                          ("capacity", "capacity"), ("container_bytes", "container_bytes")):
            check(row[key] == stats[stat], f"{row['policy']} {key}: {row[key]} != {stats[stat]}")
        # Copying growths copy the old block: known for double (copy), not for realloc().
        if row["mechanism"] == "copy":
            check(row["bytes_copied"] == stats["bytes_copied"], f"{row}")
        if row["mechanism"] == "realloc":
            check(row["bytes_copied"] == "", f"{row}")
        check(row["elapsed_ns"] == "", "a simulation has no time")
        check(int(row["fit_length"]) > int(row["length"]), f"{row}: the machine holds more than 64 MiB")


@test
def compare_table_and_charts():
    p = cli("compare", "--policy", "all", "--target", "1GB")
    expect(p, 0)
    for title in ("CPython 3.9+", "libstdc++", "Go", "Rust", ".NET", "Fixed +4"):
        check(title in p.stdout, f"{title} not in {p.stdout}")
    check(len([l for l in p.stdout.splitlines() if l.strip()]) >= 12, p.stdout)
    # The longest list that fits is a count of elements, not a size ("2.82 G elements").
    cpython = next(l for l in p.stdout.splitlines() if l.startswith("CPython 3.9+"))
    check(re.search(r"\d [kMGT]?\s?elements$", cpython) is not None, cpython)
    with scratch() as d:
        png = os.path.join(d, "all.png")
        growth = os.path.join(d, "growth.svg")
        p = cli("compare", "--policy", "cpython,go", "--target", "256MiB", "--png", png, "--quiet")
        expect(p, 0)
        check(png_size(png) == (1200, 1200), f"{png_size(png)}")
        check(p.stdout == "", "--quiet prints nothing")
        p = cli("compare", "--policy", "cpython,go", "--target", "256MiB", "--chart", "growth",
                "--svg", growth, "--log", "y", "--quiet")
        expect(p, 0)
        check(os.path.getsize(growth) > 1000, "an SVG with content")
    # --policy given again adds policies, as one list would. (The last
    # column, the longest list that fits in the memory free now, follows
    # the machine from one call to the next.)
    once = cli("compare", "--policy", "cpython,go,double", "--target", "1MB", "--csv", "-")
    again = cli("compare", "--policy", "cpython", "-p", "go,double", "--target", "1MB", "--csv", "-")
    expect(again, 0)

    def but_fit(out):
        return [line.rsplit(",", 1)[0] for line in out.splitlines()]

    check(again.stdout.splitlines()[0].endswith(",fit_length"), again.stdout)
    check(but_fit(once.stdout) == but_fit(again.stdout) and len(again.stdout.splitlines()) == 4,
          f"{once.stdout}\nagainst\n{again.stdout}")
    # Policies written as words are refused with the option that takes them.
    p = cli("compare", "cpython", "double", "--target", "1MB")
    expect(p, 2)
    check("“compare” takes options only: name the policies with --policy cpython,double\n" in p.stderr,
          p.stderr)
    for args, needle in ((("compare", "--policy", "cpython,nope", "--target", "1MB"), "nope"),
                         (("compare", "cpython", "nope", "--target", "1MB"), "“compare” takes options only\n"),
                         (("compare", "-p", "go", "-p", "GO", "--target", "1MB"), "go is named twice"),
                         (("compare", "--policy", "cpython", "--target", "1MB", "--events", "x.csv"), "--csv"),
                         (("compare", "--policy", ",", "--target", "1MB"), "policy")):
        p = cli(*args)
        expect(p, 2)
        check(needle in p.stderr, f"{args}: {p.stderr!r}")


if __name__ == "__main__":
    sys.exit(main())
