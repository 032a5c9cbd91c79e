#!/usr/bin/env python3
"""Scores article predictions against the WCXB dev gold: body word-F1, title, author,
date and page type, per part of the site split (split.py).

Usage:
  python3 eval/wcxb/score.py GOLDDIR PRED.json [--part tune|held|all|each] [--types article|all]
                             [--lost-as-empty] [--per-page OUT.tsv] [--json]
GOLDDIR is /work/shared/eval/wcxb/dev/ground-truth. PRED.json maps id -> {"body": str,
"title", "author", "published", "page_type", "skipped": str|null}; an id missing from it,
or with "skipped" set, is a lost page. Lost pages are counted, and left out of the other
figures unless --lost-as-empty (then they score as an empty body and no metadata).
--part each (the default) prints tune, held and all side by side. Dates are parsed with
python-dateutil when it is installed (the wcxb venv has it), else only ISO-like dates.

Body: the WCXB metric, per page the multiset overlap of lower-cased \\w+ tokens, P/R/F1,
averaged over pages; pages whose gold main_content is empty are left out.
Page type: a predicted page_type containing "article" (article, NewsArticle) counts as
article, any other value as not; pages with no page_type are left out of that figure.
"""
import argparse
import datetime as dt
import html
import json
import os
import re
import sys
import unicodedata
from collections import Counter

sys.dont_write_bytecode = True  # no __pycache__ in the repo
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import page_parts  # noqa: E402

try:
    from dateutil import parser as dateparser
except ImportError:  # the scorer still runs; only non-ISO predicted dates go unparsed
    dateparser = None

WORD = re.compile(r"\w+")
NULLISH = {"", "none", "null", "n/a"}


def clean(value):
    """Gold or predicted string, or None when absent (gold has a few "None" strings)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return None if value.lower() in NULLISH else value


def tokens(text):
    return WORD.findall(text.lower())


def prf(pred_tokens, gold_tokens):
    if not pred_tokens or not gold_tokens:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    p, r = overlap / len(pred_tokens), overlap / len(gold_tokens)
    return p, r, (2 * p * r / (p + r) if overlap else 0.0)


# ---- titles -------------------------------------------------------------------------
QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032`\u00b4"}
                       | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
                       | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
SUFFIX_SEPS = (" - ", " | ", " :: ", " \u00b7 ", " \u2022 ", " : ", " / ")


def norm_text(s):
    s = unicodedata.normalize("NFKC", html.unescape(s)).translate(QUOTES).lower()
    return " ".join(s.split())


def title_status(pred, gold):
    p, g = norm_text(pred), norm_text(gold)
    if p == g:
        return "right"
    rest = p  # strip " - Site Name" / " | Site Name" suffixes while the rest may match
    while any(sep in rest for sep in SUFFIX_SEPS):
        rest = max((rest.rsplit(sep, 1)[0] for sep in SUFFIX_SEPS if sep in rest), key=len)
        if rest == g:
            return "right"
    if (p in g or g in p) and prf(tokens(p), tokens(g))[2] >= 0.8:
        return "right"
    return "wrong"


# ---- authors ------------------------------------------------------------------------
PERSON_SPLIT = re.compile(r"\s*(?:[,;&|/\n]|\band\b|\bund\b|\bet\b|\by\b)\s*")
BY_PREFIX = re.compile(r"^(?:(?:written|posted|published|reviewed|edited)\s+)?(?:by|author)\s*:?\s+")
CREDENTIALS = set("""phd md ms rd rdn mba cfp dvm mph rn np jr sr ii iii iv dr mr mrs
    prof esq ma ba bs bsc msc cpa lcsw pharmd do dds facp faan fand facs ph d m""".split())


def persons(s):
    s = BY_PREFIX.sub("", norm_text(s))
    out = []
    for piece in PERSON_SPLIT.split(s):
        toks = [t for t in tokens(piece) if t not in CREDENTIALS]
        if toks:
            out.append(toks)
    return out


def author_status(pred, gold):
    pred, gold = pred.replace("_", " "), gold.replace("_", " ")  # "q_admin" is "Q Admin"
    p, g = BY_PREFIX.sub("", norm_text(pred)), norm_text(gold)
    if g and g in p:  # predicted contains gold: "Site | Jane Doe" for "Jane Doe"
        return "right"
    gold_tokens = set(tokens(g))
    pred_persons = persons(pred)
    if pred_persons and all(set(person) <= gold_tokens for person in pred_persons):
        return "right"
    return "wrong"


# ---- dates --------------------------------------------------------------------------
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")


def parse_date(s):
    """(year, month, day|None) or None. ISO-like first, then dateutil (fuzzy). A field the
    string does not give (day) comes back None: parsed twice with two different defaults."""
    m = ISO_DATE.search(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
        if 1 <= mo <= 12 and (d is None or 1 <= d <= 31):
            return y, mo, d
    if dateparser is None:
        return None
    try:
        a = dateparser.parse(s, fuzzy=True, default=dt.datetime(2000, 1, 1))
        b = dateparser.parse(s, fuzzy=True, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if a.year != b.year or a.month != b.month:
        return None
    return a.year, a.month, (a.day if a.day == b.day else None)


def date_status(pred, gold):
    g, p = parse_date(gold), parse_date(pred)
    if p is None or g is None:
        return "wrong"
    if g[2] is None:  # gold gives the month only ("2015-11")
        return "right" if p[:2] == g[:2] else "wrong"
    return "right" if p == g else "wrong"


# ---- scoring ------------------------------------------------------------------------
def field_status(pred, gold, judge):
    pred, gold = clean(pred), clean(gold)
    if gold is None:
        return "extra" if pred else "none"
    if pred is None:
        return "missing"
    return judge(pred, gold)


def score_page(gold_gt, pred, lost, lost_as_empty):
    if lost:
        pred = {} if lost_as_empty else None
    row = {"lost": lost}
    gold_body = gold_gt.get("main_content") or ""
    if pred is None:
        return row
    gt, pt = tokens(gold_body), tokens(pred.get("body") or "")
    if gt:
        row["p"], row["r"], row["f1"] = prf(pt, gt)
    row["gold_words"], row["pred_words"] = len(gt), len(pt)
    row["title"] = field_status(pred.get("title"), gold_gt.get("title"), title_status)
    row["author"] = field_status(pred.get("author"), gold_gt.get("author"), author_status)
    row["date"] = field_status(pred.get("published"), gold_gt.get("publish_date"), date_status)
    return row


def pct(a, b):
    return round(100.0 * a / b, 1) if b else None


def summarise(rows):
    s = {"pages": len(rows), "lost": sum(r["lost"] for r in rows)}
    body = [r for r in rows if "f1" in r]
    s["body_pages"] = len(body)
    for k in ("f1", "p", "r"):
        s[f"body_{k}"] = round(sum(r[k] for r in body) / len(body), 4) if body else None
    for field in ("title", "author", "date"):
        st = Counter(r.get(field) for r in rows if field in r)
        with_gold = st["right"] + st["wrong"] + st["missing"]
        s[f"{field}_gold"] = with_gold
        for k in ("right", "wrong", "missing"):
            s[f"{field}_{k}_pct"] = pct(st[k], with_gold)
        s[f"{field}_extra"] = st["extra"]  # predicted where gold has none
        predicted = st["right"] + st["wrong"] + st["extra"]
        s[f"{field}_wrong_of_predicted_pct"] = pct(st["wrong"] + st["extra"], predicted)
    typed = [r for r in rows if r.get("pred_type") is not None]
    arts = [r for r in typed if r["gold_type"] == "article"]
    others = [r for r in typed if r["gold_type"] != "article"]
    s["type_predicted"] = len(typed)
    s["type_articles_as_other_pct"] = pct(sum("article" not in r["pred_type"] for r in arts), len(arts))
    s["type_others_as_article_pct"] = pct(sum("article" in r["pred_type"] for r in others), len(others))
    return s


TABLE = [  # (label, key, format)
    ("pages", "pages", "{}"), ("pages lost (skipped or missing)", "lost", "{}"),
    ("body: pages with gold text", "body_pages", "{}"),
    ("body word-F1 (mean over pages)", "body_f1", "{:.3f}"),
    ("body precision (mean)", "body_p", "{:.3f}"), ("body recall (mean)", "body_r", "{:.3f}"),
    ("title: pages with gold", "title_gold", "{}"),
    ("title right %", "title_right_pct", "{}"), ("title wrong %", "title_wrong_pct", "{}"),
    ("title missing %", "title_missing_pct", "{}"),
    ("author: pages with gold", "author_gold", "{}"),
    ("author right %", "author_right_pct", "{}"), ("author wrong %", "author_wrong_pct", "{}"),
    ("author missing %", "author_missing_pct", "{}"),
    ("author given where gold has none", "author_extra", "{}"),
    ("authors wrong % of predicted", "author_wrong_of_predicted_pct", "{}"),
    ("date: pages with gold", "date_gold", "{}"),
    ("date right %", "date_right_pct", "{}"), ("date wrong %", "date_wrong_pct", "{}"),
    ("date missing %", "date_missing_pct", "{}"),
    ("date given where gold has none", "date_extra", "{}"),
    ("page type: pages predicted", "type_predicted", "{}"),
    ("page type: articles classed other %", "type_articles_as_other_pct", "{}"),
    ("page type: others classed article %", "type_others_as_article_pct", "{}"),
]


def one_line(v):
    return "" if v is None else " ".join(str(v).split())


def main():
    ap = argparse.ArgumentParser(description="Score predictions against the WCXB dev gold.")
    ap.add_argument("golddir")
    ap.add_argument("pred")
    ap.add_argument("--part", default="each", choices=["tune", "held", "all", "each"])
    ap.add_argument("--types", default="all", choices=["article", "all"])
    ap.add_argument("--lost-as-empty", action="store_true",
                    help="score lost pages as an empty body and no metadata")
    ap.add_argument("--per-page", metavar="OUT.tsv")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()

    with open(args.pred, encoding="utf-8") as f:
        preds = json.load(f)
    parts = page_parts(args.golddir)
    wanted = ["tune", "held", "all"] if args.part == "each" else [args.part]
    rows, tsv = [], []
    for page_id, (part, domain, gold_type) in sorted(parts.items()):
        if args.types == "article" and gold_type != "article":
            continue
        if args.part not in ("each", "all") and part != args.part:
            continue
        with open(os.path.join(args.golddir, page_id + ".json"), encoding="utf-8") as f:
            gold = json.load(f)["ground_truth"]
        gold = {k: (v if k == "main_content" else clean(v)) for k, v in gold.items()}
        pred = preds.get(page_id)
        lost = pred is None or bool(pred.get("skipped"))
        row = score_page(gold, pred, lost, args.lost_as_empty)
        row.update(id=page_id, part=part, gold_type=gold_type,
                   pred_type=(clean((pred or {}).get("page_type")) or "").lower() or None)
        rows.append(row)
        if args.per_page:
            p = pred or {}
            tsv.append([page_id, part, domain, gold_type, "lost" if lost else "",
                        *(f"{row[k]:.3f}" if k in row else "" for k in ("f1", "p", "r")),
                        row.get("gold_words", ""), row.get("pred_words", ""),
                        row.get("title", ""), gold.get("title"), p.get("title"),
                        row.get("author", ""), gold.get("author"), p.get("author"),
                        row.get("date", ""), gold.get("publish_date"), p.get("published"),
                        p.get("page_type"), p.get("skipped")])

    summary = {part: summarise([r for r in rows if part == "all" or r["part"] == part])
               for part in wanted}
    if args.per_page:
        head = ["id", "part", "domain", "type", "lost", "f1", "p", "r", "gold_words",
                "pred_words", "title", "gold_title", "pred_title", "author", "gold_author",
                "pred_author", "date", "gold_date", "pred_date", "pred_page_type", "skipped"]
        with open(args.per_page, "w", encoding="utf-8") as f:
            for line in [head] + tsv:
                f.write("\t".join(one_line(v) for v in line) + "\n")
    if args.json:
        print(json.dumps({"types": args.types, "lost_as_empty": args.lost_as_empty,
                          "parts": summary}, indent=1))
        return
    print(f"{os.path.basename(args.pred)}: types={args.types}, lost pages "
          f"{'scored as empty' if args.lost_as_empty else 'left out of the figures'}")
    print(f"{'':38}" + "".join(f"{p:>9}" for p in wanted))
    for label, key, fmt in TABLE:
        vals = [summary[p][key] for p in wanted]
        print(f"{label:38}" + "".join(f"{'-' if v is None else fmt.format(v):>9}" for v in vals))


if __name__ == "__main__":
    main()
