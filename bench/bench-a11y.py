#!/usr/bin/env python3
# bench-a11y.py — what a screen reader gets from listlab during a run started with --start
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts `listlab --target SIZE --start` (a `shared` list, cpython policy) on an
AT-SPI bus of its own, as a screen reader sees it: how long until the app is on
the accessibility desktop and answers, how many names and descriptions change
during the run (figures, charts), and what the window's name says when the run
ends, which is what a screen reader announces.

Without a display it runs itself under xvfb-run and dbus-run-session. It needs
the AT-SPI bus (at-spi2-core) and python3-gi with the Atspi typelib
(gir1.2-atspi-2.0); without them it says so and stops. GTK's own renderer is
used unless GSK_RENDERER says otherwise: a software GL renderer makes frames
slow, which is when a run can keep other work waiting.
"""

import argparse
import collections
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher",
             "/usr/lib/at-spi-bus-launcher")


def find_app(desktop):
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_name() == "listlab":
                return app
        except Exception:
            pass
    return None


def walk(accessible):
    """Reads every name once, as a screen reader fills its cache: GTK tells
    only about what was asked for."""
    try:
        accessible.get_name()
        count = accessible.get_child_count()
    except Exception:
        return
    for i in range(count):
        child = accessible.get_child_at_index(i)
        if child is not None:
            walk(child)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "_build"))
    parser.add_argument("--target", default="6GiB")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    launcher = next((path for path in LAUNCHERS if os.path.exists(path)), None)
    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi, GLib
    except (ImportError, ValueError):
        sys.exit("bench-a11y.py needs python3-gi and gir1.2-atspi-2.0")
    if launcher is None:
        sys.exit("bench-a11y.py needs the AT-SPI bus launcher (at-spi2-core)")

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        if shutil.which("xvfb-run") is None or shutil.which("dbus-run-session") is None:
            sys.exit("without a display, bench-a11y.py needs xvfb-run and dbus-run-session")
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                               "dbus-run-session", "--", sys.executable] + sys.argv)

    bus = subprocess.Popen([launcher, "--launch-immediately"])
    time.sleep(1.0)

    env = dict(os.environ,
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=os.path.join(args.build, "data"),
               ADW_DISABLE_PORTAL="1", GTK_USE_PORTAL="0",
               GIO_USE_VFS="local", GIO_USE_VOLUME_MONITOR="unix")
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)

    changes = collections.Counter()
    titles = []
    start = time.monotonic()

    def on_event(event):
        try:
            role = event.source.get_role_name()
        except Exception:
            return
        kind = event.type.rsplit(":", 1)[-1]
        if role == "frame" and kind == "accessible-name":
            titles.append((time.monotonic() - start, event.any_data))
            if "Growing" not in (event.any_data or ""):
                Atspi.event_quit()
        else:
            changes[kind] += 1

    listener = Atspi.EventListener.new(on_event)
    listener.register("object:property-change:accessible-name")
    listener.register("object:property-change:accessible-description")

    app = subprocess.Popen([os.path.join(args.build, "src", "ui", "listlab"),
                            "--policy", "cpython", "--element", "shared",
                            "--target", args.target, "--start"], env=env)
    desktop = Atspi.get_desktop(0)
    seen = None
    while time.monotonic() - start < args.timeout and app.poll() is None:
        found = find_app(desktop)
        if found is not None and found.get_child_count() > 0:
            asked = time.monotonic()
            window = found.get_child_at_index(0)
            name = window.get_name()
            seen = (asked - start, time.monotonic() - asked, name)
            walk(found)
            break
        time.sleep(0.02)

    if seen is None:
        print(f"listlab --target {args.target} --start: never on the accessibility desktop")
    else:
        print(f"listlab --target {args.target} --start: on the accessibility desktop after "
              f"{seen[0]:.2f} s, its window ('{seen[2]}') answered in {seen[1] * 1000:.0f} ms")
        GLib.timeout_add(int(args.timeout * 1000), lambda: Atspi.event_quit() or False)
        Atspi.event_main()
        for when, title in titles:
            print(f"  {when:6.2f} s: the window's name is now '{title}'")
        print(f"  {changes['accessible-name']} names and {changes['accessible-description']} "
              f"descriptions changed meanwhile")

    app.terminate()
    app.wait()
    bus.terminate()
    bus.wait()


if __name__ == "__main__":
    main()
