#!/usr/bin/env python3
# check-desktop.py — the built desktop entry is valid, launches the
# installed binary and carries the translations
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import configparser
import os
import shutil

from taplib import Tap, run, skip_all


def linguas(po_dir):
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("desktop_file")
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--po-dir", required=True)
    args = parser.parse_args()

    validator = shutil.which("desktop-file-validate")
    if validator is None:
        skip_all("desktop-file-validate is not installed (desktop-file-utils)")

    tap = Tap()
    rc, out = run([validator, args.desktop_file])
    problems = [l for l in out.splitlines() if ": error:" in l or ": warning:" in l]
    tap.ok(rc == 0 and not problems, "desktop-file-validate reports no error or warning", out)

    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(args.desktop_file, encoding="utf-8")
    group = entry["Desktop Entry"]

    tap.ok(os.path.basename(args.desktop_file) == args.app_id + ".desktop",
           "the file is named after the application ID")
    tap.ok(group.get("Type") == "Application", "Type=Application")
    exec_argv = group.get("Exec", "").split()
    tap.ok(exec_argv[:1] == [args.command], f"Exec runs {args.command}", group.get("Exec"))
    tap.ok(exec_argv[1:] == ["%F"], "Exec passes the files to open", group.get("Exec"))
    tap.ok("application/x-listlab-runs" in group.get("MimeType", "").split(";"),
           "MimeType names the files of saved runs", group.get("MimeType"))
    tap.ok(group.get("Icon") == args.app_id, "Icon is the application ID", group.get("Icon"))
    tap.ok(group.get("StartupNotify") == "true", "StartupNotify=true")
    categories = group.get("Categories", "").split(";")
    tap.ok("Education" in categories and "ComputerScience" in categories,
           "Categories include Education and ComputerScience", group.get("Categories"))
    keywords = group.get("Keywords", "")
    tap.ok(keywords.endswith(";") and "memory" in keywords.split(";"),
           "Keywords is a ;-terminated list", keywords)
    for key in ("Name", "GenericName", "Comment"):
        tap.ok(bool(group.get(key)), f"{key} is set")

    for lang in linguas(args.po_dir):
        for key in ("GenericName", "Comment", "Keywords"):
            tap.ok(bool(group.get(f"{key}[{lang}]")), f"{key}[{lang}] is translated")

    tap.exit()


if __name__ == "__main__":
    main()
