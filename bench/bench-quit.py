#!/usr/bin/env python3
# bench-quit.py — how soon the app is gone after SIGTERM, during a run and holding its list
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts `listlab --target SIZE --start` (a `shared` list, cpython policy),
sends SIGTERM once the process holds half the target (the run is going) or
once its memory stopped growing (the run ended and holds the list), and
measures the time until the process exited, and how: the app quits through
its own path and exits with 0. Beside it, the same process killed with
SIGKILL at the same point: what the kernel alone takes to take the memory
back, which no clean exit can beat.

Without a display it runs itself under xvfb-run and dbus-run-session, in
the environment the window tests use.
"""

import argparse
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GiB = 1 << 30


def rss(pid):
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def parse_size(text):
    units = {"GiB": GiB, "MiB": 1 << 20, "GB": 10**9, "MB": 10**6}
    for suffix, factor in units.items():
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * factor)
    return int(text)


def one(build, target, holding, signum):
    env = dict(os.environ,
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GTK_A11Y="none", GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"),
               GDK_DEBUG="gl-disable,vulkan-disable", ADW_DISABLE_PORTAL="1",
               GTK_USE_PORTAL="0", GIO_USE_VFS="local", GIO_USE_VOLUME_MONITOR="unix",
               NO_AT_BRIDGE="1")
    proc = subprocess.Popen([os.path.join(build, "src", "ui", "listlab"),
                             "--policy", "cpython", "--element", "shared",
                             "--target", target, "--start"], env=env)
    start = time.monotonic()
    half = parse_size(target) // 2
    last, still_since = 0, time.monotonic()
    while time.monotonic() - start < 120:
        now = rss(proc.pid)
        if not holding and now >= half:
            break
        if holding:
            if now > last + (1 << 20):
                last, still_since = now, time.monotonic()
            elif now > half and time.monotonic() - still_since > 1.0:
                break
        time.sleep(0.002)
    held = rss(proc.pid)
    sent = time.perf_counter()
    proc.send_signal(signum)
    code = proc.wait()
    return held, time.perf_counter() - sent, code


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "_build"))
    parser.add_argument("--target", default="4GiB")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        conf = os.path.join(ROOT, "tests", "ui", "dbus-session.conf")
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                               "dbus-run-session", f"--config-file={conf}", "--",
                               sys.executable] + sys.argv)

    print(f"listlab --target {args.target} --start, {args.rounds} rounds")
    for holding, what in ((False, "during the run"), (True, "holding the list")):
        for signum in (signal.SIGTERM, signal.SIGKILL):
            rows = [one(args.build, args.target, holding, signum) for _ in range(args.rounds)]
            times = " ".join(f"{t * 1000:.0f}" for _, t, _ in rows)
            held = " ".join(f"{h / GiB:.2f}" for h, _, _ in rows)
            codes = sorted({c for _, _, c in rows})
            print(f"  {what:17} {signal.Signals(signum).name:8} at {held} GiB: "
                  f"exited after {times} ms, status {codes}")
            if signum == signal.SIGTERM and codes != [0]:
                sys.exit("the app did not quit cleanly")


if __name__ == "__main__":
    main()
