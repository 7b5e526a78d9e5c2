#!/usr/bin/env python3
# test-memory-limit.py — listlab-cli run under a real memory limit: the reserve stops it, not the OOM killer (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""First under a limit of address space, where a growth really fails: the
run must end with exit status 1 and say it ran out of memory, keeping its
list. Then each run goes into a memory cgroup of its own, made for it
beside this process (cgroup v2: memory.max; v1: memory.limit_in_bytes, swap
off in both), and asks for far more than the limit allows: the run must end
by itself at the reserve, with the kernel never having had to kill
anything. The groups are removed whatever happens. The cgroup half needs
root and a cgroup filesystem with the memory controller that lets us make
groups, and skips itself, saying why, otherwise."""

import errno
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
from taplib import Tap, skip_all  # noqa: E402

MiB = 1 << 20
LIMIT = 512 * MiB
RESERVE = 64 * MiB
TARGET = "4GiB"
# Grows in place (realloc), and grows by copying into a new block (old and
# new resident together during the copy).
POLICIES = ("cpython", "java")
PREFIX = "listlab-test-"

CLI = os.environ.get("LISTLAB_CLI", "")


def read(path):
    with open(path) as f:
        return f.read()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def keyed(path, key, text=None):
    """The number after @key in a file of "key N" lines such as
    memory.events (or in @text)."""
    for line in (read(path) if text is None else text).splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] == key:
            return int(parts[1])
    return None


def mounts():
    """(fstype, mount point, root, super options) of every mount we see."""
    result = []
    for line in read("/proc/self/mountinfo").splitlines():
        fields = line.split()
        if "-" not in fields:
            continue
        dash = fields.index("-")
        tail = fields[dash + 1:]
        if len(tail) < 3:
            continue
        mount_point = fields[4].replace("\\040", " ")
        result.append((tail[0], mount_point, fields[3], tail[2].split(",")))
    return result


def inside(mount_point, root, path):
    """Where our group @path is under a mount of the hierarchy at @root."""
    if root != "/" and (path == root or path.startswith(root + "/")):
        path = path[len(root):]
    return os.path.join(mount_point, path.lstrip("/"))


class Cgroup:
    """One memory cgroup made for one run."""

    def __init__(self, version, path):
        self.version = version
        self.path = path

    def file(self, name):
        return os.path.join(self.path, name)

    def set_limit(self, limit):
        if self.version == 2:
            write(self.file("memory.max"), str(limit))
            # Past the limit the kernel must reclaim or kill, not swap.
            if os.path.exists(self.file("memory.swap.max")):
                write(self.file("memory.swap.max"), "0")
            return int(read(self.file("memory.max")))
        write(self.file("memory.limit_in_bytes"), str(limit))
        if os.path.exists(self.file("memory.memsw.limit_in_bytes")):
            write(self.file("memory.memsw.limit_in_bytes"), str(limit))
        return int(read(self.file("memory.limit_in_bytes")))

    def enter(self):
        """In the child, before exec: joins the group."""
        write(self.file("cgroup.procs"), str(os.getpid()))

    def oom_kills(self):
        if self.version == 2:
            return keyed(self.file("memory.events"), "oom_kill")
        return keyed(self.file("memory.oom_control"), "oom_kill")

    def times_at_limit(self):
        """How often the group's usage reached its limit (reclaim, or
        worse); None on v1, whose failcnt recent kernels no longer keep."""
        if self.version == 2:
            return keyed(self.file("memory.events"), "max")
        return None

    def peak(self):
        name = "memory.peak" if self.version == 2 else "memory.max_usage_in_bytes"
        try:
            return int(read(self.file(name)))
        except (OSError, ValueError):
            return None

    def procs(self):
        try:
            return [int(p) for p in read(self.file("cgroup.procs")).split()]
        except OSError:
            return []

    def remove(self):
        """Kills whatever is left in the group and removes it."""
        deadline = time.monotonic() + 10
        while True:
            for pid in self.procs():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                os.rmdir(self.path)
                return True
            except FileNotFoundError:
                return True
            except OSError as e:
                if e.errno != errno.EBUSY or time.monotonic() > deadline:
                    return False
            time.sleep(0.05)


def own_groups():
    """This process's group in the v2 hierarchy and in v1's memory one."""
    v2 = v1 = None
    for line in read("/proc/self/cgroup").splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        if parts[0] == "0" and parts[1] == "":
            v2 = parts[2]
        elif "memory" in parts[1].split(","):
            v1 = parts[2]
    return v2, v1


def parents():
    """Where a group with the memory controller can be made: (version,
    directory) candidates, our own group first, then the hierarchy's top;
    or the reason there are none."""
    try:
        v2, v1 = own_groups()
        all_mounts = mounts()
    except OSError as e:
        return [], f"cannot read this process's cgroups: {e}"
    candidates = []
    for fstype, mount_point, root, options in all_mounts:
        if fstype == "cgroup2" and v2 is not None:
            for d in (inside(mount_point, root, v2), mount_point):
                candidates.append((2, d))
        elif fstype == "cgroup" and "memory" in options and v1 is not None:
            for d in (inside(mount_point, root, v1), mount_point):
                candidates.append((1, d))
    # v2 first: on a hybrid system its hierarchy has no memory controller
    # and the v1 one does.
    candidates = sorted({(v, os.path.normpath(d)): None for v, d in candidates},
                        key=lambda c: -c[0])
    if not candidates:
        return [], "no cgroup hierarchy with the memory controller is mounted"
    return candidates, None


def remove_stale(directory):
    """Groups left by an earlier run of this test that was killed outright."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        m = re.fullmatch(re.escape(PREFIX) + r"(\d+)-\d+", name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(m.group(1)), 0)
            continue
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        Cgroup(0, os.path.join(directory, name)).remove()


def make_cgroup(serial):
    """A new group with the memory controller and LIMIT, or (None, why not)."""
    candidates, why = parents()
    reasons = [why] if why else []
    for version, directory in candidates:
        if not os.path.isdir(directory):
            continue
        if version == 2:
            try:
                controllers = read(os.path.join(directory, "cgroup.controllers")).split()
                enabled = read(os.path.join(directory, "cgroup.subtree_control")).split()
            except OSError as e:
                reasons.append(f"{directory}: {e.strerror}")
                continue
            if "memory" not in controllers:
                reasons.append(f"{directory}: no memory controller")
                continue
            if "memory" not in enabled:
                try:
                    write(os.path.join(directory, "cgroup.subtree_control"), "+memory")
                except OSError as e:
                    reasons.append(f"{directory}: cannot enable the memory controller for "
                                   f"subgroups ({e.strerror})")
                    continue
        remove_stale(directory)
        group = Cgroup(version, os.path.join(directory, f"{PREFIX}{os.getpid()}-{serial}"))
        try:
            os.mkdir(group.path)
        except OSError as e:
            reasons.append(f"{directory}: cannot make a group ({e.strerror})")
            continue
        try:
            limit = group.set_limit(LIMIT)
            if limit > LIMIT or limit < LIMIT - MiB:
                raise OSError(errno.EINVAL, f"the limit reads back as {limit}")
        except OSError as e:
            reasons.append(f"{group.path}: cannot set the memory limit ({e.strerror})")
            group.remove()
            continue
        return group, None
    return None, "; ".join(reasons) or "no place to make a memory cgroup"


def run_in(group, *args, timeout=120):
    """Runs listlab-cli in @group; returns (returncode, stdout, stderr)."""
    p = subprocess.run([CLI, *args], preexec_fn=group.enter, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def stats(text):
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def mib(n):
    return f"{n / MiB:.1f} MiB"


def leave(signum, frame):
    # The groups are removed on the way out (finally), also on a timeout.
    raise SystemExit(128 + signum)


class Skip(Exception):
    pass


def instrumented(path):
    """Whether @path was built with the address sanitizer, whose shadow
    memory an address-space limit cannot hold."""
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def address_space_limit(tap):
    """A growth fails for real: the process may map no more than 1 GiB."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    for policy in POLICIES:
        p = subprocess.run([CLI, "run", "--policy", policy, "--target", TARGET, "--force",
                            "--reserve", "0"], preexec_fn=cap, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=120)
        first = p.stdout.strip().splitlines()[:1]
        tap.diag(f"{policy} in 1 GiB of address space: exit status {p.returncode}, "
                 f"“{first[0] if first else ''}”")
        tap.ok(p.returncode == 1 and "Out of memory" in p.stdout
               and "The list so far is kept" in p.stdout,
               f"{policy} to {TARGET} in 1 GiB of address space: exit 1, out of memory, "
               "the list kept", p.stdout)


def cgroup_limit(tap, groups):
    if os.geteuid() != 0:
        raise Skip("making a memory cgroup needs root")
    try:
        available = keyed(None, "MemAvailable:", read("/proc/meminfo")) * 1024
    except (OSError, TypeError):
        available = None
    if available is not None and available < 2 * LIMIT:
        raise Skip(f"only {mib(available)} of memory is available: a {mib(LIMIT)} limit "
                   "would not be the one that bites")

    def new_group():
        group, why = make_cgroup(len(groups))
        if group is None:
            if not groups:
                raise Skip(f"cannot make a memory cgroup here: {why}")
            raise RuntimeError(f"cannot make another memory cgroup: {why}")
        groups.append(group)
        return group

    # The process really goes into the group.
    group = new_group()
    try:
        p = subprocess.run(["cat", "/proc/self/cgroup"], preexec_fn=group.enter,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    except subprocess.SubprocessError:
        raise Skip(f"cannot move a process into {group.path}")
    name = os.path.basename(group.path)
    tap.ok(p.returncode == 0 and name in p.stdout,
           f"a process goes into a cgroup v{group.version} group limited to {mib(LIMIT)}",
           p.stdout)
    tap.diag(f"groups made in {os.path.dirname(group.path)}")

    # Without --force the run is refused: the limit leaves far less than it needs.
    rc, out, err = run_in(group, "run", "--target", TARGET, "--reserve", f"{RESERVE // MiB}MiB")
    sizes = [float(v) * (MiB if u == "MiB" else MiB * 1024)
             for v, u in re.findall(r"(\d+(?:\.\d+)?) (MiB|GiB)", err)]
    tap.ok(rc == 1 and any(LIMIT / 2 < s <= LIMIT for s in sizes),
           f"a {TARGET} run is refused: what the group can spare is under its limit",
           f"exit status {rc}\n{out}{err}")

    for policy in POLICIES:
        group = new_group()
        start = time.monotonic()
        rc, out, err = run_in(group, "run", "--policy", policy, "--target", TARGET,
                              "--reserve", f"{RESERVE // MiB}MiB", "--force", "--stats")
        seconds = time.monotonic() - start
        s = stats(out)
        oom_kills = group.oom_kills()
        at_limit = group.times_at_limit()
        peak = group.peak()
        resident = int(s.get("container_bytes", 0)) + int(s.get("objects_bytes", 0))
        tap.diag(f"{policy}: stop={s.get('stop')} after {seconds:.1f} s with a list of "
                 f"{mib(resident)}, {s.get('reallocations')} reallocations, "
                 f"{mib(int(s.get('bytes_copied', 0)))} copied; group peak "
                 f"{mib(peak) if peak is not None else 'unknown'} of {mib(LIMIT)}, "
                 + (f"at its limit {at_limit} times, " if at_limit is not None else "")
                 + f"oom_kill {oom_kills}")
        what = f"{policy} to {TARGET} in {mib(LIMIT)}"
        tap.ok(rc == 0 and s.get("stop") == "reserve",
               f"{what}: exit 0, stopped by the reserve",
               f"exit status {rc}\n{out}{err}")
        tap.ok(oom_kills == 0, f"{what}: the OOM killer never came (oom_kill {oom_kills})")
        if at_limit is not None:
            tap.ok(at_limit == 0, f"{what}: the group never reached its limit ({at_limit} times)")
        # It did grow: stopped by the reserve near the limit, not at once.
        tap.ok(LIMIT // 8 <= resident <= LIMIT,
               f"{what}: the list grew to {mib(resident)} before the stop")
        if peak is not None:
            tap.ok(peak <= LIMIT - RESERVE // 2,
                   f"{what}: the group's peak {mib(peak)} stayed clear of the limit")


def main():
    if not CLI or not os.access(CLI, os.X_OK):
        skip_all("LISTLAB_CLI does not name listlab-cli")
    if sys.platform != "linux":
        skip_all("memory limits are tried the Linux way")

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, leave)

    tap = Tap()

    if instrumented(CLI):
        tap.skip("an address-space limit", "listlab-cli is built with the address sanitizer")
    else:
        address_space_limit(tap)

    groups = []
    try:
        cgroup_limit(tap, groups)
    except Skip as e:
        tap.skip("listlab-cli run in a memory cgroup", str(e))
    finally:
        for group in groups:
            if not group.remove():
                print(f"# could not remove {group.path}", flush=True)
                tap.failed += 1

    tap.exit()


if __name__ == "__main__":
    main()
