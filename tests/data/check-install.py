#!/usr/bin/env python3
# check-install.py — `meson install` into a temporary DESTDIR puts the
# binaries, desktop entry, metainfo, schema, icons and translations in place
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import gettext
import json
import os
import shutil
import stat
import tempfile
import xml.etree.ElementTree as ET

from taplib import Tap, run, skip_all

# A string from each kind of source, to prove the catalogue holds them.
PROBES = [
    "Watch dynamic arrays grow in memory",  # desktop entry and metainfo
    "Growth policy",                               # schema
]


def linguas(po_dir):
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-root", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--bindir", required=True)
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--mandir", required=True)
    parser.add_argument("--gui", choices=("true", "false"), required=True)
    args = parser.parse_args()

    meson = shutil.which("meson")
    if meson is None:
        skip_all("meson is not in PATH")

    def under(base, *parts):
        base = base if os.path.isabs(base) else os.path.join(args.prefix, base)
        return os.path.join(base, *parts)

    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="listlab-install-") as destdir:
        def staged(path):
            return os.path.join(destdir, path.lstrip("/"))

        env = dict(os.environ)
        env.pop("DESTDIR", None)
        rc, out = run([meson, "install", "-C", args.build_root, "--no-rebuild",
                       "--destdir", destdir], env=env)
        if not tap.ok(rc == 0, "meson install --destdir succeeds", out):
            tap.exit()

        with open(os.path.join(args.build_root, "meson-info", "intro-installed.json"),
                  encoding="utf-8") as f:
            promised = sorted(json.load(f).values())
        absent = [p for p in promised if not os.path.exists(staged(p))]
        tap.ok(not absent, f"all {len(promised)} files meson lists are installed", absent)
        escaped = [p for p in promised if not p.startswith(args.prefix.rstrip("/") + "/")]
        tap.ok(not escaped, "nothing is installed outside the prefix", escaped)

        binaries = ["listlab-cli"] + (["listlab"] if args.gui == "true" else [])
        for name in binaries:
            path = staged(under(args.bindir, name))
            mode = os.stat(path).st_mode if os.path.exists(path) else 0
            tap.ok(stat.S_ISREG(mode) and mode & stat.S_IXUSR, f"bin/{name} is an executable")
        cli = staged(under(args.bindir, "listlab-cli"))
        if os.path.exists(cli):
            rc, out = run([cli, "--help"])
            tap.ok(rc == 0 and "listlab-cli" in out, "the installed listlab-cli runs", out)

        share = lambda *p: staged(under(args.datadir, *p))

        # Manual pages, rendered without a warning, and bash completion that
        # completes the installed listlab-cli's commands and policies.
        groff = shutil.which("groff")
        for name in ["listlab-cli"] + (["listlab"] if args.gui == "true" else []):
            page = staged(under(args.mandir, "man1", name + ".1"))
            if not tap.ok(os.path.isfile(page), f"the manual page of {name} is installed"):
                continue
            if groff is None:
                tap.skip(f"the manual page of {name} renders cleanly", "groff is missing")
                continue
            rc, out = run([groff, "-man", "-Tutf8", "-ww", "-z", page])
            tap.ok(rc == 0 and out.strip() == "", f"the manual page of {name} renders cleanly", out)
        completion = share("bash-completion", "completions", "listlab-cli")
        if tap.ok(os.path.isfile(completion), "bash completion for listlab-cli is installed"):
            script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); '
                      '_listlab_cli; echo "${COMPREPLY[*]}"')
            cases = [((cli, ""), "policies simulate run compare verify --help --version"),
                     ((cli, "simulate", "--policy", "cp"), "cpython cpython-3.8 cpython-array"),
                     ((cli, "compare", "--policy", "go,do"), "go,double go,dotnet"),
                     ((cli, "run", "--res"), "--reserve")]
            for words, wanted in cases:
                rc, out = run(["bash", "-c", script, "bash", completion, *words])
                tap.ok(rc == 0 and out.strip() == wanted,
                       f"completing “{' '.join(words[1:])}” gives “{wanted}”", out)
        app = args.app_id
        gui_files = {
            "desktop entry": share("applications", app + ".desktop"),
            "metainfo": share("metainfo", app + ".metainfo.xml"),
            "GSettings schema": share("glib-2.0", "schemas", app + ".gschema.xml"),
            "app icon": share("icons", "hicolor", "scalable", "apps", app + ".svg"),
            "symbolic icon": share("icons", "hicolor", "symbolic", "apps", app + "-symbolic.svg"),
            "MIME type of saved runs": share("mime", "packages", app + ".xml"),
        }
        if args.gui == "true":
            for what, path in gui_files.items():
                tap.ok(os.path.isfile(path), f"the {what} is installed",
                       os.path.relpath(path, destdir))
        else:
            for what, path in gui_files.items():
                tap.ok(not os.path.exists(path), f"no {what} without the desktop application")

        schemas = share("glib-2.0", "schemas")
        compiler, gsettings = shutil.which("glib-compile-schemas"), shutil.which("gsettings")
        if args.gui != "true":
            pass
        elif compiler is None or gsettings is None:
            tap.skip("the installed schema compiles and serves its defaults",
                     "glib-compile-schemas or gsettings is missing")
        else:
            # The post-install step is skipped under DESTDIR; do what it would.
            with tempfile.TemporaryDirectory() as compiled:
                rc, out = run([compiler, "--strict", "--targetdir", compiled, schemas])
                tap.ok(rc == 0, "the installed schema compiles strictly", out)
                env = dict(os.environ, GSETTINGS_BACKEND="memory",
                           GSETTINGS_SCHEMA_DIR=compiled)
                rc, out = run([gsettings, "get", app, "policy"], env=env)
                tap.ok(rc == 0 and out.strip() == "'cpython'",
                       "the compiled schema serves its defaults", out)

        if args.gui == "true":
            for what in ("app icon", "symbolic icon"):
                try:
                    root = ET.parse(gui_files[what]).getroot()
                    size = (root.get("width"), root.get("height"))
                except (OSError, ET.ParseError) as e:
                    root, size = None, str(e)
                tap.ok(root is not None and root.tag == "{http://www.w3.org/2000/svg}svg"
                       and size == (("16", "16") if what == "symbolic icon" else ("128", "128")),
                       f"the {what} is an SVG of the right size", size)

            # The MIME type knows a saved file by its name and by its first bytes.
            mime = "{http://www.freedesktop.org/standards/shared-mime-info}"
            try:
                kind = ET.parse(gui_files["MIME type of saved runs"]).getroot().find(mime + "mime-type")
            except (OSError, ET.ParseError):
                kind = None
            sample = os.path.join(args.source_root, "tests", "fuzz", "corpus", "run-file", "cpython-small")
            with open(sample, "rb") as f:
                head = f.read(64)
            globs = [g.get("pattern") for g in kind.iter(mime + "glob")] if kind is not None else []
            magic = [m.get("value") for m in kind.iter(mime + "match")] if kind is not None else []
            tap.ok(kind is not None and kind.get("type") == "application/x-listlab-runs"
                   and globs == ["*.listlab"] and magic
                   and all(head.startswith(v.encode()) for v in magic),
                   "the MIME type of saved runs matches *.listlab and a saved file's first bytes",
                   f"{globs} {magic}")

            validator = shutil.which("desktop-file-validate")
            if validator:
                rc, out = run([validator, gui_files["desktop entry"]])
                tap.ok(rc == 0 and ": error:" not in out and ": warning:" not in out,
                       "the installed desktop entry validates", out)

        for lang in linguas(os.path.join(args.source_root, "po")):
            mo = staged(under(args.localedir, lang, "LC_MESSAGES", "listlab.mo"))
            if not tap.ok(os.path.isfile(mo), f"the {lang} catalogue is installed",
                          os.path.relpath(mo, destdir)):
                continue
            with open(mo, "rb") as f:
                catalogue = gettext.GNUTranslations(f)
            for probe in PROBES:
                text = catalogue.gettext(probe)
                tap.ok(text != probe, f"{lang} translates “{probe}”", text)

    tap.exit()


if __name__ == "__main__":
    main()
