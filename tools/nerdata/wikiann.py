#!/usr/bin/env python3
"""Convert WikiANN (Rahimi et al. 2019 splits, as in davidsbatista/NER-datasets) to the CoNLL files
`newsmon train ner` reads.

Input: a directory holding train, dev and test of one language (lines "fr:token<TAB>TAG", IOB2,
PER/LOC/ORG, sentences separated by empty lines). Output in OUT/<lang>/: train.txt (train less every
10th sentence), heldout.txt (every 10th training sentence: never trained or stopped on), dev.txt
(early stopping) and test.txt (measured only). WikiANN's sentences are unrelated Wikipedia
fragments, so each is a document of its own.

Usage: python3 tools/nerdata/wikiann.py DIR LANG OUT
"""
import os
import sys

from conll2002 import write  # each sentence is written as a document of its own


def sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0]:
                if sent:
                    yield sent
                sent = []
                continue
            tok = parts[0].split(":", 1)[1] if ":" in parts[0] else parts[0]
            if tok == "":
                continue
            sent.append((tok, parts[-1].strip()))
    if sent:
        yield sent


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, lang, out = sys.argv[1:]
    out = os.path.join(out, lang)
    os.makedirs(out, exist_ok=True)
    train = list(sentences(os.path.join(src, "train")))
    write(os.path.join(out, "train.txt"), [[s] for i, s in enumerate(train) if i % 10 != 9])
    write(os.path.join(out, "heldout.txt"), [[s] for i, s in enumerate(train) if i % 10 == 9])
    write(os.path.join(out, "dev.txt"), [[s] for s in sentences(os.path.join(src, "dev"))])
    write(os.path.join(out, "test.txt"), [[s] for s in sentences(os.path.join(src, "test"))])
    print(lang, len(train), "training sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
