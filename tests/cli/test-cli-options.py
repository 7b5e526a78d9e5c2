#!/usr/bin/env python3
# test-cli-options.py — listlab-cli's options: policies, version, help, and bad usage that exits 2 saying why (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import test, cli, check, expect, stats, main  # noqa: E402


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
        (("simulate", "--policy", "custom", "--factor", "0.5", "--target", "1MB"), "--factor: A growth factor of 0.5"),
        (("simulate", "--policy", "custom", "--factor", "20", "--target", "1MB"), "--factor: A growth factor of 20"),
        (("simulate", "--policy", "custom", "--factor", "1", "--target", "1MB"), "--factor, --constant: "),
        (("simulate", "--policy", "custom", "--round", "2G", "--target", "1MB"), "--round: Rounding"),
        (("simulate", "--policy", "custom", "--factor", "abc", "--target", "1MB"), "abc"),
        (("simulate", "--policy", "cpython", "--increment", "4", "--target", "1MB"), "--increment"),
        (("simulate", "--element", "float", "--target", "1MB"), "float"),
        (("simulate", "--target", "1MB", "--target-kind", "weight"), "weight"),
        (("simulate", "--target", "1MB", "--batch", "0"), "batch"),
        (("run", "--target", "1MB", "--mechanism", "memcpy"), "memcpy"),
        (("run",), "--target"),
        (("compare", "--policy", "cpython,go,CPython", "--target", "1MB"), "--policy: cpython is named twice\n"),
        (("compare", "--policy", "all,cpython", "--target", "1MB"),
         "--policy: “all” names every policy already: give it alone\n"),
        (("run", "--target", "1MB", "--reserve", "lots"),
         "--reserve: ‘lots’ is not a reserve: write “auto”, a size such as 2GiB or a share of memory such as 10 %\n"),
        (("run", "--target", "1MB", "--reserve", " "),
         "--reserve: no reserve given: write “auto”, a size such as 2GiB or a share of memory such as 10 %\n"),
        (("run", "--target", "1MB", "--reserve", "150%"),
         "--reserve: 150 % is more than all of the memory: a share goes from 0 to 100 %\n"),
        (("verify", "--appends", "10", "--reserve", "x %"),
         "--reserve: ‘x %’ is not a share of memory: write a number from 0 to 100 before “%”\n"),
        (("run", "--target", "1MB", "--reserve", "1PB"), "--reserve: 1.00 PB is more than this machine’s memory ("),
        (("run", "--target", "1MB", "--huge-pages"), "mremap"),
        # a rate says its own range, not the examples of an element count
        (("run", "--target", "1MB", "--sample-rate", "0"),
         "--sample-rate: ‘0’ is not a rate this can sample at: give samples a second from 1 to 1000, such as 20\n"),
        (("run", "--target", "1MB", "--sample-rate", "1e9"),
         "--sample-rate: ‘1e9’ is not a rate this can sample at: give samples a second from 1 to 1000, such as 20\n"),
        (("run", "--target", "1MB", "--sample-rate", "fast"), "--sample-rate: ‘fast’ is not a rate"),
        (("run", "--target", "1MB", "--events", "-", "--samples", "-"), "standard output"),
        (("simulate", "--target", "1MB", "--events", "-", "--png", "-"), "standard output"),
        (("simulate", "--target", "1MB", "--chart", "pie", "--png", "x.png"), "pie"),
        (("simulate", "--target", "1MB", "--chart", "pie", "--png", "x.png"), "time"),
        (("simulate", "--target", "1MB", "--range", "5:3", "--png", "x.png"), "--range: 5 is not below 3"),
        (("simulate", "--target", "1MB", "--range", "0:0", "--png", "x.png"), "--range: 0 is not below 0"),
        (("simulate", "--target", "1MB", "--range", "2M:0", "--png", "x.png"), "--range: 2M is not below 0"),
        (("simulate", "--target", "1MB", "--range", "5", "--png", "x.png"), "FROM:TO"),
        (("simulate", "--target", "1MB", "--range", "a:9", "--png", "x.png"), "--range"),
        (("simulate", "--target", "1MB", "--log", "z", "--png", "x.png"), "--log"),
        (("simulate", "--target", "1MB", "--size", "10x", "--png", "x.png"), "10x"),
        (("simulate", "--target", "1MB", "extra"), "options only"),
        # another command's option: which command has it
        (("simulate", "--target", "1MB", "--samples", "s.csv"),
         "“simulate” has no option --samples: it is an option of “listlab-cli run”\n"),
        (("simulate", "--target", "1MB", "-f"), "“simulate” has no option -f: it is an option of “listlab-cli run”\n"),
        (("simulate", "--reserve=1G", "--target", "1MB"),
         "no option --reserve: it is an option of “listlab-cli run”, “listlab-cli verify”\n"),
        (("run", "--target", "1MB", "--csv", "t.csv"), "“run” has no option --csv: it is an option of “listlab-cli compare”"),
        (("simulate", "--range", "-5:3", "--target", "1MB", "--samples", "s.csv"), "no option --samples"),
        (("simulate", "--target", "1MB", "--frobnicate"), "Unknown option --frobnicate"),
        # "-o FILE", as other tools take it: where this one writes instead
        (("run", "--target", "1MB", "-o", "x.png"),
         "“run” has no option -o: write the report or a --chart with --png=FILE, --svg=FILE or --pdf=FILE, "
         "and the reallocations with --events=FILE\n"),
        (("simulate", "--target", "1MB", "--output=x.png"), "“simulate” has no option --output: write the report"),
        (("compare", "--target", "1MB", "-ox.png"),
         "“compare” has no option -o: write the charts with --png=FILE, --svg=FILE or --pdf=FILE, "
         "and the table with --csv=FILE\n"),
        (("verify", "-o", "x.png"), "Unknown option -o"),
        # a run's outputs asked of compare, which writes one table
        (("compare", "--target", "1MB", "--stats"),
         "“compare” has no option --stats: it writes one table for all its policies, "
         "with --csv=FILE (- for standard output)\n"),
        (("compare", "--target", "1MB", "--samples=s.csv"), "“compare” has no option --samples: it writes one table"),
        # what verify does not act on is not taken in silence
        (("verify", "--appends", "1000", "--events", "e.csv"),
         "“verify” has no option --events: it is an option of “listlab-cli run”, “listlab-cli simulate”\n"),
        (("verify", "--appends", "1000", "-m", "copy"), "“verify” has no option -m: it is an option of"),
    ]
    for args, needle in cases:
        p = cli(*args)
        expect(p, 2)
        check(needle in p.stderr, f"{args}: “{needle}” not in {p.stderr!r}")
        check("Traceback" not in p.stderr and "CRITICAL" not in p.stderr, p.stderr)


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
    # With no --element, a list of numbers holds int64, as NumPy's integers
    # and array('q') do: 8 bytes a slot, no objects.
    for policy in ("numpy-append", "cpython-array"):
        p = cli("simulate", "--policy", policy, "--appends", "1000", "--stats")
        expect(p, 0)
        figures = stats(p.stdout)
        check(figures.get("length") == "1000" and figures.get("objects_bytes") == "0", p.stdout)
    p = cli("simulate", "--policy", "numpy-append", "--target-kind", "elements", "--target", "1000", "--stats")
    check(stats(p.stdout).get("container_bytes") == str(112 + 8 * 1000), p.stdout)


if __name__ == "__main__":
    sys.exit(main())
