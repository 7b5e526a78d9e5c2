#!/usr/bin/env python3
# bench-engine.py — List Lab's engine against its peers, measured in one run
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Grows a `shared` list with the cpython policy to a container size and
compares, on this machine and in this run:

  (a) the engine (listlab-cli run) with each growth mechanism,
  (b) CPython's own `l.append(1)` loop for the same number of appends,
  (c) the raw limit: the same bytes written into freshly mapped memory,
      without and with transparent huge pages,
  (d) `simulate` for the `fixed` +4 policy to 10 GB (time and peak memory),
  (e) the contents export against the notebook's f.write loop and a raw
      write of the same bytes to the same folder.

Goals: (a) >= 8x CPython and within 1.25x of (c) for the same page mode;
(d) under 3 s and 64 MiB; (e) >= 10x the notebook's loop, >= 50 % of raw.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_stats(text):
    stats = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and value.isdigit():
            stats[key] = int(value)
        elif sep:
            stats[key] = value
    return stats


def run_child(argv):
    """Runs argv, returns (stdout, wall seconds, peak RSS bytes of that child)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err}")
    return out, wall


def run_with_rusage(argv):
    """Runs argv, returns (wall seconds, peak RSS bytes of that child alone)."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execvp(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed")
    return wall, usage.ru_maxrss * 1024


def cli(build, *args):
    out, wall = run_child([os.path.join(build, "src", "cli", "listlab-cli"), *args])
    return parse_stats(out), wall


def fmt_bytes(n):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.2f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024.0


def row(label, seconds, extra=""):
    print(f"  {label:<44} {seconds:9.3f} s  {extra}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "_build"), help="meson build directory")
    ap.add_argument("--size", default="2GiB", help="container size to grow to (default 2GiB)")
    ap.add_argument("--large", action="store_true", help="grow to 10GiB")
    ap.add_argument("--contents-elements", default=50_000_000, type=int,
                    help="list length for the contents export comparison (default 50M)")
    ap.add_argument("--rounds", default=3, type=int, help="repeat the engine and raw runs, keep the best")
    ap.add_argument("--python", default=sys.executable, help="the CPython to compare with")
    args = ap.parse_args()
    size = "10GiB" if args.large else args.size
    build = os.path.abspath(args.build)

    tmp = tempfile.mkdtemp(prefix="listlab-bench-", dir=os.environ.get("TMPDIR", "/var/tmp"))
    cc = shutil.which("cc") or shutil.which("gcc")
    raw_fill = os.path.join(tmp, "raw-fill")
    subprocess.check_call([cc, "-O2", "-o", raw_fill, os.path.join(HERE, "raw-fill.c")])

    pyver = subprocess.check_output([args.python, "-c", "import sys; print(sys.version.split()[0])"], text=True).strip()
    print(f"List Lab engine benchmark — {os.cpu_count()} CPUs, CPython {pyver}, container target {size}")

    # (d) first, while this process has no big children, so peak RSS is its own.
    print("\n(d) simulate, fixed +4 to 10 GB")
    wall, peak = run_with_rusage([os.path.join(build, "src", "cli", "listlab-cli"), "simulate",
                                  "--policy", "fixed", "--increment", "4", "--target", "10GB", "--quiet"])
    sim, _ = cli(build, "simulate", "--policy", "fixed", "--increment", "4", "--target", "10GB", "--stats")
    row(f"{sim['reallocations']:,} reallocations", wall, f"peak RSS {fmt_bytes(peak)}  (goal < 3 s, < 64 MiB)")

    # (a)-(c), interleaved and repeated: this machine's page faults are noisy,
    # so each figure is the best of --rounds.
    plan, _ = cli(build, "simulate", "--policy", "cpython", "--target", size, "--stats")
    n = plan["length"]
    slot_bytes = n * 8
    print(f"\n(a-c) {n:,} appends of a shared element, {fmt_bytes(slot_bytes)} of slots written, "
          f"best of {args.rounds} rounds")
    engine_modes = (("realloc", []), ("mremap", ["--mechanism", "mremap"]),
                    ("mremap + huge pages", ["--mechanism", "mremap", "--huge-pages"]))
    raw_modes = (("page faults", []), ("populate", ["populate"]),
                 ("huge pages, page faults", ["huge"]), ("huge pages, populate", ["huge", "populate"]))
    engine = {}
    raw = {}
    def engine_run(label, extra):
        st, _ = cli(build, "run", "--policy", "cpython", "--element", "shared", "--target", size,
                    "--force", "--stats", *extra)
        if st.get("length") != n:
            sys.exit(f"engine stopped at {st.get('length')} of {n} elements ({st.get('stop')})")
        engine[label] = min(engine.get(label, 1e99), st["elapsed_ns"] / 1e9)

    def raw_run(label, mode):
        out, _ = run_child([raw_fill, str(slot_bytes), *mode])
        raw[label] = min(raw.get(label, 1e99), int(out) / 1e9)

    # Each page mode's runs stand together, so the engine and the raw fill
    # find the kernel in the same state (huge pages right after 4 KiB runs
    # first wait for compaction).
    for _ in range(args.rounds):
        for label, mode in raw_modes[:2]:
            raw_run(label, mode)
        for label, extra in engine_modes[:2]:
            engine_run(label, extra)
        for label, mode in raw_modes[2:]:
            raw_run(label, mode)
        engine_run(*engine_modes[2])

    for label, _ in engine_modes:
        row(f"engine, {label}", engine[label], f"{n / engine[label] / 1e6:7.1f} M appends/s")

    # (b) CPython, once: it is the slow one
    code = ("import time\nl = []\nt = time.perf_counter()\n"
            f"for _ in range({n}):\n    l.append(1)\n"
            "print(time.perf_counter() - t)\n")
    out, _ = run_child([args.python, "-c", code])
    python_s = float(out)
    row("CPython l.append(1) loop", python_s, f"{n / python_s / 1e6:7.1f} M appends/s")

    for label, _ in raw_modes:
        row(f"raw fill, {label}", raw[label], f"{slot_bytes / raw[label] / 1e9:7.2f} GB/s")
    raw_small = min(raw["page faults"], raw["populate"])
    raw_huge = min(raw["huge pages, page faults"], raw["huge pages, populate"])

    print("\n  ratios (raw limit = the faster of page faults and populate)")
    print(f"    engine (realloc) vs CPython              {python_s / engine['realloc']:6.1f}x faster   (goal >= 8x)")
    print(f"    engine (realloc) vs raw, 4 KiB pages     {engine['realloc'] / raw_small:6.2f}x the time (goal <= 1.25x)")
    print(f"    engine (mremap) vs raw, 4 KiB pages      {engine['mremap'] / raw_small:6.2f}x the time (goal <= 1.25x)")
    print(f"    engine (mremap+huge) vs raw, huge pages  {engine['mremap + huge pages'] / raw_huge:6.2f}x the time (goal <= 1.25x)")
    print(f"    huge pages speed-up of the raw limit     {raw_small / raw_huge:6.2f}x")

    # (e) contents export
    m = args.contents_elements
    print(f"\n(e) contents export of {m:,} elements to {tmp}")
    path = os.path.join(tmp, "contents.csv")
    st, _ = cli(build, "run", "--policy", "cpython", "--element", "int64", "--target-kind", "elements",
                "--target", str(m), "--force", "--stats", "--contents", path)
    file_bytes = os.path.getsize(path)
    engine_s = st["contents_ns"] / 1e9
    row("listlab-cli --contents", engine_s, f"{file_bytes / engine_s / 1e9:6.2f} GB/s, {fmt_bytes(file_bytes)}")

    data = open(path, "rb").read()
    os.unlink(path)
    code = ("import time, os, sys\n"
            f"big_list = list(range({m}))\n"
            "t = time.perf_counter()\n"
            "with open(sys.argv[1], 'w', newline='') as f:\n"
            "    for row in big_list:\n"
            "        f.write(f\"{row}\\n\")\n"
            "    f.flush(); os.fsync(f.fileno())\n"
            "print(time.perf_counter() - t)\n")
    out, _ = run_child([args.python, "-c", code, path])
    notebook_s = float(out)
    same = open(path, "rb").read() == data
    os.unlink(path)
    row("notebook's f.write loop", notebook_s, "same bytes" if same else "DIFFERENT BYTES")

    t0 = time.perf_counter()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    view = memoryview(data)
    chunk = 8 << 20
    for off in range(0, len(view), chunk):
        os.write(fd, view[off:off + chunk])
    os.fsync(fd)
    os.close(fd)
    raw_write_s = time.perf_counter() - t0
    os.unlink(path)
    row("raw write of the same bytes", raw_write_s, f"{file_bytes / raw_write_s / 1e9:6.2f} GB/s")
    print(f"\n  ratios")
    print(f"    contents vs notebook loop                {notebook_s / engine_s:6.1f}x faster   (goal >= 10x)")
    print(f"    contents vs raw write                    {100 * raw_write_s / engine_s:6.0f} % of its speed (goal >= 50 %)")

    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
