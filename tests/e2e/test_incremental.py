"""Incremental indexing: re-runs index only what changed (new, changed, touched,
deleted files; JSONL records that vanished), several folders share a database
without touching each other, and --no-delete keeps articles of vanished files."""
import json
import os
import time

from e2e import *

work = tmpdir()
a, b, db = os.path.join(work, "a"), os.path.join(work, "b"), os.path.join(work, "db")


def story(title, day, words):
    return f"{title}\n\nDiplomats met on {day} to discuss {words}.\n"


write(f"{a}/one.txt", story("One", "2023-01-01", "tariffs"))
write(f"{a}/two.txt", story("Two", "2023-01-02", "sanctions"))
write(f"{a}/sub/three.txt", story("Three", "2023-01-03", "ceasefire"))
write(f"{a}/feed.jsonl", "\n".join(json.dumps({"id": f"r{i}", "title": f"Record {i}", "date": "2023-02-01",
                                               "body": f"Record number {i} on trade."}) for i in range(5)) + "\n")
write(f"{b}/other.txt", story("Other", "2023-03-01", "elections"))

s = run_json("index", a, "--db", db)
check_eq((s["added"], s["updated"], s["removed"], s["files_unchanged"]), (8, 0, 0, 0), "first run of a")
s = run_json("index", b, "--db", db)
check_eq((s["added"], s["files_unchanged"]), (1, 0), "b into the same database")
check_eq(run_json("stats", "--db", db)["articles"], 9, "a + b")

s = run_json("index", a, "--db", db)
check_eq((s["added"], s["updated"], s["removed"], s["files_unchanged"]), (0, 0, 0, 4), "unchanged re-run of a")

time.sleep(0.01)
write(f"{a}/two.txt", story("Two revised", "2023-01-02", "sanctions relief"))      # changed
write(f"{a}/four.txt", story("Four", "2023-01-04", "missiles"))                     # new
os.remove(f"{a}/sub/three.txt")                                                     # deleted
os.utime(f"{a}/one.txt", (time.time() + 5, time.time() + 5))                       # touched, same content
write(f"{a}/feed.jsonl", "\n".join(json.dumps({"id": f"r{i}", "title": f"Record {i}", "date": "2023-02-01",
                                               "body": f"Record number {i} on trade."}) for i in (0, 1, 3)) + "\n")
s = run_json("index", a, "--db", db)
check_eq(s["added"], 1, "new file added")
check_eq(s["updated"], 4, "changed txt + 3 surviving JSONL records replaced")
check_eq(s["removed"], 3, "deleted file's article + 2 vanished JSONL records removed")
check_eq(s["files_unchanged"], 1, "touched file recognised by content hash")
check_eq(s["files_removed"], 1, "one file gone")
check_eq(run_json("stats", "--db", db)["articles"], 7, "articles after changes (a: one, two, four + 3 records; b: other)")
check_eq(run_json("search", "relief", "--db", db)["total"], 1, "changed text searchable")
check_eq(run_json("search", "ceasefire", "--db", db)["total"], 0, "deleted file's text gone")
check_eq(run_json("search", "elections", "--db", db)["total"], 1, "other folder untouched")
ids = {r["id"] for r in run_json("search", "", "--db", db, "--limit", "100")["results"]}
check(ids >= {"r0", "r1", "r3"} and not ids & {"r2", "r4"}, f"JSONL records present/removed: {sorted(ids)}")

# --no-delete keeps articles of vanished files.
os.remove(f"{a}/four.txt")
s = run_json("index", a, "--db", db, "--no-delete")
check_eq((s["removed"], s["files_removed"]), (0, 0), "--no-delete removes nothing")
check_eq(run_json("search", "missiles", "--db", db)["total"], 1, "vanished file's article kept with --no-delete")
s = run_json("index", a, "--db", db)
check_eq(s["files_removed"], 1, "without --no-delete it goes")

# A file that turns unreadable keeps its earlier articles.
write(f"{a}/feed.jsonl", "{broken\n")
s = run_json("index", a, "--db", db)
check(any(x["path"].endswith("feed.jsonl") for x in s["skipped"]), "broken feed reported")
check_eq(run_json("search", "record", "--db", db)["total"], 3, "broken feed's earlier records kept")
# Compaction keeps every article and the incremental state.
before = run_json("search", "", "--db", db, "--limit", "100")
p = run("compact", "--db", db)
check("Compacted" in p.stdout, f"compact reports: {p.stdout!r}")
after = run_json("search", "", "--db", db, "--limit", "100")
check_eq(sorted(r["id"] for r in after["results"]), sorted(r["id"] for r in before["results"]), "same articles after compact")


def table_sizes(db_dir):
    """Sizes of the B-tree files of the generation the stub names."""
    with open(os.path.join(db_dir, "XAPIANDB")) as f:
        gen = os.path.join(db_dir, f.read().split()[1])
    return {n: os.path.getsize(os.path.join(gen, n)) for n in os.listdir(gen) if n.endswith(".glass")}


# A published generation has 64 KiB blocks (indexer/shard_merge.h): every table
# file is a whole number of them, which 8 KiB blocks would not give this small database.
sizes = table_sizes(db)
check(sizes and all(v > 0 and v % 65536 == 0 for v in sizes.values()), f"64 KiB blocks after compact: {sizes}")
s = run_json("index", a, "--db", db)
check_eq((s["added"], s["updated"], s["removed"]), (0, 0, 0), "after compact, a re-run still sees every file unchanged")

# The bulk path (shards merged by compaction) gives the same database as the direct one.
d1, d2 = os.path.join(work, "direct"), os.path.join(work, "bulk")
run("index", a, "--db", d1, "--mode", "direct", "--quiet")
sb = run_json("index", a, "--db", d2, "--mode", "bulk", "--shard-size", "10")
check(sb["bulk"], "bulk mode used")
sizes = table_sizes(d2)
check(sizes and all(v > 0 and v % 65536 == 0 for v in sizes.values()), f"64 KiB blocks after a bulk merge: {sizes}")
r1 = run_json("search", "", "--db", d1, "--limit", "100")["results"]
r2 = run_json("search", "", "--db", d2, "--limit", "100")["results"]
check_eq(sorted((r["id"], r["date"], r["title"]) for r in r2), sorted((r["id"], r["date"], r["title"]) for r in r1),
         "bulk and direct modes index the same articles")
for q in ("trade", "record", '"record number"'):
    check_eq(run_json("search", q, "--db", d2)["total"], run_json("search", q, "--db", d1)["total"], f"same hits for {q!r}")
s = run_json("index", a, "--db", d2)
check_eq((s["added"], s["updated"], s["removed"]), (0, 0, 0), "bulk-built database is incremental too")

# Bulk mode's spelling table ("Did you mean") holds a word once the run has seen
# it in two articles, whichever shards they fell in (it used to take two in one
# shard, so a word of two articles in different shards was never suggested).
sp, spdb = os.path.join(work, "spelling"), os.path.join(work, "spelling-db")
for i in range(30):
    extra = " The zanzibarian envoy spoke." if i in (1, 25) else ""
    write(f"{sp}/{i:02d}.txt", story(f"Note {i}", "2023-02-01", "shipping lanes") + extra)
run("index", sp, "--db", spdb, "--mode", "bulk", "--shard-size", "10", "--threads", "1", "--no-entities", "--quiet")
typo = run_json("search", "zanzibarain", "--db", spdb)
check_eq((typo["total"], typo.get("suggestion")), (0, "zanzibarian"), "suggestion for a word in two shards")
check_eq(run_json("search", "zanzibarian", "--db", spdb)["total"], 2, "both articles found")
finish()
