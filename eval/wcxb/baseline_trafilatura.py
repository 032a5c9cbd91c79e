#!/usr/bin/env python3
"""Baseline: trafilatura (default settings) on the dumped WCXB pages, in the shared
prediction format that score.py reads.

Usage (with the venv that dump.sh / venv.sh makes):
  .tools/wcxb-venv/bin/python eval/wcxb/baseline_trafilatura.py OUTDIR PRED.json [--limit N]
OUTDIR is a dump.sh output folder; reads OUTDIR/html/*.html. Writes PRED.json:
  {id: {"body", "title", "author", "published", "page_type", "skipped"}}
body is what trafilatura's plain-text output gives (main text, then comments, as
extract() does with its defaults); page_type is trafilatura's own `pagetype` (mostly the
page's og:type), passed through as is. Prints the time taken and pages/s.
"""
import argparse
import glob
import json
import os
import sys
import time

import trafilatura


def predict(html):
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:  # trafilatura found no main content: an empty result, not a lost page
        return {"body": "", "title": None, "author": None, "published": None,
                "page_type": None, "skipped": None}
    body = doc.text or ""
    if doc.comments:  # extract()'s txt output appends the comments the same way
        body = f"{body}\n{doc.comments}"
    return {"body": body, "title": doc.title, "author": doc.author, "published": doc.date,
            "page_type": doc.pagetype, "skipped": None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("pred")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.outdir, "html", "*.html")))
    if args.limit:
        files = files[:args.limit]
    preds = {}
    start = time.perf_counter()
    for path in files:
        page_id = os.path.basename(path)[:-5]
        with open(path, "rb") as f:
            html = f.read().decode("utf-8", errors="replace")
        try:
            preds[page_id] = predict(html)
        except Exception as e:  # a crash is a lost page, with its reason
            preds[page_id] = {"body": "", "title": None, "author": None, "published": None,
                              "page_type": None, "skipped": f"trafilatura error: {e!r}"[:200]}
    elapsed = time.perf_counter() - start
    with open(args.pred, "w", encoding="utf-8") as f:
        json.dump(preds, f, ensure_ascii=False, indent=0)
    empty = sum(1 for p in preds.values() if not p["body"] and not p["skipped"])
    lost = sum(1 for p in preds.values() if p["skipped"])
    print(f"trafilatura {trafilatura.__version__}: {len(preds)} pages in {elapsed:.1f} s, "
          f"{len(preds) / elapsed:.1f} pages/s (one process); "
          f"{empty} empty, {lost} errors -> {args.pred}", file=sys.stderr)


if __name__ == "__main__":
    main()
