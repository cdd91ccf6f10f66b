#!/usr/bin/env python3
"""Regenerates resource files from their side-by-side translation tables.

Each `*.strings.tsv` (key <TAB> Russian <TAB> English) becomes `<Name>.resx` (Russian, the
neutral language) and `<Name>.en.resx`. Keeping both languages on one line makes a missing
translation visible in review; the generated .resx files are committed so builds need no Python.
Usage: eng/gen-resx.py  (from the repository root)
"""
import pathlib
import sys
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def write(path, rows, column):
    parts = [HEADER]
    for key, ru, en in rows:
        value = ru if column == 1 else en
        parts.append(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
    parts.append("</root>\n")
    path.write_text("".join(parts), encoding="utf-8")


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    failed = False
    for tsv in sorted(root.glob("src/**/*.strings.tsv")):
        rows, seen = [], set()
        for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 3 or not all(c.strip() for c in cells):
                print(f"{tsv}:{n}: need key, Russian and English separated by tabs", file=sys.stderr)
                failed = True
                continue
            if cells[0] in seen:
                print(f"{tsv}:{n}: duplicate key {cells[0]}", file=sys.stderr)
                failed = True
            seen.add(cells[0])
            rows.append(tuple(c.strip() for c in cells))
        name = tsv.name[: -len(".strings.tsv")]
        write(tsv.with_name(name + ".resx"), rows, 1)
        write(tsv.with_name(name + ".en.resx"), rows, 2)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
