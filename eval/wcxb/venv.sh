#!/usr/bin/env bash
# Creates (if missing) the Python venv used by the WCXB scripts, .tools/wcxb-venv at the
# repo root, with html2text, trafilatura and python-dateutil. Idempotent: does nothing
# when the venv already has them. Prints the venv's python path on its last line.
#   bash eval/wcxb/venv.sh
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VENV=${WCXB_VENV:-$REPO/.tools/wcxb-venv}
PY=$VENV/bin/python
if [ ! -x "$PY" ]; then
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv "$VENV" >&2
fi
if ! "$PY" -c 'import html2text, trafilatura, dateutil, justext' 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check \
    'html2text==2025.4.15' 'trafilatura==2.3.1' 'python-dateutil>=2.8' lxml_html_clean >&2
fi
echo "$PY"
