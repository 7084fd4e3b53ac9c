#!/usr/bin/env python3
"""Select the documents of newsmon's realistic evaluation set (test/evaldocs) from ../shared/data.

The choice is fixed by a rule written before newsmon's output on any of them was read: within each
corpus, documents of a readable length, ordered by sha256 of their key, the first N taken; every
third of them (in that order) is held aside. It prints selection.tsv; with --dump DIR it also writes
each document's text as the scorer reads it (DIR/<key>.txt, never committed: the texts belong to
their publishers).

    python3 tools/evaldocs/select.py --data ../shared/data > test/evaldocs/selection.tsv
"""
import argparse, gzip, hashlib, json, os, sys

def words(t): return len(t.split())

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
    print("key\tsplit\twords\ttitle")
    for corpus, n, docs in pools:
        docs.sort(key=lambda p: h(p[0]))
        for j, (key, title, text) in enumerate(docs[:n]):
            split = "aside" if j % 3 == 2 else "tune"
            print("%s\t%s\t%d\t%s" % (key, split, words(text), title.replace("\t", " ")))
            if args.dump:
                os.makedirs(args.dump, exist_ok=True)
                name = key.replace(":", "_").replace("/", "_")
                with open(os.path.join(args.dump, name + ".txt"), "w", encoding="utf-8") as f:
                    f.write(text)

if __name__ == "__main__":
    main()
