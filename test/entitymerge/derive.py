#!/usr/bin/env python3
"""Derive test/entitymerge/mentions.jsonl from the hand annotations of test/evaldocs.

Mention strings and in-document identities come from the tune documents of test/evaldocs (people
and organisations: each entity's name and aliases, kept only when the text holds them as whole
words); the cross-document identity of each is the entity's name, except where IDENTITY below says
that one name stands for different bodies in different stories (read in the texts). evaldocs'
aside documents are not read. Every third document (sorted by key) is held aside here.

    python3 tools/evaldocs/select.py --data ../shared/data --dump /tmp/mergetexts
    python3 test/entitymerge/derive.py /tmp/mergetexts > test/entitymerge/mentions.jsonl
"""
import glob, json, os, re, sys

# (document key prefix, entity name) -> identity, where the same name is another body.
IDENTITY = {
    ("demo:latam-post/", "Congress"): "Congress (Brazil)",
    ("demo:africa-today/kenya", "Parliament"): "Parliament (Kenya)",
    ("demo:daily-ledger/kenya", "Parliament"): "Parliament (Kenya)",
    ("demo:africa-today/kenya", "Senate"): "Senate (Kenya)",
    ("demo:daily-ledger/kenya", "Senate"): "Senate (Kenya)",
    ("demo:africa-today/nigeria", "Senate"): "Senate (Nigeria)",
    ("demo:africa-today/kenya", "National Assembly"): "National Assembly (Kenya)",
    ("demo:africa-today/nigeria", "National Assembly"): "National Assembly (Nigeria)",
    ("demo:africa-today/nigeria", "House of Representatives"): "House of Representatives (Nigeria)",
}


# name -> identity in every document: the annotation named the entity by a short form or an
# acronym that its full name elsewhere in the set stands for (read in the texts: the 2019 story's
# "Vice President Pence" and "Schiff" of the House Intelligence Committee, "President Bush" in
# January 2005, Reagan in 1987, the US "House").
RENAME = {
    "Pence": "Mike Pence", "Schiff": "Adam Schiff", "Bush": "George W. Bush", "Reagan": "Ronald Reagan",
    "IMF": "International Monetary Fund", "EU": "European Union", "GOP": "Republican Party",
    "House": "House of Representatives", "New York Times": "The New York Times", "Commons": "House of Commons",
    "Paul D. Ryan": "Paul Ryan",
}


def identity(doc, name):
    name = RENAME.get(name, name)
    for (prefix, n), ident in IDENTITY.items():
        if doc.startswith(prefix) and n == name:
            return ident
    return name


def text_of(doc, dump):
    if doc.startswith("demo:"):
        return open("internal/demo/site/articles/" + doc[5:] + ".md").read().split("---", 2)[2]
    return open(os.path.join(dump, doc.replace(":", "_").replace("/", "_") + ".txt")).read()


def main():
    dump = sys.argv[1]
    docs = []
    for f in sorted(glob.glob("test/evaldocs/*.jsonl")):
        for line in open(f):
            o = json.loads(line)
            if o.get("split") == "aside":
                continue
            docs.append(o)
    docs.sort(key=lambda o: o["doc"])
    for i, o in enumerate(docs):
        text = text_of(o["doc"], dump)
        mentions, seen = [], set()
        for e in o["entities"]:
            if e["type"] not in ("PERSON", "ORG"):
                continue
            for s in [e["name"]] + e.get("aliases", []):
                if s in seen or not re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
                    continue
                seen.add(s)
                mentions.append({"text": s, "type": e["type"], "id": identity(o["doc"], e["name"])})
        if mentions:
            out = {"doc": o["doc"], "split": "aside" if i % 3 == 2 else "tune", "mentions": mentions}
            if o.get("published"):
                out["published"] = o["published"]
            print(json.dumps(out, ensure_ascii=False))


main()
