#!/usr/bin/env python3
"""Writes python-printable.json: the code point ranges for which CPython's str.isprintable() is true, which decides
what repr() escapes. Run with the Python whose repr() the 403 texts must match (LiteLLM's: CPython 3.11):

    python3 src/ModelRbac.Core/Data/make_python_printable.py > src/ModelRbac.Core/Data/python-printable.json
"""
import json
import sys
import unicodedata

ranges = []
start = None
for cp in range(0x110000):
    printable = not (0xD800 <= cp <= 0xDFFF) and chr(cp).isprintable()
    if printable and start is None:
        start = cp
    elif not printable and start is not None:
        ranges.append([start, cp - 1])
        start = None
if start is not None:
    ranges.append([start, 0x10FFFF])

json.dump({
    "source": {"python": sys.version.split()[0], "unicode": unicodedata.unidata_version,
               "generator": "src/ModelRbac.Core/Data/make_python_printable.py"},
    "ranges": ranges,
}, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
