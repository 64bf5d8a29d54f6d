#!/usr/bin/env bash
# Fails the build if HTML is ever set from anything but constant text.
# Leptos escapes every value shown as text; `inner_html` (and the DOM's
# `set_inner_html` / `innerHTML`) would parse a customer name or an
# imported file as markup. A string literal on the same line is the only
# use allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='inner_html|innerHTML|insertAdjacentHTML|outerHTML'
allowed='(inner_html *= *"[^"{}]*"|set_inner_html\("[^"{}]*"\))'
bad=$(grep -rnE "$pattern" src public index.html 2>/dev/null | grep -vE "$allowed" || true)
if [ -n "$bad" ]; then
  echo "HTML set from something other than constant text:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "inner_html check: no HTML is set from data"
