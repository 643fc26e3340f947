#!/usr/bin/env python3
"""The parser alone, in Python: every record file under FOLDER loaded with
PyYAML's CSafeLoader (libyaml), and nothing computed. bench/run times it
beside plg's cold network report.
   bench/pyyaml_load.py FOLDER   -> "FILES" on stdout"""

import os
import sys

import yaml

if not hasattr(yaml, "CSafeLoader"):  # the pure-Python loader is ~10x slower: no fair side
    sys.exit(f"{sys.argv[0]}: this Python's PyYAML has no CSafeLoader (libyaml); "
             "install python3-yaml (scripts/install-deps test)")
Loader = yaml.CSafeLoader


def main():
    files = 0
    for root, dirs, names in os.walk(sys.argv[1]):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(".yaml") and not name.startswith("."):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    yaml.load(f, Loader=Loader)
                files += 1
    print(files)


if __name__ == "__main__":
    main()
