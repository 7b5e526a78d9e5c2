#!/usr/bin/env python3
# test-cli-reproduce.py — reproduce.py, run by the python3 here, prints the
# rows of the events CSV of the same run, for every policy and set-up.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import struct
import subprocess
import sys

from clitest import EVENTS_HEADER, check, cli, expect, main, read_csv, scratch, test

SCRIPT_COLUMNS = 6
# This python3 is the CPython the cpython policy mirrors (3.10 or later,
# 64-bit): reproduce.py grows a real list in it.
REAL_LIST_HERE = (sys.implementation.name == "cpython" and sys.version_info >= (3, 10)
                  and sys.maxsize == 2 ** 63 - 1)


def reproduce(d, name, *args, rule=False, how=None):
    """The run's events CSV and what its reproduce.py prints, as rows; with
    @how, the script must say it grew that ("a real list in cpython")."""
    events = os.path.join(d, name + ".csv")
    script = os.path.join(d, name + ".py")
    p = cli(*args, "--events", events, "--reproduce", script, "--quiet")
    expect(p, 0)
    wanted = [row[:SCRIPT_COLUMNS] for row in read_csv(events, EVENTS_HEADER)]
    out = subprocess.run([sys.executable, script, "--csv"] + (["--rule"] if rule else []),
                         capture_output=True, text=True, timeout=600)
    check(out.returncode == 0, f"{name}: reproduce.py failed: {out.stderr[-2000:]}")
    if how is not None:
        check(out.stderr.startswith("# " + how), f"{name}: reproduce.py grew {out.stderr.strip()!r}, not {how!r}")
    got = read_csv(out.stdout, ",".join(EVENTS_HEADER.split(",")[:SCRIPT_COLUMNS]), text=True)
    return wanted, got, script


@test
def every_policy_by_its_rule():
    policies = ["cpython", "cpython-3.8", "double", "msvc", "java", "go", "rust", "dotnet"]
    with scratch() as d:
        for policy in policies:
            for extra in ([], ["--initial-length", "1001", "--batch", "7"], ["--element", "int32"]):
                wanted, got, _ = reproduce(d, policy, "simulate", "--policy", policy,
                                           "--target", "64MiB", *extra, rule=True)
                check(len(wanted) > 10, f"{policy}: only {len(wanted)} reallocations")
                check(got == wanted, f"{policy} {extra}: reproduce.py parts at row "
                      f"{next((i for i, (a, b) in enumerate(zip(got, wanted)) if a != b), min(len(got), len(wanted)))}"
                      f" ({len(got)} rows against {len(wanted)})")


@test
def arrays_of_numbers():
    """array.array by its rule and as a real array here; np.append by its rule."""
    with scratch() as d:
        for element in ("int64", "int32"):
            for extra in ([], ["--initial-length", "1001"], ["--initial-length", "77", "--batch", "13"]):
                args = ("simulate", "--policy", "cpython-array", "--element", element, "--target", "16MiB", *extra)
                wanted, got, _ = reproduce(d, "typed", *args, rule=True)
                check(len(wanted) > 10 and got == wanted, f"rule {element} {extra}: {len(got)} rows against {len(wanted)}")
                wanted, got, _ = reproduce(d, "typed", *args,
                                           how="a real array.array in cpython"
                                           if sys.implementation.name == "cpython" else "the policy's rule")
                check(got == wanted, f"real array {element} {extra}: {len(got)} rows against {len(wanted)}")
            wanted, got, _ = reproduce(d, "np-append", "simulate", "--policy", "numpy-append", "--element", element,
                                       "--target", "64KiB")
            check(len(wanted) > 1000 and got == wanted, f"numpy {element}: {len(got)} rows against {len(wanted)}")


def python_with_numpy():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run([python, "-c", "import numpy"],
                                                     capture_output=True).returncode == 0:
            return python
    return None


@test
def np_append_in_numpy():
    """np.append's model against NumPy itself (python3-numpy, which the quick
    start installs): every append a new array of exactly the new size, and
    sys.getsizeof's header the policy's."""
    python = python_with_numpy()
    check(python is not None, "no python3 with NumPy here: build-aux/quickstart.sh installs python3-numpy")
    with scratch() as d:
        for element, extra in (("int64", []), ("int32", ["--initial-length", "100", "--batch", "3"])):
            events = os.path.join(d, "np-append.csv")
            script = os.path.join(d, "np-append.py")
            p = cli("simulate", "--policy", "numpy-append", "--element", element, "--target", "32KiB", *extra,
                    "--events", events, "--reproduce", script, "--quiet")
            expect(p, 0)
            out = subprocess.run([python, script, "--csv"], capture_output=True, text=True, timeout=120)
            check("a real NumPy" in out.stderr, out.stderr)
            wanted = [row[:SCRIPT_COLUMNS] for row in read_csv(events, EVENTS_HEADER)]
            got = read_csv(out.stdout, ",".join(EVENTS_HEADER.split(",")[:SCRIPT_COLUMNS]), text=True)
            check(len(wanted) > 100 and got == wanted, f"{element}: {len(got)} rows against {len(wanted)}")
        header = subprocess.run([python, "-c", "import sys, numpy; print(sys.getsizeof(numpy.empty(0, numpy.int64)))"],
                                capture_output=True, text=True).stdout.strip()
        check(header == "112", f"an empty int64 ndarray is {header} bytes")


@test
def fixed_and_custom():
    with scratch() as d:
        for args in (["--policy", "fixed", "--increment", "100000", "--target", "64MiB"],
                     ["--policy", "custom", "--factor", "1.1", "--constant", "3", "--round", "8",
                      "--target", "64MiB"],
                     ["--policy", "custom", "--factor", "2", "--target-kind", "elements",
                      "--target", "1000003", "--initial-length", "5"]):
            wanted, got, _ = reproduce(d, "custom", "simulate", *args)
            check(got == wanted, f"{args}: {len(got)} rows against {len(wanted)}")


@test
def a_real_list_in_this_interpreter():
    """A CPython run of Python objects: a real list here, when this is the
    CPython it mirrors (3.10 or later, 64-bit), prints what List Lab's own
    run did."""
    how = "a real list in cpython" if REAL_LIST_HERE else "the policy's rule"
    with scratch() as d:
        for element in ("shared", "boxed"):
            wanted, got, script = reproduce(d, "real-" + element, "run", "--policy", "cpython",
                                            "--element", element, "--target", "16MiB",
                                            "--initial-length", "100001", "--reserve", "0", how=how)
            check(got == wanted, f"{element}: {len(got)} rows against {len(wanted)}")
        notebook = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=600)
        lines = notebook.stdout.splitlines()
        check(len(lines) == len(wanted), f"{len(lines)} lines for {len(wanted)} reallocations")
        first = wanted[0]
        check(lines[0] == f"Memory used after appending element {first[0]}: "
              f"{first[4] / 1024 ** 2:.3f} MB, added {first[5] / 1024 ** 2:.3f} MB", lines[0])


@test
def the_notebooks_numbers():
    """list(range(20_000_000)) and 20,000,002 appends: the notebook's own
    printout, line for line after the first few."""
    with scratch() as d:
        script = os.path.join(d, "reproduce.py")
        p = cli("simulate", "--policy", "cpython", "--element", "boxed", "--initial-length", "20000000",
                "--appends", "20000002", "--reproduce", script, "--quiet")
        expect(p, 0)
        out = subprocess.run([sys.executable, script, "--rule"], capture_output=True, text=True, timeout=60)
        sizes = [line.split(": ")[1] for line in out.stdout.splitlines()]
        for wanted in ("193.119 MB, added 21.458 MB", "217.259 MB, added 24.140 MB",
                       "244.416 MB, added 27.157 MB", "274.969 MB, added 30.552 MB",
                       "309.340 MB, added 34.371 MB"):
            check(wanted in sizes, f"“{wanted}” not in {sizes[:8]}")
        # The notebook's own loop in this interpreter, where it is the
        # CPython the policy mirrors: the same lines.
        if REAL_LIST_HERE:
            real = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120)
            check(real.stderr.startswith("# a real list in cpython"), real.stderr.strip())
            check(real.stdout == out.stdout, f"{real.stdout.splitlines()[:3]} against {out.stdout.splitlines()[:3]}")


@test
def a_bundle():
    """--bundle DIR: a new folder with every file, reproduce.py printing its
    events.csv; refused over a folder that exists, before any work."""
    with scratch() as d:
        bundle = os.path.join(d, "class")
        p = cli("run", "--policy", "cpython", "--target", "8MiB", "--reserve", "0", "--bundle", bundle, "--quiet")
        expect(p, 0)
        names = sorted(os.listdir(bundle))
        check(names == ["README.txt", "capacity.png", "capacity.svg", "charts.png", "charts.svg", "events.csv",
                        "growth.png", "growth.svg",
                        "memory.png", "memory.svg", "report.pdf", "reproduce.py", "runs.listlab", "samples.csv",
                        "time.png", "time.svg"], f"{names}")
        out = subprocess.run([sys.executable, "reproduce.py", "--csv"], cwd=bundle, capture_output=True,
                             text=True, timeout=120)
        wanted = [row[:SCRIPT_COLUMNS] for row in read_csv(os.path.join(bundle, "events.csv"), EVENTS_HEADER)]
        got = read_csv(out.stdout, ",".join(EVENTS_HEADER.split(",")[:SCRIPT_COLUMNS]), text=True)
        check(got == wanted and len(got) > 10, f"{len(got)} rows against {len(wanted)}")
        with open(os.path.join(bundle, "runs.listlab"), "rb") as f:
            check(f.read(30) == b"io.github.listlab.ListLab.Runs", "runs.listlab is a file of runs")
        readme = open(os.path.join(bundle, "README.txt")).read()
        check("Reached the target of 8.00 MiB" in readme and "reproduce.py" in readme, readme)
        check("charts (.png, .svg)" in readme, readme)
        # The four charts together: two of the default 1200 x 600 high.
        with open(os.path.join(bundle, "charts.png"), "rb") as f:
            header = f.read(24)
        check(header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == (1200, 1200),
              f"charts.png: {header!r}")

        # A simulation: no memory samples, so no samples.csv and no word of one.
        simulated = os.path.join(d, "simulated")
        p = cli("simulate", "--policy", "go", "--target", "8MiB", "--bundle", simulated, "--quiet")
        expect(p, 0)
        check("samples.csv" not in os.listdir(simulated) and "events.csv" in os.listdir(simulated),
              f"{os.listdir(simulated)}")
        check("samples.csv" not in open(os.path.join(simulated, "README.txt")).read(), "README names samples.csv")
        out = subprocess.run([sys.executable, "reproduce.py", "--csv"], cwd=simulated, capture_output=True,
                             text=True, timeout=120)
        wanted = [row[:SCRIPT_COLUMNS] for row in read_csv(os.path.join(simulated, "events.csv"), EVENTS_HEADER)]
        got = read_csv(out.stdout, ",".join(EVENTS_HEADER.split(",")[:SCRIPT_COLUMNS]), text=True)
        check(got == wanted and len(got) > 10, f"simulated: {len(got)} rows against {len(wanted)}")

        p = cli("simulate", "--target", "1MiB", "--bundle", bundle)
        check(p.returncode != 0 and "exists already" in p.stderr, p.stderr)
        p = cli("simulate", "--target", "1MiB", "--bundle", os.path.join(d, "no", "such"))
        check(p.returncode != 0 and "there is no folder" in p.stderr, p.stderr)
        check(sorted(os.listdir(d)) == ["class", "simulated"], f"left behind: {os.listdir(d)}")


@test
def to_standard_output_and_refused():
    p = cli("simulate", "--target", "1MiB", "--reproduce", "-", "--quiet")
    expect(p, 0)
    check(p.stdout.startswith("#!/usr/bin/env python3"), p.stdout[:80])
    p = cli("compare", "--target", "1MiB", "--reproduce", "x.py")
    expect(p, 2)


if __name__ == "__main__":
    sys.exit(main())
