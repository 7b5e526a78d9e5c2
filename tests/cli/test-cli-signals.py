#!/usr/bin/env python3
# test-cli-signals.py — listlab-cli stopped by a signal: at once, leaving each file as it was (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import pty
import select
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CLI, test, cli, check, scratch, main  # noqa: E402


def listing(d):
    return sorted(os.listdir(d))


def wait_for(predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def temporaries(d):
    return [n for n in os.listdir(d) if n.startswith(".")]


def interrupt(args, signum, when, d):
    """Starts listlab-cli, sends @signum once when() says so, returns
    (exit status, stderr, seconds from the signal to the exit)."""
    proc = subprocess.Popen([CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    check(wait_for(lambda: when() or proc.poll() is not None), "the moment to interrupt never came")
    check(proc.poll() is None, "listlab-cli ended before the signal")
    sent = time.monotonic()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err, time.monotonic() - sent


@test
def signals_during_simulate_leave_nothing():
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        with scratch() as d:
            fx = os.path.join(d, "fx.csv")
            open(fx, "w").write("old\n")
            code, err, seconds = interrupt(
                ["simulate", "--policy", "fixed", "--target", "1TB", "--events", fx], signum,
                lambda: any(os.path.getsize(os.path.join(d, n)) > 1 << 20 for n in temporaries(d)), d)
            print(f"# {signal.Signals(signum).name} during simulate: exit {code} after {seconds * 1000:.0f} ms")
            check(code == 128 + signum, f"exit {code}: {err}")
            check(seconds < 2, f"{seconds:.2f} s to stop")
            check(listing(d) == ["fx.csv"] and open(fx).read() == "old\n", f"left: {listing(d)}")
            check("interrupted" in err and "fx.csv" in err and "as it was" in err, err)


@test
def signals_while_writing_leave_nothing():
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        with scratch() as d:
            c, e = os.path.join(d, "C.txt"), os.path.join(d, "E.csv")
            code, err, seconds = interrupt(
                ["run", "--target", "512MiB", "--element", "int64", "--contents", c, "--events", e], signum,
                lambda: any(n.startswith(".C.txt") and os.path.getsize(os.path.join(d, n)) > 1 << 20
                            for n in os.listdir(d)), d)
            print(f"# {signal.Signals(signum).name} while writing the contents: exit {code} "
                  f"after {seconds * 1000:.0f} ms")
            check(code == 128 + signum, f"exit {code}: {err}")
            check(seconds < 2, f"{seconds:.2f} s to stop")
            check(listing(d) == [], f"left: {listing(d)}")
            check("No file was written" in err, err)


@test
def ctrl_c_twice_leaves_the_files():
    with scratch() as d:
        c, e = os.path.join(d, "C.txt"), os.path.join(d, "E.csv")
        proc = subprocess.Popen([CLI, "run", "--target", "2GiB", "--element", "int64", "--force",
                                 "--contents", c, "--events", e],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)      # stops the growth: the files come next
        check(wait_for(lambda: any(n.startswith(".C.txt") and os.path.getsize(os.path.join(d, n)) > 0
                                   for n in os.listdir(d))), "the contents were never written")
        proc.send_signal(signal.SIGINT)      # leaves them
        _, err = proc.communicate(timeout=60)
        check(proc.returncode == 130, f"exit {proc.returncode}: {err}")
        check("Ctrl+C again" in err and "No file was written" in err, err)
        check(listing(d) == [], f"left: {listing(d)}")


@test
def signals_during_compare_leave_nothing():
    with scratch() as d:
        out = os.path.join(d, "c.csv")
        code, err, seconds = interrupt(["compare", "--policy", "fixed,cpython", "--target", "1TB", "--csv", out],
                                       signal.SIGTERM, lambda: True if time.sleep(0.5) is None else False, d)
        check(code == 143, f"exit {code}: {err}")
        check(listing(d) == [], f"left: {listing(d)}")


# --- the progress line, drawn by the thread that waits for signals ------------

def on_a_terminal(args, wanted):
    """What listlab-cli writes to a terminal's standard error until @wanted
    shows (then Ctrl+C)."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([CLI, *args], stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 20
    while wanted not in seen and time.monotonic() < deadline:
        if select.select([primary], [], [], 0.5)[0]:
            seen += os.read(primary, 4096)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=10)
    os.close(primary)
    check(proc.returncode == 130, f"exit {proc.returncode}")
    return seen


@test
def long_simulations_show_progress_on_a_terminal():
    seen = on_a_terminal(["simulate", "--policy", "fixed", "--target", "1TB"], b"%")
    check(b"Simulating fixed:increment=4" in seen and b"%" in seen, repr(seen[-200:]))
    seen = on_a_terminal(["compare", "--policy", "fixed,cpython", "--target", "1TB"], b"(1 of 2)")
    check(b"Simulating Fixed +4 (1 of 2)" in seen, repr(seen[-200:]))
    # Not on a pipe: scripts read standard error.
    p = cli("simulate", "--policy", "fixed", "--target", "4GB")
    check("%" not in p.stderr, p.stderr)



if __name__ == "__main__":
    sys.exit(main())
