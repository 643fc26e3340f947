#!/usr/bin/env bash
# Fails when docs/cli.md or docs/plg.1 differ from what plg-docgen makes of the
# current command definitions, or when man finds anything to warn about in plg.1.
#   tests/docs-current.sh PLG_DOCGEN SOURCE_DIR
set -uo pipefail
docgen=$1
src=$2
status=0
for pair in "markdown docs/cli.md" "man docs/plg.1"; do
  set -- $pair
  if ! "$docgen" "$1" | diff -u "$src/$2" - ; then
    echo "$2 is out of date: run 'bash scripts/gen-docs' and commit the result" >&2
    status=1
  fi
done
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$src/docs/plg.1" 2>&1 >/dev/null)
if [ -n "$warnings" ]; then
  echo "man warns about docs/plg.1:" >&2
  echo "$warnings" >&2
  status=1
fi
if ! LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$src/docs/plg.1" 2>/dev/null | grep -q "plg meeting add"; then
  echo "man -l docs/plg.1 does not show the commands" >&2
  status=1
fi
exit $status
