#!/usr/bin/env bash
# The library's layers point one way: base → yaml → records → store → report →
# network → export → import. A file may include plg headers of its own layer and the layers below
# it, never above; yaml-cpp is included by plg/yaml/ alone, and CLI11 by no
# library file. Prints each include that breaks this and exits 1 if any does.
#   bash tests/layers.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}/lib/plg"
layers=(base yaml records store report network export import)
rank() {
  local i
  for i in "${!layers[@]}"; do
    [ "${layers[$i]}" = "$1" ] && { echo "$i"; return; }
  done
  echo 99
}
bad=0
for dir in */; do
  dir=${dir%/}
  own=$(rank "$dir")
  if [ "$own" = 99 ]; then
    echo "lib/plg/$dir: not a known layer; add it to the list in tests/layers.sh and lib/CMakeLists.txt"
    bad=1
    continue
  fi
  while IFS=: read -r file line text; do
    used=$(sed -E 's|.*"plg/([a-z_]+)/.*|\1|' <<<"$text")
    if [ "$(rank "$used")" -gt "$own" ]; then
      echo "lib/plg/$file:$line: $dir includes the higher layer $used: $text"
      bad=1
    fi
  done < <(grep -n '#include "plg/' -r "$dir" || true)
  if [ "$dir" != yaml ] && grep -rn '#include <yaml-cpp' "$dir"; then
    echo "lib/plg/$dir: only plg/yaml/ may include yaml-cpp"
    bad=1
  fi
  if grep -rn '#include <CLI/' "$dir"; then
    echo "lib/plg/$dir: the library does not include CLI11"
    bad=1
  fi
done
if [ "$bad" = 0 ]; then
  echo "the layers point one way: ${layers[*]}"
fi
exit "$bad"
