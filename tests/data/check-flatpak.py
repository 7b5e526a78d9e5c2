#!/usr/bin/env python3
# check-flatpak.py — the Flatpak manifest, checked without the runtime:
# valid, named and launched like what meson installs, minimal permissions
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import shutil
import tempfile

from taplib import Tap, run

REQUIRED_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11"}
ALLOWED_ARGS = REQUIRED_ARGS | {"--device=dri"}
# Exports go through the file chooser portal; /proc/meminfo is readable in
# any sandbox. None of these is ever needed.
FORBIDDEN_PREFIXES = (
    "--filesystem", "--device=all", "--talk-name=org.freedesktop.Flatpak",
    "--socket=session-bus", "--socket=system-bus", "--socket=x11", "--share=network",
    "--system-talk-name", "--own-name", "--allow=devel",
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--installed-json", required=True,
                        help="meson-info/intro-installed.json of the build")
    parser.add_argument("--bindir", required=True, help="absolute install bindir")
    parser.add_argument("--gui", choices=("true", "false"), required=True)
    args = parser.parse_args()

    tap = Tap()
    try:
        with open(args.manifest, encoding="utf-8") as f:
            manifest = json.load(f)
        parsed = isinstance(manifest, dict)
    except (OSError, ValueError) as e:
        parsed, manifest = False, {}
        tap.diag(e)
    tap.ok(parsed, "the manifest is a JSON object")

    app_id = manifest.get("id", manifest.get("app-id"))
    tap.ok(app_id == args.app_id, "the id is the application ID", app_id)
    tap.ok(os.path.basename(args.manifest) == args.app_id + ".json",
           "the manifest is named after the application ID")
    tap.ok(manifest.get("runtime") == "org.gnome.Platform"
           and manifest.get("sdk") == "org.gnome.Sdk", "GNOME runtime and SDK")
    version = str(manifest.get("runtime-version", ""))
    tap.ok(version.isdigit() and int(version) >= 47,
           "a GNOME runtime version of 47 or later", version)

    tap.ok(manifest.get("command") == args.command,
           f"the command is {args.command}", manifest.get("command"))
    with open(args.installed_json, encoding="utf-8") as f:
        installed = set(json.load(f).values())
    if args.gui == "true":
        tap.ok(os.path.join(args.bindir, args.command) in installed,
               f"meson installs {args.command} into bindir")
    else:
        tap.skip(f"meson installs {args.command} into bindir", "configured with -Dgui=false")

    finish = manifest.get("finish-args", [])
    tap.ok(REQUIRED_ARGS <= set(finish), "IPC, Wayland and fallback X11 are shared", finish)
    broad = [a for a in finish if a.startswith(FORBIDDEN_PREFIXES)]
    tap.ok(not broad, "no file system, bus, network or broad device access", broad)
    tap.ok(set(finish) <= ALLOWED_ARGS, "nothing beyond the minimal permissions",
           sorted(set(finish) - ALLOWED_ARGS))

    modules = manifest.get("modules", [])
    last = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    tap.ok(last.get("buildsystem") == "meson", "the last module is built with meson")
    dirs = [s for s in last.get("sources", []) if isinstance(s, dict) and s.get("type") == "dir"]
    manifest_dir = os.path.dirname(os.path.abspath(args.manifest))
    tap.ok(any(os.path.realpath(os.path.join(manifest_dir, s.get("path", "")))
               == os.path.realpath(args.source_root) for s in dirs),
           "it builds this source tree")
    opts = last.get("config-opts", [])
    tap.ok("-Dgui=false" not in opts, "the desktop application is built", opts)
    cleanup = manifest.get("cleanup", [])
    tap.ok("/include" in cleanup and "*.a" in cleanup,
           "headers and static libraries are cleaned up", cleanup)

    builder = shutil.which("flatpak-builder")
    if builder is None:
        tap.skip("flatpak-builder --show-manifest accepts it", "flatpak-builder is not installed")
    else:
        # It leaves a .flatpak-builder directory in the working directory.
        with tempfile.TemporaryDirectory() as tmp:
            rc, out = run([builder, "--show-manifest", os.path.abspath(args.manifest)], cwd=tmp)
        complaints = [l for l in out.splitlines() if "WARNING" in l or "Unknown" in l]
        tap.ok(rc == 0 and not complaints,
               "flatpak-builder --show-manifest accepts it without warnings",
               "\n".join(complaints) or out)

    tap.exit()


if __name__ == "__main__":
    main()
