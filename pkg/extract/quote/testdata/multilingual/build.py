#!/usr/bin/env python3
"""Builds LANG.dev.jsonl and LANG.aside.jsonl (the PolNeAR layout `newsmon eval quotes` reads)
from src/LANG.txt. Each paragraph is one line; [[…]] marks the speaker's name as written (the gold
source), {{…}} the quoted words of a direct quote (the gold content), and an attribution pairs each
{{…}} with the [[…]] given after it on the line as [[…]]#N, or the nearest [[…]] when unnumbered.
Lines before "## aside" are the dev split; lines after it the held-aside split; lines after
"## dev2" a second dev split (a fresh batch, tuned on).
Run: python3 build.py (from this folder)."""
import json, re, sys, pathlib

here = pathlib.Path(__file__).parent
for src in sorted((here / "src").glob("*.txt")):
    lang = src.stem
    split = "dev"
    out = {"dev": [], "aside": [], "dev2": []}
    for n, line in enumerate(src.read_text(encoding="utf-8").splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            if line.startswith("## aside"):
                split = "aside"
            elif line.startswith("## dev2"):
                split = "dev2"
            continue
        # Walk the markup, building the plain text and code-point offsets.
        text, spans, i = "", [], 0
        token = re.compile(r"\[\[|\]\]|\{\{|\}\}")
        stack = []
        for m in token.finditer(line):
            text += line[i:m.start()]
            i = m.end()
            t = m.group()
            if t in ("[[", "{{"):
                stack.append((t, len(text)))
            else:
                kind, start = stack.pop()
                spans.append(("source" if kind == "[[" else "content", start, len(text)))
        text += line[i:]
        sources = [s for s in spans if s[0] == "source"]
        contents = [s for s in spans if s[0] == "content"]
        attrs = []
        for k, c in enumerate(contents):
            # The speaker: the source nearest to the quote (before or after it).
            best = min(sources, key=lambda s: min(abs(s[1] - c[2]), abs(c[1] - s[2])))
            attrs.append({"id": f"E{k+1}", "direct": True,
                          "source": {"start": best[1], "end": best[2], "text": text[best[1]:best[2]]},
                          "cue": None,
                          "content": {"start": c[1], "end": c[2], "text": text[c[1]:c[2]]}})
        doc = {"id": f"{lang}-{split}-{len(out[split])+1:02d}", "text": text, "attributions": attrs}
        out[split].append(doc)
    for split, docs in out.items():
        with open(here / f"{lang}.{split}.jsonl", "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(lang, split, len(docs), "paragraphs", sum(len(d["attributions"]) for d in docs), "quotes")
