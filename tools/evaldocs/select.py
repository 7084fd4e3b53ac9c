#!/usr/bin/env python3
"""Select the documents of newsmon's realistic evaluation set (test/evaldocs) from ../shared/data.

The choice is fixed by a rule written before newsmon's output on any of them was read: within each
corpus, documents of a readable length, ordered by sha256 of their key, the first N taken; every
third of them (in that order) is held aside. It prints selection.tsv; with --dump DIR it also writes
each document's text as the scorer reads it (DIR/<key>.txt, never committed: the texts belong to
their publishers).

    python3 tools/evaldocs/select.py --data ../shared/data > test/evaldocs/selection.tsv

Batch 2 (--batch 2, test/evaldocs/selection2.tsv) is a fresh set of 30 chosen after batch 1 had
been tuned on, to find the errors newsmon makes on text nobody tuned on. Its rule: from the same
pools, every document of batch 1 excluded; within each corpus the documents ranked first by how
many of three things a reader checks they hold (a quotation mark; a month or weekday name; a sum
of money: a currency sign or word), then by sha256 of "batch2:" + key; the first N taken (PolNeAR
10, BBC 8, Reuters 4, article dev bodies 8: batch 1's proportions). Every third document of the
batch, counted across the corpora in that order, is held aside (10 of 30).

    python3 tools/evaldocs/select.py --data ../shared/data --batch 2 > test/evaldocs/selection2.tsv
"""
import argparse, gzip, hashlib, json, os, re, sys

MONTHS = ("January February March April May June July August September October November December "
          "Jan. Feb. Aug. Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
MONEY = re.compile(r"[$£€¥]|\b(dlrs|dollars?|pounds|euros?|yen|cts|cents)\b")

def words(t): return len(t.split())

def richness(text):
    """How many of a quotation mark, a month or weekday name and a sum of money the text holds."""
    quote = any(c in text for c in '"\u201c\u201d')
    date = any(re.search(r"\b" + re.escape(m) + (r"\b" if m[-1] != "." else ""), text) for m in MONTHS)
    return quote + date + bool(MONEY.search(text))

def h(key): return hashlib.sha256(key.encode()).hexdigest()

def blocks(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = f.read()
    for i, b in enumerate(data.strip("\n").split("\n\n")):
        lines = b.split("\n")
        yield i, lines[0], "\n\n".join(lines[1:])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--dump")
    ap.add_argument("--batch", type=int, default=1, choices=(1, 2))
    args = ap.parse_args()
    d = args.data
    pools = []  # (corpus, count, [(key, title, text)])
    pol = []
    for line in open(os.path.join(d, "quotes/polnear/dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        pol.append(("polnear-dev:" + r["id"], r.get("title", ""), r["text"]))
    pools.append(("polnear", 21, [p for p in pol if 200 <= words(p[2]) <= 900]))
    bbc = [("bbc:%d" % i, t, x) for i, t, x in blocks(os.path.join(d, "unlabeled/bbc/text.txt.gz"))]
    pools.append(("bbc", 15, [p for p in bbc if 150 <= words(p[2]) <= 650]))
    reu = [("reuters:%d" % i, t, x) for i, t, x in blocks(os.path.join(d, "unlabeled/reuters21578/text.txt.gz"))]
    pools.append(("reuters", 9, [p for p in reu if 150 <= words(p[2]) <= 600]))
    gt = json.load(open(os.path.join(d, "articles/dev/ground-truth.json"), encoding="utf-8"))
    art = [("articles-dev:" + k, "", v["articleBody"]) for k, v in gt.items()]
    pools.append(("articles", 15, [p for p in art if 150 <= words(p[2]) <= 900]))
    batch1 = []  # (key, title, text, split) of the first batch, in its order
    for corpus, n, docs in pools:
        docs.sort(key=lambda p: h(p[0]))
        batch1 += [p + ("aside" if j % 3 == 2 else "tune",) for j, p in enumerate(docs[:n])]
    chosen = batch1
    if args.batch == 2:
        taken = {p[0] for p in batch1}
        second = {"polnear": 10, "bbc": 8, "reuters": 4, "articles": 8}
        chosen = []
        for corpus, _, docs in pools:
            fresh = [p for p in docs if p[0] not in taken]
            fresh.sort(key=lambda p: (-richness(p[2]), h("batch2:" + p[0])))
            chosen += fresh[:second[corpus]]
        chosen = [p + ("aside" if j % 3 == 2 else "tune",) for j, p in enumerate(chosen)]
    print("key\tsplit\twords\ttitle")
    for key, title, text, split in chosen:
        print("%s\t%s\t%d\t%s" % (key, split, words(text), title.replace("\t", " ")))
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            name = key.replace(":", "_").replace("/", "_")
            with open(os.path.join(args.dump, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)

if __name__ == "__main__":
    main()
