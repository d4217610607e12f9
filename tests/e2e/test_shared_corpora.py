"""Real news at scale (when ../shared/corpora is present): the 417 BBC politics
texts and 2,000 AllSides articles. Checks counts, titles, and that every article
with a usable metadata date gets exactly that date (AllSides dates are ground truth)."""
import datetime
import gzip
import json
import os
import sys

from e2e import *

if not os.path.isdir(SHARED_CORPORA):
    print(f"SKIP: {SHARED_CORPORA} not present (a user's machine does not have it)")
    sys.exit(SKIP)

work = tmpdir()
db = os.path.join(work, "db")
feed_dir = os.path.join(work, "allsides")
os.makedirs(feed_dir)
records = []
with gzip.open(os.path.join(SHARED_CORPORA, "allsides", "articles.jsonl.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        records.append(json.loads(line))
        if len(records) == 2000:
            break
with open(os.path.join(feed_dir, "allsides-2000.jsonl"), "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r) + "\n")


def expected_date(raw):
    """The metadata date as ground truth, or None when it is missing/implausible."""
    raw = (raw or "").strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y"):
        try:
            d = datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if datetime.date(1800, 1, 1) <= d <= datetime.date.today() + datetime.timedelta(days=730):
            return d.isoformat()
        return None
    return None


bbc = os.path.join(SHARED_CORPORA, "bbc-politics")
s1 = run_json("index", bbc, "--db", db)
check_eq(s1["added"], 417, "BBC politics articles indexed")
s2 = run_json("index", feed_dir, "--db", db)
check_eq(s2["added"], 2000, "AllSides articles indexed")
check_eq(run_json("stats", "--db", db)["articles"], 2417, "total articles")

# BBC: title is line 1 of each file.
res = run_json("search", "", "--db", db, "--limit", "5000")
check_eq(res["total"], 2417, "browse total")
by_path = {r["path"]: r for r in res["results"]}
bad_titles = 0
for name in sorted(os.listdir(bbc)):
    with open(os.path.join(bbc, name), encoding="utf-8", errors="replace") as f:
        title = " ".join(f.readline().split())  # Dossier collapses runs of spaces in titles
    hit = by_path.get(os.path.join(bbc, name))
    if not hit or hit["title"] != title:
        bad_titles += 1
check_eq(bad_titles, 0, "BBC articles whose title is not their first line")

# AllSides: ids from the ID field; dates equal the metadata dates.
by_id = {r["id"]: r for r in res["results"]}
wrong, checked, fallback = [], 0, 0
for rec in records:
    hit = by_id.get(rec["ID"])
    if not check(hit is not None, f"AllSides article {rec['ID']} found by its own id"):
        continue
    exp = expected_date(rec.get("date"))
    if exp is None:
        fallback += 1
        continue
    checked += 1
    if hit["date"] != exp:
        wrong.append((rec["ID"], rec.get("date"), hit["date"]))
print(f"AllSides: {checked} dates checked against metadata, {fallback} without usable metadata date")
check(not wrong, f"{len(wrong)} AllSides dates differ from metadata, e.g. {wrong[:5]}")

# Searching the real corpus works: keywords, phrases, date ranges.
r = run_json("search", '"white house"', "--db", db, "--limit", "5")
check(r["total"] > 10, f"phrase 'white house' matches many articles ({r['total']})")
years = sorted({r["date"][:4] for r in res["results"] if r["date"] and r["id"] in {x["ID"] for x in records}})
y = years[len(years) // 2]
r = run_json("search", "", "--db", db, "--from", y, "--to", y, "--limit", "5000")
exp_y = sum(1 for rec in records if (expected_date(rec.get("date")) or "").startswith(y))
check(r["total"] >= exp_y, f"year {y}: at least the {exp_y} metadata-dated articles ({r['total']})")
finish()
