#!/usr/bin/env python3
"""Convert a GermEval 2014 file (NER-de-dev.tsv, NER-de-test.tsv) to a CoNLL file for measuring a
PER/LOC/ORG model (`newsmon eval ner --scheme wikiann`).

Only the outer annotation level is read; PER, LOC and ORG are kept, and OTH and the derived and
part types (LOCderiv, ORGpart, …) become O, since the model has no such types. Each sentence is a
document of its own (GermEval samples single sentences from news and Wikipedia).

Usage: python3 tools/nerdata/germeval.py NER-de-test.tsv OUT.txt
"""
import sys

KEEP = {"PER", "LOC", "ORG"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
        sent = []
        for line in list(f) + [""]:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                if sent:
                    out.write("-DOCSTART-\n\n")
                    out.write("".join(f"{t}\t{g}\n" for t, g in sent) + "\n")
                sent = []
                continue
            tag = parts[2]
            if tag != "O" and tag[2:] not in KEEP:
                tag = "O"
            sent.append((parts[1], tag))


if __name__ == "__main__":
    main()
