#!/usr/bin/env python3
"""The honest tune/held split of the WCXB dev pages, by site.

A page's site is the host of its ground-truth `url`, lower-cased, without a leading
"www." (the one page without a url takes the domain from metadata.json). A site is in
part "tune" when the first byte of sha1(domain) is even, else in "held", so all pages of
one site fall on the same side and the rule needs no list kept anywhere.

As a module: part_of_domain(domain), domain_of(gold_json, page_id, metadata),
page_parts(golddir) -> {id: (part, domain, page_type)}.
As a CLI:  python3 eval/wcxb/split.py [GOLDDIR]   prints the counts per part, all pages and
article pages (GOLDDIR defaults to /work/shared/eval/wcxb/dev/ground-truth).
"""
import hashlib
import json
import os
import sys
from urllib.parse import urlsplit

DEFAULT_GOLD = "/work/shared/eval/wcxb/dev/ground-truth"


def part_of_domain(domain):
    return "tune" if hashlib.sha1(domain.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def domain_of(gold, page_id, metadata=None):
    host = urlsplit(gold.get("url") or "").hostname or ""
    if not host and metadata:
        host = metadata.get(page_id, {}).get("domain", "")
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def page_type_of(gold):
    return ((gold.get("_internal") or {}).get("page_type") or {}).get("primary")


def load_metadata(golddir):
    path = os.path.join(golddir, "..", "..", "metadata.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f).get("files", {})
    return {}


def page_parts(golddir=DEFAULT_GOLD):
    """{id: (part, domain, primary page type)} for every <id>.json in golddir."""
    metadata = load_metadata(golddir)
    parts = {}
    for name in sorted(os.listdir(golddir)):
        if not name.endswith(".json"):
            continue
        page_id = name[:-5]
        with open(os.path.join(golddir, name), encoding="utf-8") as f:
            gold = json.load(f)
        domain = domain_of(gold, page_id, metadata)
        parts[page_id] = (part_of_domain(domain), domain, page_type_of(gold))
    return parts


def main():
    golddir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GOLD
    parts = page_parts(golddir)
    print(f"{'part':6} {'pages':>6} {'sites':>6} {'articles':>9} {'art.sites':>9}")
    for part in ("tune", "held", "all"):
        rows = [v for v in parts.values() if part == "all" or v[0] == part]
        arts = [v for v in rows if v[2] == "article"]
        print(f"{part:6} {len(rows):6} {len({v[1] for v in rows}):6} "
              f"{len(arts):9} {len({v[1] for v in arts}):9}")


if __name__ == "__main__":
    main()
