#!/usr/bin/env python3
# check-schemas.py — the GSettings schema compiles strictly, documents every
# key, and the build's compiled copy serves the defaults the app relies on
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import xml.etree.ElementTree as ET

from taplib import Tap, run, skip_all

# Key, GVariant type, default as `gsettings get` prints it.
EXPECTED = [
    ("policy", "s", "'cpython'"),
    ("fixed-increment", "t", "uint64 4"),
    ("custom-factor", "d", "1.5"),
    ("custom-constant", "t", "uint64 0"),
    ("custom-round", "t", "uint64 1"),
    ("mechanism", "s", "'default'"),
    ("element", "s", "'shared'"),
    ("initial-length", "t", "uint64 0"),
    ("target", "s", "'10GB'"),
    ("target-kind", "s", "'container'"),
    ("reserve", "s", "'auto'"),
    ("sample-rate", "u", "uint32 20"),
    ("units", "s", "'iec'"),
    ("huge-pages", "b", "false"),
    ("history-detail", "u", "uint32 65536"),
    ("chart-log-length", "b", "false"),
    ("chart-log-y", "b", "false"),
    ("visible-chart", "s", "'all'"),
    ("show-reallocations", "b", "false"),
    ("show-all-figures", "b", "false"),
    ("color-scheme", "s", "'default'"),
    ("window-width", "i", "1200"),
    ("window-height", "i", "800"),
    ("window-maximized", "b", "false"),
    ("sidebar-visible", "b", "true"),
    ("last-export-folder", "s", "''"),
    ("export-light-theme", "b", "false"),
    ("export-size", "s", "'1200x600'"),
    ("export-size-all", "s", "'1200x1200'"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("schema_dir", help="the source directory holding the .gschema.xml")
    parser.add_argument("--compiled-dir", required=True)
    parser.add_argument("--app-id", required=True)
    args = parser.parse_args()

    compiler = shutil.which("glib-compile-schemas")
    if compiler is None:
        skip_all("glib-compile-schemas is not installed (libglib2.0-bin)")

    tap = Tap()
    rc, out = run([compiler, "--strict", "--dry-run", args.schema_dir])
    tap.ok(rc == 0 and not out.strip(), "glib-compile-schemas --strict --dry-run is silent", out)

    path = os.path.join(args.schema_dir, args.app_id + ".gschema.xml")
    root = ET.parse(path).getroot()
    tap.ok(root.get("gettext-domain") == "listlab",
           "summaries and descriptions are translated in the listlab domain")
    schemas = root.findall("schema")
    tap.ok(len(schemas) == 1 and schemas[0].get("id") == args.app_id
           and schemas[0].get("path") == "/io/github/listlab/ListLab/",
           "one schema, named and placed after the application ID")

    keys = {k.get("name"): k for k in schemas[0].findall("key")} if schemas else {}
    undocumented = [name for name, k in keys.items()
                    if not (k.findtext("summary") or "").strip()
                    or not (k.findtext("description") or "").strip()]
    tap.ok(not undocumented, "every key has a summary and a description", undocumented)

    for name, vtype, _ in EXPECTED:
        key = keys.get(name)
        tap.ok(key is not None and key.get("type") == vtype, f"key {name} of type {vtype}")

    choices = {name: [c.get("value") for c in k.findall("choices/choice")]
               for name, k in keys.items()}
    tap.ok(choices.get("units") == ["iec", "si"], "units is iec or si", choices.get("units"))
    tap.ok(choices.get("color-scheme") == ["default", "light", "dark"],
           "color-scheme is default, light or dark", choices.get("color-scheme"))

    compiled = os.path.join(args.compiled_dir, "gschemas.compiled")
    tap.ok(os.path.isfile(compiled), "the build directory holds gschemas.compiled")

    gsettings = shutil.which("gsettings")
    if gsettings is None:
        tap.skip("defaults read back from the compiled schema", "gsettings is not installed")
        tap.exit()

    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=args.compiled_dir)
    for name, _, default in EXPECTED:
        rc, out = run([gsettings, "get", args.app_id, name], env=env)
        tap.ok(rc == 0 and out.strip() == default,
               f"{name} defaults to {default}", out)

    rc, out = run([gsettings, "range", args.app_id, "sample-rate"], env=env)
    tap.ok(rc == 0 and out.split() == ["range", "u", "1", "200"],
           "sample-rate accepts 1 to 200", out)
    # The custom policy's bounds are the engine's (ll-policy.c): what a run
    # takes is what the settings keep.
    rc, out = run([gsettings, "range", args.app_id, "custom-factor"], env=env)
    tap.ok(rc == 0 and out.split() == ["range", "d", "1.0", "16.0"],
           "custom-factor accepts 1 to 16", out)
    rc, out = run([gsettings, "range", args.app_id, "custom-round"], env=env)
    tap.ok(rc == 0 and out.split() == ["range", "t", "1", "1073741824"],
           "custom-round accepts 1 to 2^30", out)
    rc, out = run([gsettings, "set", args.app_id, "units", "'bogus'"], env=env)
    tap.ok(rc != 0, "units refuses a value outside its choices", out)

    tap.exit()


if __name__ == "__main__":
    main()
