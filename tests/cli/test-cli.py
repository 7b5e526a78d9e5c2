#!/usr/bin/env python3
# test-cli.py — listlab-cli simulate and run: their files, messages and exit codes (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import (CLI, EVENTS_HEADER, SAMPLES_HEADER, test, cli, check, expect, read_csv,  # noqa: E402
                     stats, scratch, main)

# --- simulate ------------------------------------------------------------------

@test
def simulate_reproduces_the_notebook():
    # list(range(20_000_000)), then 20_000_002 appends: the notebook's table.
    p = cli("simulate", "--policy", "cpython", "--initial-length", "20000000", "--appends", "20000002",
            "--events", "-")
    expect(p, 0)
    rows = read_csv(p.stdout, EVENTS_HEADER, text=True)
    mib = lambda b: f"{b / 2**20:.3f}"
    check(mib(rows[0][3]) == "152.588", f"start {mib(rows[0][3])}")
    got = [(r[0], mib(r[4]), mib(r[5])) for r in rows]
    # The notebook prints "loop index i"; its list then holds 20_000_002 + i + 1 elements.
    # The first difference is 19.0735 MiB; the notebook never printed it.
    want = [(20000001, "171.661", "19.074"),
            (20000002 + 2500002 + 1, "193.119", "21.458"),
            (20000002 + 5312506 + 1, "217.259", "24.140"),
            (20000002 + 8476574 + 1, "244.416", "27.157"),
            (20000002 + 12036150 + 1, "274.969", "30.552"),
            (20000002 + 16040674 + 1, "309.340", "34.371")]
    check(got == want, f"{got}")


@test
def simulate_events_csv_is_exact_and_consistent():
    with scratch() as d:
        path = os.path.join(d, "events.csv")
        p = cli("simulate", "--policy", "double", "--appends", "1000", "--events", path, "--quiet")
        expect(p, 0)
        check(p.stdout == "", "--quiet printed something")
        rows = read_csv(path, EVENTS_HEADER)
        check([r[2] for r in rows] == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], f"{[r[2] for r in rows]}")
        for r in rows:
            check(r[3] == 56 + 8 * r[1] and r[4] == 56 + 8 * r[2] and r[5] == r[4] - r[3], f"bytes in {r}")
            check(r[6] == (1 if r[1] > 0 else 0), "copy mechanism moves every non-empty block")
            check(r[7] == 8 * (r[0] - 1) if r[1] > 0 else r[7] == 0, f"bytes copied in {r}")
        check(os.listdir(d) == ["events.csv"], f"left behind: {os.listdir(d)}")


@test
def simulate_fixed_to_10_GB_counts_every_reallocation():
    p = cli("simulate", "--policy", "fixed", "--increment", "4", "--target", "10GB", "--stats")
    expect(p, 0)
    s = stats(p.stdout)
    # 56 + 8 * capacity >= 10^10 first at capacity 1_249_999_996 (a multiple of 4).
    check(s["capacity"] == "1249999996", s)
    check(s["reallocations"] == str(1249999996 // 4), s)
    check(s["length"] == "1249999993", s)


@test
def simulate_batch_and_element_targets():
    p = cli("simulate", "--policy", "cpython", "--batch", "1000", "--target-kind", "elements",
            "--target", "10500", "--events", "-")
    expect(p, 0)
    rows = read_csv(p.stdout, EVENTS_HEADER, text=True)
    # list.extend by 1000 from empty: the jump is larger than the 1128 - 1000
    # over-allocation, so CPython allocates exactly (1000 + 3) & ~3.
    check(rows[0][:3] == [1000, 0, 1000], f"{rows[0]}")
    check(all(r[0] % 1000 == 0 for r in rows), "lengths are whole batches")
    # Checked against CPython 3.11's sys.getsizeof after each extend.
    check([r[2] for r in rows] == [1000, 2000, 3000, 4000, 5000, 6000, 7000, 9004, 11256],
          f"{[r[2] for r in rows]}")
    p = cli("simulate", "--batch", "1000", "--target-kind", "elements", "--target", "10500", "--stats")
    check(stats(p.stdout)["length"] == "10500", p.stdout)


@test
def the_results_say_where_the_list_grows_next():
    # The notebook's list(range(20_000_000)) after its first append: its next
    # reallocation makes 25,312,508 slots (193.119 MB), 21.458 MB more.
    for command in ("simulate", "run"):
        p = cli(command, "--initial-length", "20000000", "--element", "boxed",
                "--target-kind", "elements", "--target", "20000001")
        expect(p, 0)
        check("  Next growth at         22,500,005 elements\n" in p.stdout, p.stdout)
        check("  Next capacity          25,312,508 (21.46 MiB more)\n" in p.stdout, p.stdout)


@test
def a_list_already_past_its_target_is_said_so():
    # list(range(1_000_000)) is 7.63 MiB: a 1 kB target is reached before the first append.
    for command in ("simulate", "run"):
        p = cli(command, "--initial-length", "1000000", "--target", "1KB")
        expect(p, 0)
        first = p.stdout.splitlines()[0]
        check("The initial list of 1,000,000 elements already reaches the target of 1.00 kB" in first,
              f"{command}: {first!r}")
        check("Reallocations          0" in p.stdout, p.stdout)


# --- run -----------------------------------------------------------------------

@test
def run_writes_files_that_match_the_simulation():
    with scratch() as d:
        ev, sa, co = (os.path.join(d, n) for n in ("e.csv", "s.csv", "c.csv"))
        p = cli("run", "--policy", "cpython", "--element", "int64", "--target", "16MiB",
                "--events", ev, "--samples", sa, "--contents", co, "--stats")
        expect(p, 0)
        s = stats(p.stdout)
        check(s["stop"] == "target", s)
        real = read_csv(ev, EVENTS_HEADER)
        p = cli("simulate", "--policy", "cpython", "--element", "int64", "--target", "16MiB", "--events", "-")
        sim = read_csv(p.stdout, EVENTS_HEADER, text=True)
        check([r[:6] for r in real] == [r[:6] for r in sim], "real events differ from the simulation")
        check(all(r[6] in (0, 1) for r in real), "moved is 0/1")
        check(all(r[9] >= 0 for r in real) and [r[9] for r in real] == sorted(r[9] for r in real),
              "elapsed_ns is monotonic")
        samples = read_csv(sa, SAMPLES_HEADER)
        check(len(samples) >= 2, "a sample at start and end")
        check(all(x[3] == 56 + 8 * x[2] for x in samples), "container bytes follow capacity")
        check(samples[-1][1] == int(s["length"]), "the last sample has the final length")
        n = int(s["length"])
        with open(co) as f:
            check(f.read() == "".join(f"{i}\n" for i in range(n)), "contents are 0..n-1")
        check(sorted(os.listdir(d)) == ["c.csv", "e.csv", "s.csv"], f"left behind: {os.listdir(d)}")


@test
def run_shared_contents_are_ones():
    p = cli("run", "--target-kind", "elements", "--target", "1000", "--contents", "-", "--quiet")
    expect(p, 0)
    check(p.stdout == "1\n" * 1000, "shared elements all hold 1")


@test
def run_refuses_a_target_larger_than_memory():
    p = cli("run", "--target", "1PB")
    expect(p, 1)
    for needle in ("can spare", "reserve", "largest target that fits", "--force"):
        check(needle in p.stderr, f"“{needle}” not in {p.stderr!r}")


@test
def run_stops_at_the_reserve_and_keeps_files():
    # A reserve of all the machine's memory: the first growth would eat into it.
    with open("/proc/meminfo") as f:
        total = next(int(line.split()[1]) * 1024 for line in f if line.startswith("MemTotal:"))
    with scratch() as d:
        ev = os.path.join(d, "e.csv")
        p = cli("run", "--target", "1GiB", "--reserve", str(total), "--force", "--events", ev)
        expect(p, 0)
        check("reserve" in p.stdout, p.stdout)
        read_csv(ev, EVENTS_HEADER)
        # The same reserve as a share of the memory.
        p = cli("run", "--target", "1GiB", "--reserve", "100%", "--force", "--events", ev)
        expect(p, 0)
        check("reserve" in p.stdout, p.stdout)
        # More than the machine has is a mistake, said before anything runs.
        p = cli("run", "--target", "1GiB", "--reserve", "1PB", "--events", ev)
        expect(p, 2)
        check("--reserve" in p.stderr and "memory" in p.stderr, p.stderr)


@test
def run_bad_destinations_fail_cleanly():
    with scratch() as d:
        cases = [(os.path.join(d, "missing", "e.csv"), "missing"),
                 ("/dev/full", "/dev/full"),
                 ("/proc/listlab-events.csv", "/proc/listlab-events.csv"),
                 (d, d)]
        for path, needle in cases:
            for command in ("run", "simulate"):
                p = cli(command, "--target", "1MiB", "--events", path)
                expect(p, 1)
                check(needle in p.stderr, f"{path}: “{needle}” not in {p.stderr!r}")
                # one sentence, whole: nothing said of files when none is a file
                check("(null)" not in p.stderr and p.stderr.count("\n") == 1, p.stderr)
        check(os.listdir(d) == [], f"left behind: {os.listdir(d)}")
        # Files are put in place all together or not at all: one failing
        # leaves the others' destinations as they were.
        keep = os.path.join(d, "keep.csv")
        open(keep, "w").write("precious\n")
        p = cli("run", "--target", "1MiB", "--events", keep, "--contents", "/dev/full")
        expect(p, 1)
        check(open(keep).read() == "precious\n", "keep.csv was replaced though the command failed")
        check("keep.csv" in p.stderr and "as it was" in p.stderr, p.stderr)
        check(sorted(os.listdir(d)) == ["keep.csv"], f"left behind: {os.listdir(d)}")


@test
def ctrl_c_stops_and_still_writes():
    with scratch() as d:
        ev = os.path.join(d, "e.csv")
        proc = subprocess.Popen([CLI, "run", "--policy", "fixed", "--increment", "1000", "--target", "2GiB",
                                 "--force", "--events", ev, "--stats"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        check(proc.returncode == 0, f"exit {proc.returncode}: {err}")
        check(stats(out).get("stop") == "cancelled", out)
        check(len(read_csv(ev, EVENTS_HEADER)) > 0, "events written after Ctrl+C")
        check(time.monotonic() - t0 < 5, "slow to stop")


if __name__ == "__main__":
    sys.exit(main())
