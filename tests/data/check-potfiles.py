#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists every file with translatable
# strings, every file it lists exists, and every translation compiles
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import shutil

from taplib import Tap, run

# Calls that mark a string for translation (glib's gi18n.h and gettext).
C_MARKERS = re.compile(
    r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext2|ngettext|gettext)\s*\(")
UI_MARKER = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""", re.IGNORECASE)

SOURCE_DIRS = ("src",)
DATA_PATTERNS = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")


def strip_c_comments(text):
    """Drops C comments but keeps string and character literals."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


# xgettext cannot see through macros such as G_GUINT64_FORMAT: a msgid glued
# to one is cut short in the template and never found at run time. Only the
# <inttypes.h> PRI* macros are understood.
GLUE_MARKERS = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|Q_)\s*\(\s*")
INTTYPES_MACRO = re.compile(r"PRI[diouxX](?:8|16|32|64|MAX|PTR|LEAST\d+|FAST\d+)")


def glued_macros(path):
    """Returns "line: macro" for each translatable literal glued to a macro."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = strip_c_comments(f.read())
    found = []
    for m in GLUE_MARKERS.finditer(text):
        # Walks the argument when it is a literal (not _(info->title)):
        # string literals and identifiers, up to a comma or a parenthesis.
        i, n = m.end(), len(text)
        if text[i] != '"':
            continue
        while i < n and text[i] not in ",)":
            if text[i] == '"':
                i += 1
                while i < n and text[i] != '"':
                    i += 2 if text[i] == "\\" else 1
                i += 1
            elif text[i].isalpha() or text[i] == "_":
                j = i
                while j < n and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                word = text[i:j]
                if not INTTYPES_MACRO.fullmatch(word):
                    found.append(f"{text.count(chr(10), 0, i) + 1}: {word}")
                i = j
            else:
                i += 1
    return found


def has_translatable(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith((".c", ".h")):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if path.endswith(".ui"):
        return UI_MARKER.search(text) is not None
    return True  # desktop entries, metainfo and schemas always are


def candidates(root):
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_build")))
            for name in sorted(filenames):
                if name.endswith((".c", ".h", ".ui")):
                    yield os.path.relpath(os.path.join(dirpath, name), root)
    data = os.path.join(root, "data")
    for name in sorted(os.listdir(data)):
        if name.endswith(DATA_PATTERNS):
            yield os.path.join("data", name)


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source_root")
    args = parser.parse_args()
    root = args.source_root
    po = os.path.join(root, "po")

    tap = Tap()
    listed = read_list(os.path.join(po, "POTFILES.in"))
    tap.ok(len(listed) == len(set(listed)), "POTFILES.in lists each file once")
    missing_files = [p for p in listed if not os.path.isfile(os.path.join(root, p))]
    tap.ok(not missing_files, "every file POTFILES.in lists exists", missing_files)

    needed = [p for p in candidates(root) if has_translatable(os.path.join(root, p))]
    tap.ok(bool(needed), "the sources have translatable strings")
    for path in needed:
        tap.ok(path in listed, f"{path} is in po/POTFILES.in")
    for path in needed:
        if path.endswith((".c", ".h")):
            glued = glued_macros(os.path.join(root, path))
            tap.ok(not glued, f"{path}: no translatable string is glued to a macro"
                   " (use PRIu64 from <inttypes.h>, or format the number first)",
                   "\n".join(glued))

    skip_file = os.path.join(po, "POTFILES.skip")
    skipped = read_list(skip_file) if os.path.exists(skip_file) else []
    tap.ok(not (set(skipped) & set(listed)), "no file is both listed and skipped")

    langs = [w for line in read_list(os.path.join(po, "LINGUAS")) for w in line.split()]
    tap.ok("fr" in langs, "LINGUAS has the French translation", langs)
    msgfmt = shutil.which("msgfmt")
    for lang in langs:
        po_file = os.path.join(po, lang + ".po")
        if not tap.ok(os.path.isfile(po_file), f"po/{lang}.po exists"):
            continue
        if msgfmt is None:
            tap.skip(f"po/{lang}.po compiles with msgfmt --check", "msgfmt is not installed")
            continue
        rc, out = run([msgfmt, "--check", "--statistics", "-o", os.devnull, po_file])
        tap.ok(rc == 0, f"po/{lang}.po compiles with msgfmt --check", out)
        tap.diag(f"{lang}: {out.strip()}")

    tap.exit()


if __name__ == "__main__":
    main()
