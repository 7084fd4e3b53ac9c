#!/usr/bin/env python3
"""Convert CoNLL-2002 (Spanish, Dutch) to the CoNLL files `newsmon train ner` reads.

Input: the NLTK data package conll2002.zip (see SOURCES.md for where it comes from), or a directory
holding esp.train … ned.testb. Output, per language (es, nl) in OUT/<lang>/:

  train.txt    the training split less every 10th document
  heldout.txt  every 10th document of the training split: never trained or stopped on, measured only
  dev.txt      testa: early stopping while training
  test.txt     testb: measured only

Each line is TOKEN<TAB>TAG (IOB2), sentences end with an empty line, documents start with
-DOCSTART-. The Dutch files mark documents; the Spanish ones do not, so a Spanish document starts at
a sentence that opens with an EFE dateline ("Madrid , 23 may ( EFE ) ."), which is how every article
of that corpus begins.

Usage: python3 tools/nerdata/conll2002.py conll2002.zip OUT
"""
import io
import os
import sys
import zipfile

LANGS = {"es": "esp", "nl": "ned"}


def read_files(src):
    """Returns {name: text} for the six data files."""
    out = {}
    names = [p + "." + s for p in LANGS.values() for s in ("train", "testa", "testb")]
    if os.path.isdir(src):
        for n in names:
            with open(os.path.join(src, n), encoding="utf-8") as f:
                out[n] = f.read()
        return out
    with zipfile.ZipFile(src) as z:
        for n in names:
            out[n] = z.read("conll2002/" + n).decode("utf-8")
    return out


def sentences(text):
    """Yields (docstart, [(token, tag)]) per sentence; docstart marks a -DOCSTART- before it."""
    sent, docstart = [], False
    for line in io.StringIO(text):
        parts = line.split()
        if not parts:
            if sent:
                yield docstart, sent
                sent, docstart = [], False
            continue
        if parts[0] == "-DOCSTART-":
            docstart = True
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        yield docstart, sent


def opens_efe_article(sent):
    words = [t for t, _ in sent[:12]]
    return "EFE" in words and "(" in words


def documents(text, lang):
    docs = []
    for docstart, sent in sentences(text):
        new = docstart if lang == "nl" else opens_efe_article(sent)
        if new or not docs:
            docs.append([])
        docs[-1].append(sent)
    return docs


def write(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write("-DOCSTART-\n\n")
            for sent in doc:
                for tok, tag in sent:
                    f.write(f"{tok}\t{tag}\n")
                f.write("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    files = read_files(sys.argv[1])
    for lang, prefix in LANGS.items():
        out = os.path.join(sys.argv[2], lang)
        os.makedirs(out, exist_ok=True)
        train = documents(files[prefix + ".train"], lang)
        write(os.path.join(out, "train.txt"), [d for i, d in enumerate(train) if i % 10 != 9])
        write(os.path.join(out, "heldout.txt"), [d for i, d in enumerate(train) if i % 10 == 9])
        write(os.path.join(out, "dev.txt"), documents(files[prefix + ".testa"], lang))
        write(os.path.join(out, "test.txt"), documents(files[prefix + ".testb"], lang))
        print(lang, len(train), "training documents", file=sys.stderr)


if __name__ == "__main__":
    main()
