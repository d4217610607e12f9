"""Persons for persons.tsv: heads of state/government, foreign ministers,
heads of international organisations and senior cabinet ministers from the
EveryPolitician snapshots, merged with curated/persons.tsv."""

import os
import re

from gazetteer_common import (ascii_fold, clean, die, header, load_csv, read_curated_tsv,
                              sort_key, split_aliases, strip_disambiguation, uniq_sorted, warn,
                              write_file, year)


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



SUBNATIONAL = re.compile(r"\b(Province|Region|Oblast|State of|Provincial|Territory|Mayor)\b|"
                         r" of (Quebec|Ontario|Alberta|Abruzzo|New South Wales|Victoria|Queensland)", re.I)


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
