# taplib.py — a tiny TAP producer shared by the data checks
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys


class Tap:
    """Collects results and prints them as TAP; exit() returns the status."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, condition, description, diagnostic=None):
        self.n += 1
        if condition:
            print(f"ok {self.n} - {description}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {description}")
            if diagnostic:
                for line in str(diagnostic).rstrip().splitlines():
                    print(f"# {line}")
        sys.stdout.flush()
        return condition

    def skip(self, description, reason):
        self.n += 1
        print(f"ok {self.n} - {description} # SKIP {reason}")

    def diag(self, text):
        for line in str(text).rstrip().splitlines():
            print(f"# {line}")

    def exit(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.failed else 0)


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def run(argv, **kwargs):
    """Runs a command, returns (returncode, stdout + stderr)."""
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, **kwargs)
    except OSError as e:
        return 127, f"cannot run {argv[0]}: {e}"
    return proc.returncode, proc.stdout
