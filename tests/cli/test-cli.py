#!/usr/bin/env python3
# test-cli.py — listlab-cli's commands, files, messages and exit codes (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import (CLI, EVENTS_HEADER, SAMPLES_HEADER, test, cli, check, expect,  # noqa: E402
                     read_csv, stats, scratch, main)

# --- policies and help -------------------------------------------------------

@test
def policies_lists_every_policy():
    p = cli("policies", "--names")
    expect(p, 0)
    check(p.stdout.split() == ["cpython", "cpython-3.8", "cpython-array", "numpy-append", "double", "msvc",
                               "java", "go", "rust", "dotnet", "fixed", "custom"], p.stdout)
    p = cli("policies")
    expect(p, 0)
    for word in ("listobject.c", "--increment", "--factor", "shared", "boxed", "int64", "int32"):
        check(word in p.stdout, f"“{word}” missing from policies")


@test
def version_is_the_project_s():
    p = cli("--version")
    expect(p, 0)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "meson.build")) as f:
        version = next(line.split("'")[1] for line in f if line.strip().startswith("version:"))
    check(p.stdout == f"listlab-cli {version}\n", p.stdout)


@test
def verify_against_the_interpreter():
    import shutil
    if shutil.which("python3") is None:
        print("# no python3: verify's own checks only")
    else:
        import re
        p = cli("verify", "--initial-length", "2000000", "--appends", "2000002", "--element", "boxed")
        expect(p, 0)
        m = re.search(r"(\d+) of (\d+) reallocations identical", p.stdout)
        check(m and m.group(1) == m.group(2), p.stdout)
        p = cli("verify", "--target", "64MiB", "--stats")
        expect(p, 0)
        s = stats(p.stdout)
        check(s["compared"] == s["identical"] and int(s["compared"]) > 50 and s["first_difference"] == "0", p.stdout)
    p = cli("verify", "--policy", "go", "--appends", "10")
    expect(p, 2)
    check("CPython" in p.stderr, p.stderr)
    p = cli("verify", "--appends", "10", "--python", "/nonexistent/python3")
    expect(p, 1)
    check("/nonexistent/python3" in p.stderr, p.stderr)
    p = subprocess.run([CLI, "verify", "--appends", "10"], capture_output=True, text=True,
                       env=dict(os.environ, PATH="/nonexistent"))
    expect(p, 1)
    check("python3" in p.stderr and "apt install python3" in p.stderr, p.stderr)
    p = cli("verify", "--target", "1EB")
    expect(p, 1)
    check("can spare" in p.stderr, p.stderr)


@test
def help_documents_every_option():
    for command, options in (("simulate", ["--policy", "--appends", "--target", "--initial-length", "--batch",
                                           "--events", "--increment", "--factor", "--constant", "--round"]),
                             ("run", ["--policy", "--element", "--initial-length", "--target", "--mechanism",
                                      "--reserve", "--events", "--samples", "--contents", "--force"])):
        p = cli(command, "--help-all")
        expect(p, 0)
        for o in options:
            check(o in p.stdout, f"{command} --help lacks {o}")
    expect(cli("--help"), 0)
    expect(cli("policies", "--help"), 0)


@test
def bad_usage_exits_2_with_a_message():
    cases = [
        (("frobnicate",), "not a command"),
        ((), "Usage"),
        (("simulate", "--policy", "triple", "--appends", "10"), "triple"),
        (("simulate", "--appends", "10", "--target", "1GB"), "not both"),
        (("simulate",), "--target"),
        (("simulate", "--target", "12XB"), "12XB"),
        (("simulate", "--target", "-5GB"), "-5GB"),
        (("simulate", "--target", "0"), "0"),
        (("simulate", "--target", "99999999999999999999999"), "99999999999999999999999"),
        (("simulate", "--policy", "fixed", "--increment", "0", "--target", "1MB"), "increment"),
        (("simulate", "--policy", "custom", "--factor", "0.5", "--target", "1MB"), "factor"),
        (("simulate", "--policy", "custom", "--factor", "abc", "--target", "1MB"), "abc"),
        (("simulate", "--policy", "cpython", "--increment", "4", "--target", "1MB"), "--increment"),
        (("simulate", "--element", "float", "--target", "1MB"), "float"),
        (("simulate", "--target", "1MB", "--target-kind", "weight"), "weight"),
        (("simulate", "--target", "1MB", "--batch", "0"), "batch"),
        (("run", "--target", "1MB", "--mechanism", "memcpy"), "memcpy"),
        (("run",), "--target"),
        (("run", "--target", "1MB", "--reserve", "lots"), "lots"),
        (("run", "--target", "1MB", "--huge-pages"), "mremap"),
        (("run", "--target", "1MB", "--events", "-", "--samples", "-"), "standard output"),
        (("simulate", "--target", "1MB", "--events", "-", "--png", "-"), "standard output"),
        (("simulate", "--target", "1MB", "--chart", "pie", "--png", "x.png"), "pie"),
        (("simulate", "--target", "1MB", "--chart", "pie", "--png", "x.png"), "time"),
        (("simulate", "--target", "1MB", "--range", "5:3", "--png", "x.png"), "5"),
        (("simulate", "--target", "1MB", "--range", "5", "--png", "x.png"), "FROM:TO"),
        (("simulate", "--target", "1MB", "--range", "a:9", "--png", "x.png"), "--range"),
        (("simulate", "--target", "1MB", "--log", "z", "--png", "x.png"), "--log"),
        (("simulate", "--target", "1MB", "--size", "10x", "--png", "x.png"), "10x"),
        (("simulate", "--target", "1MB", "extra"), "options only"),
    ]
    for args, needle in cases:
        p = cli(*args)
        expect(p, 2)
        check(needle in p.stderr, f"{args}: “{needle}” not in {p.stderr!r}")
        check("Traceback" not in p.stderr and "CRITICAL" not in p.stderr, p.stderr)


# --- compare -------------------------------------------------------------------

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
    for args, needle in ((("compare", "--policy", "cpython,nope", "--target", "1MB"), "nope"),
                         (("compare", "--policy", "cpython", "--target", "1MB", "--events", "x.csv"), "--csv"),
                         (("compare", "--policy", ",", "--target", "1MB"), "policy")):
        p = cli(*args)
        expect(p, 2)
        check(needle in p.stderr, f"{args}: {p.stderr!r}")


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
            p = cli("run", "--target", "1MiB", "--events", path)
            expect(p, 1)
            check(needle in p.stderr, f"{path}: “{needle}” not in {p.stderr!r}")
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


# --- chart and report exports -------------------------------------------------

def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def pdf_pages(path):
    data = open(path, "rb").read()
    check(data.startswith(b"%PDF-"), f"{path} is not a PDF")
    import re
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


@test
def exports_charts_and_reports():
    import xml.etree.ElementTree as ET
    with scratch() as d:
        png, svg, pdf = (os.path.join(d, n) for n in ("r.png", "r.svg", "r.pdf"))
        p = cli("run", "--target", "8MiB", "--png", png, "--svg", svg, "--pdf", pdf, "--quiet")
        expect(p, 0)
        check(png_size(png) == (1190, 1684), f"report PNG is {png_size(png)}")
        check(pdf_pages(pdf) == 1, "the report is one page")
        root = ET.parse(svg).getroot()
        check(root.tag.endswith("svg"), root.tag)
        check(abs(float(root.get("width").rstrip("pt")) - 595) < 1, root.get("width"))

        chart = os.path.join(d, "growth.png")
        p = cli("simulate", "--policy", "go", "--target", "1GiB", "--chart", "growth", "--size", "800x300",
                "--png", chart, "--log", "y")
        expect(p, 0)
        check(png_size(chart) == (800, 300), f"{png_size(chart)}")

        # Every chart on one image: two of the default size a row.
        every = os.path.join(d, "all.png")
        p = cli("run", "--target", "8MiB", "--chart", "all", "--png", every, "--quiet")
        expect(p, 0)
        check(png_size(every) == (1200, 1200), f"{png_size(every)}")

        # A zoom and a log axis draw something else than the whole run.
        pictures = {}
        for name, extra in (("whole", ()), ("zoomed", ("--range", "0:1000")), ("logx", ("--log", "x")),
                            ("time", ())):
            path = os.path.join(d, name + ".png")
            chart_name = "time" if name == "time" else "growth"
            p = cli("run", "--target", "8MiB", "--chart", chart_name, "--png", path, "--quiet", *extra)
            expect(p, 0)
            pictures[name] = open(path, "rb").read()
            os.unlink(path)
        check(len(set(pictures.values())) == 4, "whole, zoomed, log x and time differ")

        # SVG keeps its text: the axis titles are there to read.
        chart_svg = os.path.join(d, "capacity.svg")
        p = cli("simulate", "--target", "64MiB", "--chart", "capacity", "--svg", chart_svg)
        expect(p, 0)
        ET.parse(chart_svg)
        check(os.path.getsize(chart_svg) > 1000, "an SVG with content")

        p = subprocess.run([CLI, "simulate", "--target", "64MiB", "--chart", "memory", "--png", "-"],
                           capture_output=True, timeout=60)
        check(p.returncode == 0 and p.stdout.startswith(b"\x89PNG"), "a PNG on standard output")

        for path, needle in ((os.path.join(d, "no", "x.png"), "does not exist"),
                             ("/dev/full", "full")):
            p = cli("simulate", "--target", "64MiB", "--png", path)
            expect(p, 1)
            check(needle in p.stderr, f"“{needle}” not in {p.stderr!r}")
        p = cli("simulate", "--target", "64MiB", "--png", os.path.join(d, "x.svg"))
        expect(p, 2)
        check(sorted(os.listdir(d)) == ["all.png", "capacity.svg", "growth.png", "r.pdf", "r.png", "r.svg"],
              f"left behind: {os.listdir(d)}")


@test
def arrays_of_numbers_only():
    """array.array and np.append hold numbers; np.append's quadratic copying
    refuses a real run that would not finish, saying how much it would copy."""
    p = cli("simulate", "--policy", "cpython-array", "--element", "shared", "--target", "1MiB")
    expect(p, 2)
    check("holds numbers" in p.stderr and "int64" in p.stderr, p.stderr)
    p = cli("run", "--policy", "numpy-append", "--element", "int64", "--target", "10GB")
    check(p.returncode != 0 and "np.append copies the whole array on every append" in p.stderr
          and "Choose a target of at most" in p.stderr, p.stderr)
    p = cli("run", "--policy", "numpy-append", "--element", "int64", "--target", "256KiB", "--reserve", "0",
            "--stats")
    expect(p, 0)
    check(stats(p.stdout).get("reallocations") == "32754", p.stdout)
    # 8 × 32,754² / 2 bytes: said before the run
    check("np.append copies the whole array on every append: about 4.29 GB in all" in p.stderr, p.stderr)
    p = cli("simulate", "--policy", "numpy-append", "--element", "int32", "--target-kind", "elements",
            "--target", "1000", "--stats")
    expect(p, 0)
    check(stats(p.stdout).get("reallocations") == "1000", p.stdout)


if __name__ == "__main__":
    sys.exit(main())
