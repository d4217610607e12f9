#!/usr/bin/env python3
"""Writes bench/queries.txt: the fixed query list of the search benchmark.

Deterministic (no randomness): re-running it reproduces the committed file.
One JSON object per line; fields:
  class    keyword | phrase | keyword_facets | person | place | date |
           filtered_facets | browse | browse_facets
  query    the user's query text (Dossier syntax; "" browses newest first)
  persons, orgs, places   entity filters (same type ORs, types AND)
  from, to                inclusive date bounds, YYYY[-MM[-DD]]
  facets                  facet names to count over all matches
  sort                    "date" for newest first
Only "keyword" and "phrase" lines also run through the plain-Xapian floor;
"keyword_facets" repeats the "keyword" queries with facets, so that the two
classes' p99 compare the same queries with and without facet counting.
The topics are foreign-affairs news of 2012-2020, the years AllSides covers.
"""
import json
import os

FACETS = ["person", "place", "org", "month"]  # Dossier's default facet set

KEYWORDS = [
    "sanctions iran", "nuclear deal", "north korea missile", "trade war china", "steel tariffs",
    "syria refugees", "russia election interference", "nato allies", "climate agreement", "brexit vote",
    "israel settlements", "gaza ceasefire", "saudi arabia yemen", "isis airstrikes", "afghanistan troops withdrawal",
    "iraq militia", "venezuela opposition", "cuba embassy", "mexico border wall", "asylum seekers",
    "ukraine military aid", "crimea annexation", "putin summit", "singapore summit kim", "south china sea",
    "taiwan arms sales", "hong kong protests", "huawei ban", "fentanyl china", "jerusalem embassy",
    "khashoggi murder", "turkey kurds", "erdogan coup", "drone strike", "chemical weapons",
    "travel ban", "foreign aid", "human rights", "security council resolution", "g7 summit",
    "european union", "terror attack paris", "cyber attack", "hacked emails", "intelligence agencies",
    "cia director", "pentagon budget", "troops germany", "japan trade", "india pakistan kashmir",
    "ebola outbreak", "coronavirus wuhan", "oil prices opec", "benghazi attack", "libya intervention",
    "egypt military", "muslim brotherhood", "hezbollah lebanon", "nafta renegotiation", "uranium enrichment",
]

PHRASES = [
    '"nuclear deal"', '"trade war"', '"travel ban"', '"border wall"', '"chemical weapons"',
    '"human rights"', '"security council"', '"islamic state"', '"north korea" sanctions', '"south china sea"',
    '"european union" brexit', '"paris agreement"', '"supreme leader"', '"prime minister" israel', '"foreign policy"',
    '"national security adviser"', '"state department" spokesman', '"white house" iran', '"secretary of state"',
    '"united nations"', '"peace talks"', '"refugee crisis"', '"climate change" summit', '"arms control"',
    '"intelligence community"', '"military action" syria', '"economic sanctions"', '"crown prince"',
    '"two-state solution"', '"missile test"',
]

PERSON_FILTERS = [
    ("sanctions", ["Putin"]), ("summit", ["Kim Jong Un"]), ("nuclear", ["Rouhani"]), ("trade", ["Xi Jinping"]),
    ("settlements", ["Netanyahu"]), ("election", ["Putin"]), ("missile", ["Kim"]), ("refugees", ["Merkel"]),
    ("brexit", ["Theresa May"]), ("tariffs", ["Trudeau"]), ("journalist", ["Mohammed bin Salman"]),
    ("chemical weapons", ["Assad"]), ("kurds", ["Erdogan"]), ("iran deal", ["Kerry"]), ("north korea", ["Tillerson"]),
    ("iran", ["Pompeo"]), ("venezuela", ["Maduro"]), ("climate", ["Macron"]), ("ukraine", ["Biden"]),
    ("meeting", ["Trump", "Putin"]),
]

PLACE_FILTERS = [
    ("sanctions", ["Iran"]), ("missile", ["North Korea"]), ("election", ["Russia"]), ("tariffs", ["China"]),
    ("refugees", ["Syria"]), ("embassy", ["Israel"]), ("troops", ["Afghanistan"]), ("oil", ["Saudi Arabia"]),
    ("protests", ["Hong Kong"]), ("aid", ["Ukraine"]), ("border", ["Mexico"]), ("opposition", ["Venezuela"]),
    ("trade", ["Japan"]), ("attack", ["France"]), ("brexit", ["United Kingdom"]), ("coup", ["Turkey"]),
    ("militia", ["Iraq"]), ("rockets", ["Gaza"]), ("embargo", ["Cuba"]), ("summit", ["South Korea", "North Korea"]),
]

DATE_FILTERS = [
    ("iran nuclear", "2015", "2015"), ("north korea", "2017-08", "2017-12"), ("trade war", "2018", "2019"),
    ("syria", "2013-08", "2013-09"), ("crimea", "2014", "2014"), ("brexit", "2016-06", "2016-07"),
    ("election interference", "2017", None), ("refugees", "2015-09", "2015-12"), ("paris attack", "2015-11", "2015-12"),
    ("ebola", "2014", "2014"), ("benghazi", "2012-09", "2013"), ("travel ban", "2017-01", "2017-03"),
    ("khashoggi", "2018-10", None), ("jerusalem embassy", "2017-12", "2018-05"), ("impeachment ukraine", "2019-09", None),
    ("coronavirus", "2020", "2020"), ("hong kong", "2019", "2019"), ("isis", "2014", "2015"),
    ("venezuela", "2019-01", "2019-06"), ("putin summit", "2018-07", "2018-07"),
]

FILTERED_FACETS = [
    {"query": "sanctions", "places": ["Iran"]}, {"query": "nuclear", "places": ["North Korea"]},
    {"query": "trade", "persons": ["Xi Jinping"]}, {"query": "election", "persons": ["Putin"]},
    {"query": "refugees", "places": ["Syria"]}, {"query": "embassy", "places": ["Israel"]},
    {"query": "summit", "persons": ["Trump"]}, {"query": "troops", "places": ["Afghanistan"]},
    {"query": "tariffs", "from": "2018", "to": "2019"}, {"query": "brexit", "from": "2016", "to": "2020"},
    {"query": "oil", "places": ["Saudi Arabia"]}, {"query": "protests", "places": ["Hong Kong"]},
    {"query": "aid", "places": ["Ukraine"], "from": "2019"}, {"query": "border", "places": ["Mexico"]},
    {"query": "iran", "persons": ["Pompeo"]}, {"query": "missile", "persons": ["Kim Jong Un"]},
    {"query": "climate", "places": ["France"]}, {"query": "coup", "places": ["Turkey"]},
    {"query": "president", "places": ["Russia"], "persons": ["Trump"]}, {"query": "war", "from": "2013", "to": "2014"},
]

BROWSE = [
    {}, {"from": "2019"}, {"places": ["China"]}, {"persons": ["Putin"]}, {"from": "2016-01", "to": "2016-12"},
]


def lines():
    for q in KEYWORDS:
        yield {"class": "keyword", "query": q}
    for q in PHRASES:
        yield {"class": "phrase", "query": q}
    for q in KEYWORDS:
        yield {"class": "keyword_facets", "query": q, "facets": FACETS}
    for q, persons in PERSON_FILTERS:
        yield {"class": "person", "query": q, "persons": persons}
    for q, places in PLACE_FILTERS:
        yield {"class": "place", "query": q, "places": places}
    for q, lo, hi in DATE_FILTERS:
        line = {"class": "date", "query": q, "from": lo}
        if hi:
            line["to"] = hi
        yield line
    for f in FILTERED_FACETS:
        yield {"class": "filtered_facets", **f, "facets": FACETS}
    for f in BROWSE:
        yield {"class": "browse", "query": "", **f, "sort": "date"}
    for f in BROWSE:
        yield {"class": "browse_facets", "query": "", **f, "sort": "date", "facets": FACETS}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.txt")
    rows = list(lines())
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Dossier search benchmark queries: one JSON object per line; see bench/make_queries.py\n")
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} queries to {out}")


if __name__ == "__main__":
    main()
