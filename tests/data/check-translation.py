#!/usr/bin/env python3
# check-translation.py — listlab-cli speaks French under LANGUAGE=fr, using
# the catalogue this build compiled
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import tempfile

from taplib import Tap, run, skip_all

NBSP = "\u00a0"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--locale-dir", required=True, help="the build's po/ directory")
    parser.add_argument("--source-root", required=True)
    args = parser.parse_args()

    mo = os.path.join(args.locale_dir, "fr", "LC_MESSAGES", "listlab.mo")
    if not os.path.isfile(mo):
        skip_all(f"{mo} was not built")

    # The binaries look for catalogues in the installed LOCALEDIR unless
    # LISTLAB_LOCALEDIR names another one, as this build's po/ directory.
    with open(os.path.join(args.source_root, "src", "cli", "listlab-cli.c"),
              encoding="utf-8") as f:
        if "LISTLAB_LOCALEDIR" not in f.read():
            skip_all("listlab-cli does not read LISTLAB_LOCALEDIR yet")

    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="fr", LISTLAB_LOCALEDIR=args.locale_dir)
    tap = Tap()

    rc, out = run([args.cli, "policies"], env=env)
    tap.ok(rc == 0, "listlab-cli policies runs", out)
    tap.ok(f"Source{NBSP}:" in out, "the listing is in French", out)
    tap.ok("Double la capacité" in out and "Ajoute le même nombre d’éléments" in out,
           "policy descriptions are in French", out)
    tap.ok("cpython" in out and "dotnet" in out, "policy names stay as typed on the command line")

    rc, out = run([args.cli, "frobnicate"], env=env)
    tap.ok(rc == 2 and f"«{NBSP}frobnicate{NBSP}» n’est pas une commande" in out,
           "errors are in French", out)

    env_en = dict(env, LANGUAGE="")
    rc, out = run([args.cli, "policies"], env=env_en)
    tap.ok("Source:" in out and "Double la capacité" not in out,
           "without LANGUAGE=fr it stays in English", out)

    check_french_numbers(tap, args, env)

    tap.exit()


def check_french_numbers(tap, args, env):
    """In a French locale people read 67,13 Mio; scripts still read CSV."""
    localedef = shutil.which("localedef")
    if localedef is None or not os.path.exists("/usr/share/i18n/locales/fr_FR"):
        for what in ("the summary uses the French decimal comma and units",
                     "the events CSV is the same in every locale"):
            tap.skip(what, "needs localedef and the fr_FR locale source")
        return

    with tempfile.TemporaryDirectory(prefix="listlab-locale-") as locpath:
        # The machine may have no French locale: compile one for the test.
        rc, out = run([localedef, "-i", "fr_FR", "-f", "UTF-8",
                       os.path.join(locpath, "fr_FR.UTF-8")])
        env_fr = dict(env, LOCPATH=locpath, LC_ALL="fr_FR.UTF-8")
        simulate = [args.cli, "simulate", "-t", "64MiB"]

        rc, out = run(simulate, env=env_fr)
        tap.ok(rc == 0 and "67,13 Mio" in out,
               "the summary uses the French decimal comma and units", out)

        rc_c, csv_c = run(simulate + ["-q", "--events", "-"], env=dict(env, LANGUAGE=""))
        rc_fr, csv_fr = run(simulate + ["-q", "--events", "-"], env=env_fr)
        tap.ok(rc_c == 0 and rc_fr == 0 and csv_c == csv_fr and
               csv_c.startswith("length,old_capacity,") and "," in csv_c.splitlines()[1],
               "the events CSV is the same in every locale", csv_fr[:400])


if __name__ == "__main__":
    main()
