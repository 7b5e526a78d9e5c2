#!/usr/bin/env python3
# test-cli-output.py — the files listlab-cli writes for a run: charts and reports, read back (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CLI, test, cli, check, expect, scratch, main, png_size, pdf_pages  # noqa: E402


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
def range_beside_the_data_is_noted():
    with scratch() as d:
        png, svg = os.path.join(d, "r.png"), os.path.join(d, "r.svg")
        # 1 MiB of CPython list: lengths 0 to 126,721
        p = cli("simulate", "--target", "1MiB", "--chart", "growth", "--range", "10G:20G", "--png", png, "--svg", svg)
        expect(p, 0)
        check(p.stderr == "listlab-cli: note: --range 10G:20G shows no data: the lengths go from 0 to 126,721\n",
              repr(p.stderr))
        check(png_size(png) == (1200, 600), f"{png_size(png)}")
        # within the lengths, or across their end: nothing to note
        for inside in ("0:1000", "100000:1G"):
            p = cli("simulate", "--target", "1MiB", "--chart", "growth", "--range", inside, "--png", png)
            expect(p, 0)
            check(p.stderr == "", f"{inside}: {p.stderr!r}")


@test
def simulation_without_timings_is_noted():
    with scratch() as d:
        png, svg = os.path.join(d, "t.png"), os.path.join(d, "t.svg")
        time_note = ("listlab-cli: note: a simulation allocates nothing, so its time chart is empty: "
                     "“listlab-cli run” times each reallocation\n")
        # once, however many images
        p = cli("simulate", "--target", "1MiB", "--chart", "time", "--png", png, "--svg", svg)
        expect(p, 0)
        check(p.stderr == time_note, repr(p.stderr))
        check(png_size(png) == (1200, 600), f"{png_size(png)}")
        p = cli("compare", "--target", "1MiB", "--chart", "time", "--png", png)
        expect(p, 0)
        check(p.stderr == time_note, repr(p.stderr))
        p = cli("simulate", "--target", "1MiB", "--chart", "memory", "--png", png)
        expect(p, 0)
        check(p.stderr == ("listlab-cli: note: a simulation allocates nothing, so its memory chart is empty: "
                           "“listlab-cli run” samples the free memory\n"), repr(p.stderr))
        # a chart a simulation draws, all four, the report, a real run's time chart: nothing to note
        for args in (("simulate", "--chart", "capacity"), ("simulate", "--chart", "all"), ("simulate",),
                     ("compare",), ("run", "--chart", "time")):
            p = cli(*args, "--target", "1MiB", "--png", png)
            expect(p, 0)
            check(p.stderr == "", f"{args}: {p.stderr!r}")


if __name__ == "__main__":
    sys.exit(main())
