#!/usr/bin/env bash
# Dumps WCXB dev pages in the three forms the extractors are tested on:
#   OUTDIR/html/<id>.html  the page, gunzipped
#   OUTDIR/w3m/<id>.txt    w3m -dump -cols 2000 -T text/html -O UTF-8 (what a naive scraper saves)
#   OUTDIR/h2t/<id>.txt    html2text (Python, body width 0, links and images ignored)
# Usage: bash eval/wcxb/dump.sh OUTDIR [id ...]      (no ids: all 1,497 pages)
# Reads /work/shared/eval/wcxb/dev/html (or $WCXB_DIR/dev/html). Idempotent: a file that
# already exists is not made again (delete it to redo). Runs 2 workers at most.
set -euo pipefail
SRC=${WCXB_DIR:-/work/shared/eval/wcxb}/dev/html
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Worker mode (called through xargs below): dump.sh --batch OUTDIR PY id...
if [ "${1:-}" = --batch ]; then
  out=$2 py=$3; shift 3
  h2t_ids=()
  for id in "$@"; do
    html=$out/html/$id.html
    if [ ! -s "$html" ]; then
      gunzip -c "$SRC/$id.html.gz" > "$html.tmp" && mv "$html.tmp" "$html"
    fi
    if [ ! -e "$out/w3m/$id.txt" ]; then
      timeout 120 w3m -dump -cols 2000 -T text/html -O UTF-8 "$html" > "$out/w3m/$id.txt.tmp" \
        || echo "w3m failed on $id" >&2
      mv "$out/w3m/$id.txt.tmp" "$out/w3m/$id.txt"
    fi
    [ -e "$out/h2t/$id.txt" ] || h2t_ids+=("$id")
  done
  [ ${#h2t_ids[@]} -eq 0 ] && exit 0
  exec "$py" - "$out" "${h2t_ids[@]}" <<'EOF'
import os, sys, html2text
out, ids = sys.argv[1], sys.argv[2:]
for i in ids:
    with open(f"{out}/html/{i}.html", "rb") as f:
        page = f.read().decode("utf-8", errors="replace")
    h = html2text.HTML2Text()
    h.body_width = 0
    h.ignore_links = True
    h.ignore_images = True
    try:
        text = h.handle(page)
    except Exception as e:  # a converter crash leaves an empty dump, not a hole
        print(f"html2text failed on {i}: {e}", file=sys.stderr)
        text = ""
    tmp = f"{out}/h2t/{i}.txt.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, f"{out}/h2t/{i}.txt")
EOF
fi

[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [id ...]" >&2; exit 2; }
out=$1; shift
command -v w3m >/dev/null || { apt-get update -qq && apt-get install -y -qq w3m; }
PY=$(bash "$HERE/venv.sh" | tail -1)
mkdir -p "$out/html" "$out/w3m" "$out/h2t"

if [ $# -gt 0 ]; then ids=("$@")
else mapfile -t ids < <(cd "$SRC" && ls | sed -n 's/\.html\.gz$//p' | sort); fi

# Only the pages with some output missing go to the workers.
todo=()
for id in "${ids[@]}"; do
  [ -f "$SRC/$id.html.gz" ] || { echo "no such page: $id" >&2; exit 1; }
  if [ ! -s "$out/html/$id.html" ] || [ ! -e "$out/w3m/$id.txt" ] || [ ! -e "$out/h2t/$id.txt" ]; then
    todo+=("$id")
  fi
done
echo "${#ids[@]} pages, ${#todo[@]} to dump into $out" >&2
[ ${#todo[@]} -eq 0 ] && exit 0
printf '%s\n' "${todo[@]}" | xargs -P2 -n 25 bash "$HERE/dump.sh" --batch "$out" "$PY"
echo "done" >&2
