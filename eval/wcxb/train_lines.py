#!/usr/bin/env python3
"""Fits the plain-text line model (src/ingest/linemodel.rs) on the WCXB pages of the tuning
part, and writes its weights to src/ingest/line_model.json.

The features come from the Rust code itself (examples/line_features.rs), so this script only
labels and fits. A unit (a line, or a sentence of a long line) is article text when its words
occur, in order, in the page's gold main content (units of one to three words must equal a
whole gold line: "Share" is not article text because the word occurs in it). A title candidate
is right when its words match the gold title (word F1 >= 0.8, or the gold title is inside it
with at most eight more words: "Headline | Site").

The body model is a logistic regression (Newton's method, L2-regularised), weighted by words so
that long paragraphs count as much as they weigh in the word-F1 metric; its threshold is the one
that maximises mean page word-F1 on the tuning pages. The title model is a conditional logit (the
candidates of a page compete: softmax over them); the best candidate is taken when its share is
at least the threshold that gives the most right titles with wrong ones under 4% of pages.

Recipe (two passes: the title features read the body model's choice):
  eval/wcxb/dump.sh /tmp/wcxb
  echo '{"body":[],"title":[],"body_threshold":0.5,"title_threshold":0.5}' > src/ingest/line_model.json
  cargo build --release --example line_features
  for d in w3m h2t; do target/release/examples/line_features /tmp/wcxb/$d > /tmp/lines-$d.jsonl; done
  .tools/wcxb-venv/bin/python eval/wcxb/train_lines.py /tmp/lines-w3m.jsonl /tmp/lines-h2t.jsonl
  # then rebuild, dump the features again, and run the same command with --title-only
"""
import argparse
import json
import os
import re
import sys
from collections import Counter

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import page_parts, DEFAULT_GOLD  # noqa: E402

TOKEN = re.compile(r"\w+", re.UNICODE)
MODEL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../src/ingest/line_model.json")


def toks(s):
    return TOKEN.findall((s or "").lower())


def load_gold(golddir):
    gold = {}
    for name in os.listdir(golddir):
        if name.endswith(".json"):
            with open(os.path.join(golddir, name), encoding="utf-8") as f:
                g = json.load(f)
            gold[name[:-5]] = g.get("ground_truth") or {}
    return gold


def body_label(text, gold_joined, gold_lines):
    t = toks(text)
    if not t:
        return 0
    u = " ".join(t)
    if u in gold_lines:
        return 1
    return int(len(t) >= 4 and (" " + u + " ") in gold_joined)


def title_ok(text, gold_title):
    t, g = toks(text), toks(gold_title)
    if not t or not g:
        return 0
    if (" " + " ".join(g) + " ") in (" " + " ".join(t) + " ") and len(t) <= len(g) + 8:
        return 1
    common = sum((Counter(t) & Counter(g)).values())
    if not common:
        return 0
    p, r = common / len(t), common / len(g)
    return int(2 * p * r / (p + r) >= 0.8)


def fit(X, y, w, l2=1.0, iters=30):
    """Weighted L2 logistic regression by Newton's method (the bias is not regularised)."""
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ beta))
        g = X.T @ (w * (p - y)) + reg * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-6 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def page_f1(kept_tokens, gold_tokens):
    if not gold_tokens:
        return None
    a, b = Counter(gold_tokens), Counter(kept_tokens)
    tp = sum((a & b).values())
    if not tp:
        return 0.0
    p, r = tp / sum(b.values()), tp / sum(a.values())
    return 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features", nargs="+", help="line_features output, one file per converter")
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--title-only", action="store_true", help="refit the title model only")
    ap.add_argument("--types", default="article", help="article (default) or all page types")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    parts = page_parts(args.gold)
    pages = []
    for path in args.features:
        with open(path, encoding="utf-8") as f:
            for line in f:
                pg = json.loads(line)
                part, _, ptype = parts.get(pg["id"], ("held", "", ""))
                if args.types == "article" and ptype != "article":
                    continue
                pg["part"] = part
                pages.append(pg)
    model = json.load(open(MODEL)) if os.path.exists(MODEL) else {}

    if not args.title_only:
        X, y, w, where = [], [], [], []
        for k, pg in enumerate(pages):
            g = gold.get(pg["id"], {})
            body = g.get("main_content") or ""
            joined = " " + " ".join(toks(body)) + " "
            lines = {" ".join(toks(l)) for l in body.split("\n") if toks(l)}
            for i, u in enumerate(pg["units"]):
                X.append(u["f"])
                y.append(body_label(u["text"], joined, lines))
                w.append(max(1, len(toks(u["text"]))))
                where.append(k)
        X, y, w, where = np.array(X, float), np.array(y, float), np.array(w, float), np.array(where)
        tune = np.array([pages[k]["part"] == "tune" for k in where])
        beta = fit(X[tune], y[tune], w[tune])
        prob = 1 / (1 + np.exp(-X @ beta))
        # Threshold: best mean page word-F1 on the tuning pages.
        def mean_f1(t, part):
            f1s = []
            unit = 0
            for pg in pages:
                n = len(pg["units"])
                if pg["part"] == part:
                    kept = [tk for i in range(n) if prob[unit + i] >= t for tk in toks(pg["units"][i]["text"])]
                    f = page_f1(kept, toks(gold.get(pg["id"], {}).get("main_content")))
                    if f is not None:
                        f1s.append(f)
                unit += n
            return sum(f1s) / max(1, len(f1s))
        best = max(np.arange(0.2, 0.75, 0.05), key=lambda t: mean_f1(t, "tune"))
        print(f"body: {int(tune.sum())} tuning units; threshold {best:.2f}; "
              f"unit-level page word-F1 tune {mean_f1(best, 'tune'):.3f}, held {mean_f1(best, 'held'):.3f}")
        model["body"] = [round(float(b), 5) for b in beta]
        model["body_threshold"] = round(float(best), 3)
        model.setdefault("title", [])
        model.setdefault("title_threshold", 1.1)

    # Title model (features depend on the body model's choice: run again after a rebuild): a
    # conditional logit, the candidates of a page competing for its title; the best one is taken
    # when its share of the page's probability is at least the threshold.
    groups = []
    for k, pg in enumerate(pages):
        gt = gold.get(pg["id"], {}).get("title")
        if not gt or not pg["titles"]:
            continue
        X = np.array([c["f"] for c in pg["titles"]], float)
        y = np.array([title_ok(pg["units"][c["unit"]]["text"], gt) for c in pg["titles"]], float)
        groups.append((pg["part"], X, y))
    if groups:
        beta = np.zeros(groups[0][1].shape[1])
        train = [(X, y) for part, X, y in groups if part == "tune" and y.any()]
        lr = 0.5
        for _ in range(400):
            grad = -0.1 * beta
            for X, y in train:
                z = X @ beta
                p = np.exp(z - z.max())
                p /= p.sum()
                q = y / y.sum()
                grad += X.T @ (q - p)
            beta += lr * grad / len(train)

        def rates(t, part):
            right = wrong = n = 0
            for pt, X, y in groups:
                if pt != part:
                    continue
                n += 1
                z = X @ beta
                p = np.exp(z - z.max())
                p /= p.sum()
                i = int(p.argmax())
                if p[i] >= t:
                    right += y[i] > 0
                    wrong += y[i] == 0
            return right / max(1, n), wrong / max(1, n)

        print("argmax always (tune, held):", rates(0.0, "tune"), rates(0.0, "held"))
        ok = [t for t in np.arange(0.0, 0.95, 0.025) if rates(t, "tune")[1] <= 0.04]
        t = max(ok, key=lambda t: rates(t, "tune")[0]) if ok else 0.95
        for part in ("tune", "held"):
            r, wr = rates(t, part)
            print(f"title ({part}, article pages with a gold title and a candidate): right {100*r:.1f}%, wrong {100*wr:.1f}% at {t:.3f}")
        model["title"] = [round(float(b), 5) for b in beta]
        model["title_threshold"] = round(float(t), 3)
    with open(MODEL, "w") as f:
        json.dump(model, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(MODEL)}")


if __name__ == "__main__":
    main()
