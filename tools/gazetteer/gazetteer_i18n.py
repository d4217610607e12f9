"""countries_i18n.tsv: country names in other languages than English (and French
demonyms), from world-countries' translations, for articles written in those
languages ("Brasil", "Estados Unidos", "Allemagne", "françaises"). The tagger
looks them up only in an article in that language: in English text the German
"Island" is no Iceland. Part of build_gazetteer.py."""

import json
import os
import re

from gazetteer_common import clean, header, sort_key, uniq_sorted, warn, write_file

# world-countries' translation keys (ISO 639-2/3) -> the ISO 639-1 codes that
# articles carry. Scripts without spaces between words (Chinese, Japanese) and
# scripts whose articles glue to the noun (Arabic, Persian, Urdu) are left out:
# their names would not match as whole tokens.
LANGUAGES = {
    "ces": "cs", "deu": "de", "est": "et", "fin": "fi", "fra": "fr", "hrv": "hr", "hun": "hu",
    "ita": "it", "kor": "ko", "nld": "nl", "pol": "pl", "por": "pt", "rus": "ru", "slk": "sk",
    "spa": "es", "srp": "sr", "swe": "sv", "tur": "tr",
}


def french_plurals(word):
    """'française' -> 'françaises', 'allemand' -> 'allemands'; 'français' stays."""
    if word.endswith(("s", "x", "z")):
        return []
    return [word + ("x" if word.endswith("eau") else "s")]


def build_country_names_i18n(src, countries):
    """{lang: {canonical: {"names": set, "demonyms": set}}} for the countries kept in countries.tsv."""
    with open(os.path.join(src, "world-countries", "countries.json"), encoding="utf-8") as f:
        wc = json.load(f)
    independent = {countries[r["cca2"]]["canonical"] for r in wc if r["cca2"] in countries and r.get("independent")}
    english = set()  # every English name and demonym: never a localized name too
    for c in countries.values():
        english |= {c["canonical"].casefold()} | {a.casefold() for a in c["aliases"] | c["demonyms"]}
    out = {}
    for rec in wc:
        iso = rec["cca2"]
        if iso not in countries:
            continue
        canonical = countries[iso]["canonical"]
        for code, lang in LANGUAGES.items():
            t = rec.get("translations", {}).get(code)
            if not t:
                continue
            entry = out.setdefault(lang, {}).setdefault(canonical, {"names": set(), "demonyms": set()})
            for name in (t.get("common", ""),):
                name = clean(name)
                if name and name.casefold() not in english and "(" not in name and "," not in name:
                    entry["names"].add(name)
        fra = rec.get("demonyms", {}).get("fra", {})
        entry = out.setdefault("fr", {}).setdefault(canonical, {"names": set(), "demonyms": set()})
        for g in ("m", "f"):
            d = clean(fra.get(g, ""))
            if d and " " not in d and d.casefold() not in english:
                low = d[0].lower() + d[1:]  # French writes the adjective in lowercase
                for w in [d, low] + french_plurals(d) + french_plurals(low):
                    entry["demonyms"].add(w)
    # A name two countries share in one language belongs to the one independent
    # country among them ("français": France, not Réunion or Martinique), else
    # to none ("congolais").
    for lang, by_country in out.items():
        owners = {}
        for canonical, e in by_country.items():
            for n in e["names"] | e["demonyms"]:
                owners.setdefault(n.casefold(), set()).add(canonical)
        keeper = {}
        for n, cs in owners.items():
            if len(cs) > 1:
                sovereign = cs & independent
                keeper[n] = next(iter(sovereign)) if len(sovereign) == 1 else None
        dropped = sorted(n for n, k in keeper.items() if k is None)
        if dropped:
            warn("countries_i18n %s: %d names shared by two countries dropped (%s)"
                 % (lang, len(dropped), ", ".join(dropped[:5])))
        for canonical, e in by_country.items():
            for field in ("names", "demonyms"):
                e[field] = {n for n in e[field] if keeper.get(n.casefold(), canonical) == canonical}
    return out


def write_country_names_i18n(out_dir, date, names, stats):
    rows = []
    for lang in sorted(names):
        for canonical, e in names[lang].items():
            if not e["names"] and not e["demonyms"]:
                continue
            rows.append("\t".join([lang, canonical, "|".join(uniq_sorted(e["names"])),
                                   "|".join(uniq_sorted(e["demonyms"]))]))
    rows.sort(key=lambda r: (r.split("\t")[0], sort_key(r.split("\t")[1])))
    head = header("countries_i18n.tsv", date, ["world-countries"],
                  "lang (ISO 639-1)<TAB>canonical (as in countries.tsv)<TAB>names in that language ('|'-separated)"
                  "<TAB>demonyms/adjectives ('|'-separated; French only)",
                  ["Licence: derived from world-countries (ODbL 1.0, share-alike): this file is offered under ODbL 1.0.",
                   "Names: world-countries' translations (common names); demonyms: its French demonyms, with",
                   "  lowercase and plural forms ('allemande', 'allemandes'). Names equal to an English name or",
                   "  demonym of any country are left out (countries.tsv has them), and so are names two countries",
                   "  share in one language.",
                   "The tagger matches these only in articles in that language."])
    write_file(out_dir, "countries_i18n.tsv", head, rows, stats)
