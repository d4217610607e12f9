"""End to end over the bundled corpus/: index it, then check counts, every
article's id and date against tests/data/corpus_expected.json, and the query
features (keywords, stemming, phrases, booleans, fields, dates, browse, paging)."""
import json
import os
import shutil

from e2e import *

db = os.path.join(tmpdir(), "db")
corpus = os.path.join(SOURCE_DIR, "corpus")
expected = json.load(open(os.path.join(SOURCE_DIR, "tests", "data", "corpus_expected.json")))

summary = run_json("index", corpus, "--db", db)
check_eq(summary["added"], len(expected), "articles added on first run")
check_eq(summary["updated"], 0, "articles updated on first run")
check([s for s in summary["skipped"] if s["path"].endswith("README.md")] != [], "corpus/README.md skipped as not an article")

# Indexing again changes nothing: every file is recognised as unchanged.
again = run_json("index", corpus, "--db", db)
check_eq((again["added"], again["updated"], again["removed"]), (0, 0, 0), "second run adds/updates/removes nothing")
check_eq(again["files_unchanged"], len({e["file"] for e in expected}), "second run: every article file unchanged")
stats = run_json("stats", "--db", db)
check_eq(stats["articles"], len(expected), "article count after two runs")
check(stats["formats"].keys() >= {"txt", "md", "json", "jsonl", "html"}, f"all formats seen: {stats['formats']}")

# Every article: found by browsing, with the right id and date.
browse = run_json("search", "", "--db", db, "--limit", "1000")
check_eq(browse["total"], len(expected), "browse total")
by_path = {}
for r in browse["results"]:
    by_path.setdefault(os.path.relpath(r["path"], corpus), []).append(r)
dates = [r["date"] for r in browse["results"] if r["date"]]
check(dates == sorted(dates, reverse=True), "browse lists newest first")
for e in expected:
    hits = by_path.get(e["file"], [])
    if e["id"]:
        match = [r for r in hits if r["id"] == e["id"]]
        check(len(match) == 1, f"{e['file']} record {e['record']}: one result with id {e['id']!r}, got {[r['id'] for r in hits]}")
    else:
        match = hits if len(hits) == 1 else [r for r in hits if r["title"] == e["title"]]
        check(len(match) == 1, f"{e['file']}: exactly one result without own id, got {len(match)}")
    if len(match) == 1:
        check_eq(match[0]["date"], e["date"], f"date of {e['file']} record {e['record']}")
        if e["title"]:
            check_eq(match[0]["title"], e["title"], f"title of {e['file']} record {e['record']}")

def ids(res):
    return [r["id"] for r in res["results"]]

def total(*args):
    """Exact number of matches (asks for every result so the total is exact)."""
    res = run_json("search", *args, "--limit", "10000")
    check(res["total_exact"], f"total exact for {args}")
    return res["total"]

# Stemming: "missiles" finds "missile"; results have highlighted snippets in human output.
r = run_json("search", "missiles", "--db", db)
check(r["total"] >= 2, f"'missiles' matches several articles, got {r['total']}")
check(all(r_["snippet"] for r_ in r["results"]), "every hit has a snippet")
human = run("search", "missile", "--db", db, "--limit", "2").stdout
check("[missile" in human.lower() or "[missiles" in human.lower(), f"human output highlights the query word:\n{human[:800]}")

# Phrases: the words adjacent, in order.
r = run_json("search", '"humanitarian pause"', "--db", db)
check(r["total"] >= 1, "phrase 'humanitarian pause' found")
r_rev = run_json("search", '"pause humanitarian"', "--db", db)
check(r_rev["total"] < r["total"] or r_rev["total"] == 0, "reversed phrase does not match like the phrase")

# Booleans, +/- and NOT.
a = total("sanctions", "--db", db)
b = total("sanctions NOT Russia", "--db", db)
c = total("sanctions -Russia", "--db", db)
d = total("sanctions OR ceasefire", "--db", db)
check(a > 0 and b < a, f"NOT narrows: sanctions={a}, sanctions NOT Russia={b}")
check_eq(c, b, "-Russia equals NOT Russia")
check(d > a, f"OR widens: {d} > {a}")

# Wildcards over stemmed terms.
w = total("sanction*", "--db", db)
check(w >= a, f"sanction* matches at least what sanctions does ({w} >= {a})")
n = total("negotiat*", "--db", db)
check(n > 0, "negotiat* matches negotiations/negotiators")

# Diacritics: erdogan finds Erdoğan, and the exact form still works.
e1 = total("erdogan", "--db", db)
e2 = total("Erdoğan", "--db", db)
check(e1 > 0 and e1 == e2, f"erdogan ({e1}) and Erdoğan ({e2}) find the same articles")

# Fields: title: and source:, and date: inside the query.
t = run_json("search", "title:ceasefire", "--db", db)
check(t["total"] >= 1 and all("ceasefire" in x["title"].lower() or "truce" in x["title"].lower() for x in t["results"]),
      f"title:ceasefire hits have it in the title: {[x['title'] for x in t['results']]}")
sources = {x["source"] for x in browse["results"] if x["source"]}
src = sorted(sources)[0]
first_word = src.split()[0]
s = run_json("search", "", "--db", db, "--limit", "1000", "--from", "1900")  # all dated
sq = run_json("search", f'source:"{src}"', "--db", db, "--limit", "1000")
check(sq["total"] >= 1 and all(x["source"] == src for x in sq["results"]), f"source:\"{src}\" only returns that source")
sw = run_json("search", f"source:{first_word.lower()}", "--db", db, "--limit", "1000")
check(sw["total"] >= sq["total"], f"source:{first_word.lower()} matches by one word of the outlet name")

nov = run_json("search", "", "--db", db, "--from", "2023-11", "--to", "2023-11", "--limit", "100")
exp_nov = [e for e in expected if e["date"].startswith("2023-11")]
check_eq(nov["total"], len(exp_nov), "articles in November 2023 (--from/--to month precision)")
check(all(x["date"].startswith("2023-11") for x in nov["results"]), "all November results dated in November")
qnov = run_json("search", "date:2023-11-01..2023-11-30", "--db", db, "--limit", "100")
check_eq(qnov["total"], len(exp_nov), "date:2023-11-01..2023-11-30 inside the query")
y = total("", "--db", db, "--from", "2024", "--to", "2024")
check_eq(y, len([e for e in expected if e["date"].startswith("2024")]), "year precision --from 2024 --to 2024")

# The retold APEC story: Nov. 14, 2023.
apec = run_json("search", "Kamikawa Blinken", "--db", db, "--from", "2023-11-14", "--to", "2023-11-14")
check(any("san-francisco" in x["path"] for x in apec["results"]), "APEC ministers' story found on 2023-11-14")

# Paging: offset continues where limit stopped; total exact when small.
p1 = run_json("search", "", "--db", db, "--limit", "5")
p2 = run_json("search", "", "--db", db, "--limit", "5", "--offset", "5")
check(not set(ids(p1)) & set(ids(p2)), "pages do not overlap")
check_eq(p2["results"][0]["rank"], 6, "rank continues across pages")

# Sorting by date.
sd = run_json("search", "sanctions", "--db", db, "--sort", "date", "--limit", "100")
ds = [x["date"] for x in sd["results"] if x["date"]]
check(ds == sorted(ds, reverse=True), "--sort date is newest first")

# Spelling suggestion for a misspelled word, and none for a word in the index.
check_eq(run_json("search", "missile", "--db", db)["suggestion"], None, "no suggestion for an indexed word")
sp = run_json("search", "sanctons", "--db", db)
check(sp["suggestion"] is not None and "sanction" in sp["suggestion"], f"suggestion for 'sanctons': {sp['suggestion']!r}")

# JSON shape is stable.
one = run_json("search", "ceasefire", "--db", db, "--limit", "1")
check(set(one) >= {"query", "total", "results", "suggestion"}, f"top-level keys: {sorted(one)}")
check(set(one["results"][0]) >= {"id", "title", "date", "source", "authors", "url", "path", "score", "snippet"},
      f"result keys: {sorted(one['results'][0])}")

shutil.rmtree(os.path.dirname(db), ignore_errors=True)
finish()
