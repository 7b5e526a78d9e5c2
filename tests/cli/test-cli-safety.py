#!/usr/bin/env python3
# test-cli-safety.py — listlab-cli loses nothing: shared paths, links, faults at any byte, bad input (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CLI, EVENTS_HEADER, test, cli, check, expect, read_csv, scratch, main  # noqa: E402

SEED = int(os.environ.get("LISTLAB_TEST_SEED", random.randrange(1 << 30)))
print(f"# seed {SEED} (LISTLAB_TEST_SEED={SEED} repeats this run)")
rng = random.Random(SEED)


def listing(d):
    return sorted(os.listdir(d))


def temporaries(d):
    return [n for n in os.listdir(d) if n.startswith(".")]


# --- files named twice, folders checked first, links ---------------------------

@test
def one_file_for_two_outputs_is_refused():
    with scratch() as d:
        x = os.path.join(d, "x")
        os.mkdir(os.path.join(d, "sub"))
        open(os.path.join(d, "real.csv"), "w").write("old\n")
        os.link(os.path.join(d, "real.csv"), os.path.join(d, "hard.csv"))
        os.symlink("real.csv", os.path.join(d, "soft.csv"))
        os.symlink("later.csv", os.path.join(d, "dangling.csv"))
        cases = [
            ("run", "--events", x, "--samples", x),
            ("run", "--events", x, "--contents", x),
            ("simulate", "--png", x, "--svg", x),
            ("simulate", "--events", x, "--png", x),
            ("run", "--events", os.path.join(d, "s.csv"), "--samples", os.path.join(d, "sub", "..", "s.csv")),
            ("run", "--events", os.path.join(d, "real.csv"), "--samples", os.path.join(d, "hard.csv")),
            ("run", "--events", os.path.join(d, "real.csv"), "--samples", os.path.join(d, "soft.csv")),
            ("run", "--events", os.path.join(d, "later.csv"), "--samples", os.path.join(d, "dangling.csv")),
            ("compare", "--csv", x, "--pdf", x),
        ]
        before = listing(d)
        for args in cases:
            start = time.monotonic()
            p = cli(*args, "--target", "1GiB")
            expect(p, 2)
            check("same file" in p.stderr, p.stderr)
            check(time.monotonic() - start < 1, "refused only after some work")
        check(listing(d) == before, f"changed: {listing(d)}")
        check(open(os.path.join(d, "real.csv")).read() == "old\n", "real.csv changed")
        # Relative names too, from the folder itself.
        p = subprocess.run([CLI, "simulate", "--appends", "9", "--events", "s.csv", "--png", "./s.csv"],
                           capture_output=True, text=True, cwd=d)
        expect(p, 2)


@test
def folders_are_checked_before_the_work():
    with scratch() as d:
        keep = os.path.join(d, "keep.csv")
        open(keep, "w").write("precious\n")
        start = time.monotonic()
        p = cli("run", "--target", "1GiB", "--events", keep, "--samples", os.path.join(d, "nodir", "s.csv"))
        expect(p, 1)
        check(time.monotonic() - start < 2, "the run went first")
        check("nodir" in p.stderr and "does not exist" in p.stderr, p.stderr)
        check("Growing" not in p.stdout and "reallocations" not in p.stdout.lower(), p.stdout)
        check(listing(d) == ["keep.csv"] and open(keep).read() == "precious\n", f"left: {listing(d)}")


@test
def links_are_written_through():
    with scratch() as d:
        os.mkdir(os.path.join(d, "data"))
        live, target = os.path.join(d, "live.csv"), os.path.join(d, "data", "live.csv")
        open(target, "w").write("old\n")
        os.symlink("data/live.csv", live)
        dangling, later = os.path.join(d, "dangling.csv"), os.path.join(d, "data", "later.csv")
        os.symlink("data/later.csv", dangling)
        for link, real in ((live, target), (dangling, later)):
            p = cli("simulate", "--appends", "100", "--events", link, "--quiet")
            expect(p, 0)
            check(os.path.islink(link), f"{link} is no longer a link")
            read_csv(real, EVENTS_HEADER)
        check(listing(d) == ["dangling.csv", "data", "live.csv"], f"left: {listing(d)}")
        os.symlink("loop2", os.path.join(d, "loop1"))
        os.symlink("loop1", os.path.join(d, "loop2"))
        p = cli("simulate", "--appends", "100", "--events", os.path.join(d, "loop1"))
        expect(p, 1)
        check("loop" in p.stderr, p.stderr)


# --- counts, ambiguous and unclear input --------------------------------------

@test
def counts_never_wrap():
    for args, option in ((["--policy", "fixed", "--increment", "18446744073709551615"], "--increment"),
                         (["--policy", "fixed", "--increment", "2305843009213693952"], "--increment"),
                         (["--policy", "custom", "--constant", "18446744073709551615"], "--constant"),
                         (["--batch", "18446744073709551615"], "--batch"),
                         (["--initial-length", "18446744073709551615"], "--initial-length"),
                         # past what 64 bits hold: the same limit, not the parser's
                         (["--batch", "1e20"], "--batch"),
                         (["--initial-length", "18446744073709551616"], "--initial-length")):
        p = cli("simulate", *args, "--appends", "100", "--events", "-")
        expect(p, 2)
        check(p.stderr.startswith(f"listlab-cli: {option}:") and "at most 72,057,594,037,927,936" in p.stderr,
              p.stderr)
    for appends, shown in (("18446744073709551615", "18,446,744,073,709,551,615"), ("1e20", "1e20")):
        p = cli("simulate", "--appends", appends)
        expect(p, 2)
        check(p.stderr.startswith(f"listlab-cli: --appends: {shown} elements is more than a list can hold")
              and "at most 72,057,594,037,927,936" in p.stderr, p.stderr)
    # The largest accepted gives exact bytes.
    p = cli("simulate", "--policy", "fixed", "--increment", "72057594037927936", "--appends", "1",
            "--events", "-", "--quiet")
    expect(p, 0)
    row = read_csv(p.stdout, EVENTS_HEADER, text=True)[0]
    check(row[4] == 56 + 8 * 2 ** 56 and row[5] == 8 * 2 ** 56, f"bytes {row[4]}, added {row[5]}")


@test
def ambiguous_input_is_refused():
    for args, option in ((["--appends", "1.000"], "--appends"), (["--target", "1e"], "--target"),
                         (["--appends", "1e"], "--appends"), (["--target", "2.048"], "--target")):
        p = cli("simulate", *args)
        expect(p, 2)
        check(p.stderr.startswith(f"listlab-cli: {option}:") and "ambiguous" in p.stderr, p.stderr)
    p = cli("simulate", "--appends", "1,000", "--stats")
    expect(p, 0)
    check("length=1000\n" in p.stdout, p.stdout)


@test
def messages_name_the_option_and_show_input_escaped():
    p = cli("simulate", "--policy", "custom", "--factor", "16.0000001", "--appends", "5")
    expect(p, 2)
    check(p.stderr.startswith("listlab-cli: --factor:") and "16.0000001" in p.stderr, p.stderr)
    p = subprocess.run([CLI, "simulate", "--target", b"\xff\xfe"], capture_output=True)
    expect(p, 2) if False else check(p.returncode == 2, p.stderr)
    check(p.stderr.startswith(b"listlab-cli: --target:") and b"\\xFF\\xFE" in p.stderr, repr(p.stderr))
    for value in ("\x1b[2J\x1b[31mred", "a\rb", "\x07"):
        for args in (["simulate", "--target", value], ["simulate", "--policy", value, "--appends", "1"],
                     ["simulate", "--chart", value, "--appends", "1"], [value],
                     ["simulate", "--appends", "1", "--events", os.path.join("/nonexistent", value)]):
            p = cli(*args)
            check(p.returncode in (1, 2), f"{args}: exit {p.returncode}")
            check(not any(c in p.stderr for c in "\x1b\r\x07"), f"{args}: raw control bytes in {p.stderr!r}")


# --- standard output, progress ------------------------------------------------

@test
def standard_output_errors_fail():
    with open("/dev/full", "w") as full:
        for args in (["simulate", "--appends", "100", "--stats"], ["policies"],
                     ["simulate", "--appends", "100", "--events", "-"], ["compare", "--target", "1MB"]):
            p = subprocess.run([CLI, *args], stdout=full, stderr=subprocess.PIPE, text=True)
            check(p.returncode == 1, f"{args}: exit {p.returncode}")
            check("standard output" in p.stderr, f"{args}: {p.stderr!r}")


# --- a disk that fills up at any byte -----------------------------------------

def limited(limit):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@test
def write_faults_at_random_bytes_lose_nothing():
    points = 0
    with scratch() as d:
        names = {"e.csv": "--events", "r.png": "--png", "r.pdf": "--pdf", "c.txt": "--contents",
                 "s.csv": "--samples", "t.csv": "--csv"}
        paths = {n: os.path.join(d, n) for n in names}
        commands = [["simulate", "--target", "64MiB", "--events", paths["e.csv"], "--png", paths["r.png"]],
                    ["run", "--target", "16MiB", "--element", "int64", "--events", paths["e.csv"],
                     "--samples", paths["s.csv"], "--contents", paths["c.txt"], "--pdf", paths["r.pdf"]],
                    ["compare", "--policy", "cpython,double,go", "--target", "1GB", "--csv", paths["t.csv"],
                     "--png", paths["r.png"]]]
        for args in commands:
            mine = [n for n in names if paths[n] in args]
            for n in mine:
                open(paths[n], "w").write("old\n")
            # How large each file gets, to fail within it.
            full = subprocess.run([CLI, *args, "--quiet"], capture_output=True, text=True)
            expect(full, 0)
            largest = max(os.path.getsize(paths[n]) for n in mine)
            for n in mine:
                open(paths[n], "w").write("old\n")
            for _ in range(40 if args[0] != "run" else 15):
                limit = rng.randrange(0, largest)
                p = subprocess.run([CLI, *args, "--quiet"], capture_output=True, text=True,
                                   preexec_fn=limited(limit))
                points += 1
                check(p.returncode == 1, f"{args[0]} with files limited to {limit} B: exit {p.returncode}")
                check("too large" in p.stderr and "No file was written" in p.stderr, p.stderr)
                for n in mine:
                    check(open(paths[n]).read() == "old\n", f"{n} changed at limit {limit}")
                check(temporaries(d) == [], f"left: {temporaries(d)}")
    print(f"# {points} write faults at random bytes, nothing lost")


if __name__ == "__main__":
    sys.exit(main())
