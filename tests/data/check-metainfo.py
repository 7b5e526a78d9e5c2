#!/usr/bin/env python3
# check-metainfo.py — the built AppStream metainfo validates cleanly and
# agrees with the desktop entry, the binaries and the project version
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import shutil
import xml.etree.ElementTree as ET

from taplib import Tap, run, skip_all

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Issues AppStream may report that are not defects of this file: releases
# before 1.0 do not know the <developer> element that 1.0 replaced
# <developer_name> with; the file carries both.
ALLOWED_INFOS = {"unknown-tag developer"}

SCREENSHOT_URL = re.compile(
    r"^https://raw\.githubusercontent\.com/listlab/listlab/main/(data/screenshots/[a-z0-9-]+\.png)$")


def linguas(po_dir):
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("metainfo")
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--source-root", required=True)
    args = parser.parse_args()

    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        skip_all("appstreamcli is not installed (appstream)")

    tap = Tap()
    rc, out = run([appstreamcli, "validate", "--no-net", args.metainfo])
    issues = [l for l in out.splitlines() if re.match(r"^[EWI]: ", l)]
    unexpected = [l for l in issues
                  if l.startswith(("E:", "W:"))
                  or " ".join(l.split()[2:4]) not in ALLOWED_INFOS]
    tap.ok(rc == 0 and not unexpected,
           "appstreamcli validate --no-net: no error, warning or unexpected info", out)

    root = ET.parse(args.metainfo).getroot()
    tap.ok(root.tag == "component" and root.get("type") == "desktop-application",
           "a desktop-application component")
    tap.ok(root.findtext("id") == args.app_id, "id is the application ID", root.findtext("id"))
    tap.ok(os.path.basename(args.metainfo) == args.app_id + ".metainfo.xml",
           "the file is named after the application ID")
    tap.ok(root.findtext("metadata_license") == "CC0-1.0", "metadata license CC0-1.0")
    tap.ok(root.findtext("project_license") == "GPL-3.0-or-later",
           "project license GPL-3.0-or-later")

    launchable = root.find("launchable")
    tap.ok(launchable is not None and launchable.get("type") == "desktop-id"
           and launchable.text == args.app_id + ".desktop",
           "launchable is the desktop entry")

    binaries = sorted(b.text for b in root.findall("provides/binary"))
    tap.ok(binaries == ["listlab", "listlab-cli"], "provides both binaries", binaries)

    releases = root.findall("releases/release")
    tap.ok(bool(releases) and releases[0].get("version") == args.version,
           f"the newest release is the project version {args.version}",
           [r.get("version") for r in releases])
    tap.ok(all(r.find("description") is not None and r.get("date") for r in releases),
           "every release has a date and a description")

    rating = root.find("content_rating")
    tap.ok(rating is not None and rating.get("type") == "oars-1.1", "OARS 1.1 content rating")

    colors = {c.get("scheme_preference"): c.text for c in root.findall("branding/color")}
    tap.ok(set(colors) == {"light", "dark"}
           and all(re.fullmatch(r"#[0-9a-fA-F]{6}", v or "") for v in colors.values()),
           "branding colours for the light and the dark scheme", colors)

    urls = {u.get("type"): u.text for u in root.findall("url")}
    tap.ok(urls.get("homepage") == "https://github.com/listlab/listlab"
           and urls.get("bugtracker", "").startswith(urls.get("homepage", "-")),
           "homepage and bug tracker", urls)

    controls = sorted(c.text for c in root.findall("supports/control"))
    tap.ok(controls == ["keyboard", "pointing"], "supports keyboard and pointing", controls)
    tap.ok(root.find("requires/display_length") is not None
           and root.find("recommends/display_length") is not None,
           "requires and recommends a display length")

    shots = root.findall("screenshots/screenshot")
    tap.ok(len(shots) >= 3 and sum(s.get("type") == "default" for s in shots) == 1,
           "three or more screenshots, one of them the default")
    for shot in shots:
        url = shot.findtext("image")
        m = SCREENSHOT_URL.match(url or "")
        tap.ok(m is not None and shot.findtext("caption"),
               f"screenshot {url} lives in data/screenshots/ and has a caption")
        if m is None:
            continue
        path = os.path.join(args.source_root, m.group(1))
        if os.path.exists(path):
            with open(path, "rb") as f:
                tap.ok(f.read(8) == b"\x89PNG\r\n\x1a\n", f"{m.group(1)} is a PNG image")
        else:
            tap.skip(f"{m.group(1)} is a PNG image", "not added to the repository yet")

    description = root.find("description")
    text = " ".join(description.itertext()) if description is not None else ""
    for word in ("CPython", "C++", "Java", "Go", "Rust", ".NET", "memory", "export"):
        tap.ok(word in text, f"the description mentions {word}")

    for lang in linguas(os.path.join(args.source_root, "po")):
        translated = [e for e in root.iter() if e.get(XML_LANG) == lang]
        tap.ok(any(e.tag == "summary" for e in translated)
               and any(e.tag == "p" for e in translated),
               f"summary and description are translated into {lang}")

    tap.exit()


if __name__ == "__main__":
    main()
