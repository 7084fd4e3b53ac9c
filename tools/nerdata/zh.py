#!/usr/bin/env python3
"""Convert the Chinese NER sets (one Han character a token, BIO, PER/LOC/ORG) to the CoNLL files
`newsmon train ner --scheme msra` reads.

Input: a directory holding the files SOURCES.md names, as taken from the snapshot it names:

  people_daily_example.dev, people_daily_example.test   CHAR<space>TAG lines, empty line between
                                                        sentences (People's Daily 1998)
  msra_val_sentences.txt, msra_val_tags.txt             one sentence a line, characters and tags
  msra_test_sentences.txt, msra_test_tags.txt           separated by spaces (MSRA, SIGHAN 2006)
  cluener_train.json                                    CLUENER 2020 (THUCNews sentences), JSON lines;
                                                        read with --cluener only
  BosonNLP_NER_6C.txt                                   BosonNLP NER (2,000 news paragraphs, 2013),
                                                        {{type:name}} marks; read with --boson only

Output in OUT/:

  train.txt  People's Daily dev and test, and the MSRA validation split, less every 10th sentence;
             a sentence seen twice (the sets share some) is kept once
  dev.txt    every 10th of those sentences: early stopping
  test.txt   the MSRA test split (the SIGHAN 2006 bakeoff's), measured only; it shares no sentence
             with the training sets (checked here)

With --cluener, CLUENER's training sentences join the training pool, their types mapped to
MSRA's: name → PER, address → LOC, company, government and organization → ORG, the rest (book,
game, movie, position, scene) left untagged.

With --boson, four of every five BosonNLP paragraphs join the training pool, cut into sentences at
。！？, their types mapped: person_name → PER, location → LOC, org_name and company_name → ORG,
product_name and time left untagged; every fifth paragraph goes to boson-test.txt, measured only
(a second test of today's news, beside MSRA's 1998 People's Daily).

Each sentence is a document of its own (-DOCSTART-): the sets hold sentences, not articles (a
BosonNLP paragraph in boson-test.txt is one document).

Usage: python3 tools/nerdata/zh.py [--cluener] [--boson] RAWDIR OUT
"""
import json
import os
import re
import sys
import unicodedata


def read_columns(path):
    """Sentences of a CHAR TAG file."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def read_lines(base):
    """Sentences of a pair of files: characters, and their tags, one sentence a line."""
    with open(base + "_sentences.txt", encoding="utf-8") as fs, open(base + "_tags.txt", encoding="utf-8") as ft:
        out = []
        for chars, tags in zip(fs, ft):
            chars, tags = chars.split(), tags.split()
            if not chars:
                continue
            if len(chars) != len(tags):
                sys.exit(f"{base}: {len(chars)} characters but {len(tags)} tags in a line")
            out.append(list(zip(chars, tags)))
    return out


CLUENER_TYPES = {"name": "PER", "address": "LOC", "company": "ORG", "government": "ORG", "organization": "ORG"}


def read_cluener(path):
    """Sentences of CLUENER's JSON lines, tagged BIO with MSRA's types."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            chars = list(rec["text"])
            tags = ["O"] * len(chars)
            for typ, mentions in rec.get("label", {}).items():
                if typ not in CLUENER_TYPES:
                    continue
                for spans in mentions.values():
                    for a, b in spans:  # inclusive character offsets
                        tags[a] = "B-" + CLUENER_TYPES[typ]
                        for k in range(a + 1, b + 1):
                            tags[k] = "I-" + CLUENER_TYPES[typ]
            out.append([(c, t) for c, t in zip(chars, tags) if not c.isspace()])
    return out


BOSON_TYPES = {"person_name": "PER", "location": "LOC", "org_name": "ORG", "company_name": "ORG"}
BOSON_MARK = re.compile(r"\{\{([a-z_]+):(.*?)\}\}")


def read_boson(path):
    """Paragraphs of BosonNLP's file, each a list of (char, tag), MSRA's types."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            para, pos = [], 0
            line = line.strip()
            for m in BOSON_MARK.finditer(line):
                para += [(c, "O") for c in line[pos:m.start()]]
                name, typ = m.group(2).strip(), BOSON_TYPES.get(m.group(1))
                para += [(c, "O" if typ is None else ("B-" if k == 0 else "I-") + typ) for k, c in enumerate(name)]
                pos = m.end()
            para += [(c, "O") for c in line[pos:]]
            para = [(c, t) for c, t in para if not c.isspace()]
            if para:
                out.append(para)
    return out


def sentences_of(para):
    """Cuts a paragraph after 。！？ (and the closing quotes after them)."""
    out, cur = [], []
    for k, (c, t) in enumerate(para):
        cur.append((c, t))
        nxt = para[k + 1][0] if k + 1 < len(para) else ""
        if c in "。！？" and nxt not in "”’」』" or c in "”’」』" and k > 0 and para[k - 1][0] in "。！？":
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def key(sent):
    return unicodedata.normalize("NFKC", "".join(c for c, _ in sent))


def write(path, sents):
    with open(path, "w", encoding="utf-8") as f:
        for sent in sents:
            f.write("-DOCSTART-\n\n")
            f.write("".join(f"{c}\t{t}\n" for c, t in sent) + "\n")


def main():
    args = [a for a in sys.argv[1:] if a not in ("--cluener", "--boson")]
    if len(args) != 2:
        sys.exit(__doc__)
    raw, out = args
    sets = [read_columns(os.path.join(raw, "people_daily_example.dev")),
            read_columns(os.path.join(raw, "people_daily_example.test")),
            read_lines(os.path.join(raw, "msra_val"))]
    if "--cluener" in sys.argv:
        sets.append(read_cluener(os.path.join(raw, "cluener_train.json")))
    boson_test = []
    if "--boson" in sys.argv:
        paras = read_boson(os.path.join(raw, "BosonNLP_NER_6C.txt"))
        boson_test = [p for i, p in enumerate(paras) if i % 5 == 4]
        sets.append([s for i, p in enumerate(paras) if i % 5 != 4 for s in sentences_of(p)])
    pool, seen = [], set()
    for sents in sets:
        for s in sents:
            if key(s) not in seen:
                seen.add(key(s))
                pool.append(s)
    test = read_lines(os.path.join(raw, "msra_test"))
    shared = sum(key(s) in seen for s in test)
    if shared:
        sys.exit(f"{shared} test sentences are also in the training sets")
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "train.txt"), [s for i, s in enumerate(pool) if i % 10 != 9])
    write(os.path.join(out, "dev.txt"), [s for i, s in enumerate(pool) if i % 10 == 9])
    write(os.path.join(out, "test.txt"), test)
    if boson_test:
        write(os.path.join(out, "boson-test.txt"), boson_test)
    print(f"{len(pool)} training sentences (train + dev), {len(test)} test sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
