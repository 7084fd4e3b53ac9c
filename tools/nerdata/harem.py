#!/usr/bin/env python3
"""Convert First HAREM in CoNLL form (Paramopama's corpus_First_HAREM.txt: TOKEN<TAB>TYPE, IO tags
PESSOA/LOCAL/ORGANIZACAO/TEMPO/VALOR) to a CoNLL file for measuring a PER/LOC/ORG model
(`newsmon eval ner --scheme wikiann`).

PESSOA, LOCAL and ORGANIZACAO become PER, LOC and ORG, the rest O; a run of one type is one entity
(the IO tags cannot tell two touching names apart). Every 20 sentences make a document.

Usage: python3 tools/nerdata/harem.py corpus_First_HAREM.txt OUT.txt
"""
import sys

TYPES = {"PESSOA": "PER", "LOCAL": "LOC", "ORGANIZACAO": "ORG"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sents, sent = [], []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in list(f) + [""]:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].strip():
                if sent:
                    sents.append(sent)
                sent = []
                continue
            sent.append((parts[0], TYPES.get(parts[-1].strip(), "O")))
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for i, sent in enumerate(sents):
            if i % 20 == 0:
                out.write("-DOCSTART-\n\n")
            prev = "O"
            for tok, typ in sent:
                tag = "O" if typ == "O" else ("I-" if typ == prev else "B-") + typ
                out.write(f"{tok}\t{tag}\n")
                prev = typ
            out.write("\n")


if __name__ == "__main__":
    main()
