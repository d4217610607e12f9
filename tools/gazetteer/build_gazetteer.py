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
import datetime
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True  # keep tools/gazetteer free of __pycache__ (sibling modules below)

from gazetteer_common import (ascii_fold, check_sources, clean, die, header, is_latin,
                              read_curated_lines, read_curated_tsv, sort_key, split_aliases,
                              uniq_sorted, warn, write_file)
from gazetteer_i18n import build_country_names_i18n, write_country_names_i18n
from gazetteer_persons import build_persons, write_persons

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
                   "kind: capital (national capital, from world-countries) | city | state | region | territory | island |",
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
    write_country_names_i18n(args.out, date, build_country_names_i18n(args.sources, countries), stats)
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
