#!/usr/bin/env python3
# test-cli-verify.py — listlab-cli verify: the same growth in the real interpreter (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CLI, test, cli, check, expect, stats, main, scratch  # noqa: E402


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
def an_interpreter_that_stops_says_why():
    """Killed, out of memory, or the last line it wrote: each in one line, control characters shown."""
    cases = (
        ("kill -9 $$", "was killed before the end (Killed): the system may have run out of memory"),
        ("echo 'Traceback (most recent call last):' >&2; echo MemoryError >&2; exit 1",
         "ran out of memory before the end (MemoryError)"),
        ("echo '  File \"<string>\", line 3' >&2; printf 'SyntaxError: bad \\033[31m\\n' >&2; exit 2",
         "stopped before the end, with exit status 2: SyntaxError: bad \\x1B[31m"),
        ("exit 3", "stopped before the end, with exit status 3"),
    )
    with scratch() as d:
        for i, (body, said) in enumerate(cases):
            fake = os.path.join(d, f"python{i}")
            with open(fake, "w") as f:
                f.write("#!/bin/sh\n" + body + "\n")
            os.chmod(fake, 0o755)
            # What it wrote on standard error is kept in a file of no name: none is left.
            p = subprocess.run([CLI, "verify", "--appends", "10", "--python", fake],
                               capture_output=True, text=True, env=dict(os.environ, TMPDIR=d))
            expect(p, 1)
            check(p.stderr == f"listlab-cli: The interpreter {said}\n", repr(p.stderr))
            check(sorted(os.listdir(d)) == [f"python{k}" for k in range(i + 1)], os.listdir(d))


if __name__ == "__main__":
    sys.exit(main())
