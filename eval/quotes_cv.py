#!/usr/bin/env python3
"""Five-fold evaluation of quote extraction on PolNeAR train+dev (../shared/eval/polnear).

Every article of train.jsonl and dev.jsonl goes to one of five folds by a hash of its id (stable
across runs and machines). For each fold the extractor runs on that fold alone and the reference
scorer (score_quotes.py, direct+mixed, --require-source --merge-pieces) scores it; the table gives
each fold, the mean and spread of the folds, and the pooled (micro) figure over all 924 articles.
The extractor is rules only, the same for every fold, so nothing is retrained per fold; a trained
part would have to be trained on the other four folds before each fold is scored.

Rules were tuned looking only at folds 0-2 (and PolNeAR dev, historically); folds 3 and 4 were not
looked at while writing rules, which the table marks.

Run (after `cargo build --release --examples`):
    python3 eval/quotes_cv.py [--shared ../shared] [--kinds direct,mixed] [--keep DIR]
"""
import argparse, hashlib, json, os, subprocess, sys, tempfile

def fold_of(aid, k):
    return int(hashlib.md5(aid.encode('utf-8')).hexdigest(), 16) % k

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default='../shared')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--kinds', default='direct,mixed')
    ap.add_argument('--keep', help='directory to keep fold files and predictions in')
    ap.add_argument('--bin', default='target/release/examples/eval_quotes')
    ap.add_argument('--only', type=int, help='run one fold only')
    a = ap.parse_args()
    pol = os.path.join(a.shared, 'eval', 'polnear')
    scorer = os.path.join(pol, 'score_quotes.py')
    docs = []
    for name in ('train.jsonl', 'dev.jsonl'):
        path = os.path.join(pol, name)
        if not os.path.exists(path):
            print(f'SKIPPED: {path} not found'); return 0
        docs += [l for l in open(path, encoding='utf-8') if l.strip()]
    out = a.keep or tempfile.mkdtemp(prefix='nd-cv-')
    os.makedirs(out, exist_ok=True)
    folds = [[] for _ in range(a.folds)]
    for l in docs:
        folds[fold_of(json.loads(l)['id'], a.folds)].append(l)
    sys.path.insert(0, pol)
    import score_quotes
    score_quotes.MERGE = True
    rows, pooled = [], {}
    kinds = set(a.kinds.split(','))
    for k, lines in enumerate(folds):
        if a.only is not None and k != a.only:
            continue
        gold = os.path.join(out, f'fold{k}.jsonl')
        with open(gold, 'w', encoding='utf-8') as f:
            f.writelines(lines)
        prefix = os.path.join(out, f'fold{k}')
        subprocess.run([a.bin, gold, prefix], check=True, stderr=subprocess.DEVNULL)
        suffix = 'reported' if kinds == {'indirect'} else 'direct'
        r = score_quotes.score(gold, f'{prefix}-{suffix}.jsonl', kinds, True)['iou50']
        rows.append((k, len(lines), r))
        for key in ('gold', 'tp', 'fp', 'fn'):
            pooled[key] = pooled.get(key, 0) + r[key]
        pooled['spk'] = pooled.get('spk', 0) + round(r['speaker_acc'] * r['tp'] / 100)
    print(f'PolNeAR train+dev, {a.folds} folds by md5(id), kinds {a.kinds}, IoU >= 0.5')
    print('| fold | articles | gold | P | R | F1 | speaker right | e2e F1 |')
    print('|---|---|---|---|---|---|---|---|')
    for k, n, r in rows:
        seen = '' if k < 3 else ' (not looked at)'
        print(f"| {k}{seen} | {n} | {r['gold']} | {r['P']} | {r['R']} | {r['F1']} | {r['speaker_acc']}% | {r['e2e_F1']} |")
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0
    tp, fp, fn, spk = pooled['tp'], pooled['fp'], pooled['fn'], pooled['spk']
    p, r = tp / (tp + fp), tp / (tp + fn)
    ep, er = spk / (tp + fp), spk / (tp + fn)
    print(f"| pooled | {sum(n for _, n, _ in rows)} | {pooled['gold']} | {100*p:.1f} | {100*r:.1f} | {100*f1(p, r):.1f} | {100*spk/tp:.1f}% | {100*f1(ep, er):.1f} |")
    fs = [x['F1'] for _, _, x in rows]
    if len(fs) > 1:
        m = sum(fs) / len(fs)
        sd = (sum((x - m) ** 2 for x in fs) / (len(fs) - 1)) ** 0.5
        print(f'fold F1 mean {m:.1f}, sd {sd:.1f}; files in {out}')
    return 0

if __name__ == '__main__':
    sys.exit(main())
