#!/usr/bin/env python3
# test-cli-verify.py — listlab-cli verify: the same growth in the real interpreter (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CLI, test, cli, check, expect, stats, main  # noqa: E402


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


if __name__ == "__main__":
    sys.exit(main())
