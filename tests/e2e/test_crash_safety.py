"""Crash safety and concurrency: kill -9 at several moments leaves a database that
opens and holds whole committed batches; a final run converges to the result of an
uninterrupted run; a second indexer fails at once naming the first one's pid;
searches during indexing succeed; Ctrl-C (SIGINT) commits and exits cleanly."""
import json
import os
import signal
import subprocess
import time

from e2e import *

work = tmpdir()
src = os.path.join(work, "src")
BATCH = 100
words = "sanctions ceasefire summit tariffs missiles election treaty envoy embargo talks".split()
for f in range(30):
    lines = []
    for i in range(100):
        n = f * 100 + i
        body = " ".join(words[(n + k) % len(words)] for k in range(1000))
        lines.append(json.dumps({"id": f"a{n}", "title": f"Article {n}", "date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                 "body": f"Report {n}. " + body}))
    write(f"{src}/feed{f:02d}.jsonl", "\n".join(lines) + "\n")
TOTAL = 3000
# A bigger folder: runs over it are still going when a second indexer or a signal comes.
big = os.path.join(work, "big")
for f in range(40):
    lines = [json.dumps({"id": f"b{f}-{i}", "title": f"Big {f} {i}", "date": "2024-01-02",
                         "body": " ".join(words[(i + k) % len(words)] for k in range(600))}) for i in range(500)]
    write(f"{big}/feed{f:02d}.jsonl", "\n".join(lines) + "\n")
BIG_TOTAL = 20000


def start_indexer(db, *extra, mode="direct", folder=src):
    return subprocess.Popen([DOSSIER, "index", folder, "--db", db, "--batch", str(BATCH), "--quiet", "--no-entities",
                             "--mode", mode, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def doc_count(db):
    p = run("stats", "--db", db, "--json", check=False)
    if p.returncode != 0 and "no database at" in p.stderr:
        return 0  # killed before it created the database: nothing to lose
    check(p.returncode == 0, f"database opens after a crash: {p.stderr}")
    return json.loads(p.stdout)["articles"] if p.returncode == 0 else -1


# Reference: one uninterrupted run.
ref_db = os.path.join(work, "ref")
run("index", src, "--db", ref_db, "--batch", str(BATCH), "--quiet", "--no-entities")
ref_ids = {r["id"] for r in run_json("search", "", "--db", ref_db, "--limit", "5000")["results"]}
check_eq(len(ref_ids), TOTAL, "reference run indexes everything")

# kill -9 at several moments, each time resuming the same database: once right
# after the start, then each time as soon as the run has committed something new
# (so the kills land mid-run however fast the machine is).
db = os.path.join(work, "db")
counts = []


def wait_for_progress(p, db, above, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline and p.poll() is None:
        stats = run("stats", "--db", db, "--json", check=False)  # may race the database's creation
        if stats.returncode == 0 and json.loads(stats.stdout)["articles"] > above:
            return
        time.sleep(0.01)


for moment in ("start", "progress", "progress", "progress"):
    before = counts[-1] if counts else 0
    p = start_indexer(db, "--threads", "1")
    if moment == "start":
        time.sleep(0.05)
    else:
        wait_for_progress(p, db, before)
    p.send_signal(signal.SIGKILL)
    p.wait()
    n = doc_count(db)
    counts.append(n)
    check(n % BATCH == 0 or n == TOTAL, f"after kill -9 at {moment} the database holds whole batches ({n} articles)")
print("article counts after each kill:", counts)
check(any(0 < c < TOTAL for c in counts), f"at least one kill landed mid-run: {counts}")

final = run_json("index", src, "--db", db, "--batch", str(BATCH), "--no-entities", "--mode", "direct")
ids = {r["id"] for r in run_json("search", "", "--db", db, "--limit", "5000")["results"]}
check_eq(len(ids), TOTAL, "final run converges to all articles")
check(ids == ref_ids, "same articles as the uninterrupted run")
check_eq(run_json("search", "report", "--db", db, "--limit", "0")["total_exact"] or True, True, "search works")
for q in ("sanctions", '"ceasefire summit"', "envoy NOT embargo"):
    a = run_json("search", q, "--db", db, "--limit", "5000")["total"]
    b = run_json("search", q, "--db", ref_db, "--limit", "5000")["total"]
    check_eq(a, b, f"query {q!r} gives the same count as the uninterrupted run")

# Bulk mode (parallel shards merged by compaction): a kill -9 leaves the database
# as it was; complete shards are picked up by the next run instead of redone.
bdb = os.path.join(work, "bulk")
p = start_indexer(bdb, "--shard-size", "200", mode="bulk")
deadline = time.time() + 60
shards = os.path.join(bdb, "shards")
while time.time() < deadline and p.poll() is None:
    done = [d for d in os.listdir(shards)] if os.path.isdir(shards) else []
    if len(done) >= 4:
        break
    time.sleep(0.05)
p.send_signal(signal.SIGKILL)
p.wait()
check_eq(doc_count(bdb), 0, "bulk run killed before its merge leaves the database as it was")
resumed = run_json("index", src, "--db", bdb, "--no-entities", "--mode", "bulk", "--shard-size", "200")
print("bulk resume:", {k: resumed[k] for k in ("added", "updated", "resumed")})
check(resumed["resumed"] > 0, f"complete shards of the killed run were picked up ({resumed['resumed']} articles)")
bids = {r["id"] for r in run_json("search", "", "--db", bdb, "--limit", "5000")["results"]}
check(bids == ref_ids, f"bulk run after a kill converges to the uninterrupted result ({len(bids)} articles)")
check_eq(run_json("index", src, "--db", bdb, "--no-entities")["files_unchanged"], 30, "then every file is unchanged")
check_eq(doc_count(bdb), TOTAL, "no duplicates after resume")

# Many shards (more than one compaction may open at once: with 256 open files
# allowed, 11 shards) merge in groups, in order, with the same result as one
# database written directly.
mdb = os.path.join(work, "many-shards")
many = run_json("index", src, "--db", mdb, "--no-entities", "--mode", "bulk", "--shard-size", "20", "--threads", "2",
                max_open_files=256)
check_eq(many["added"], TOTAL, "bulk run with 150 shards (merged in groups) indexes everything")
mids = {r["id"] for r in run_json("search", "", "--db", mdb, "--limit", "5000")["results"]}
check(mids == ref_ids, "grouped merge gives the articles of the uninterrupted run")
for q in ("sanctions", '"ceasefire summit"'):
    check_eq(run_json("search", q, "--db", mdb, "--limit", "0")["total"],
             run_json("search", q, "--db", ref_db, "--limit", "0")["total"], f"grouped merge: same count for {q!r}")
check(not os.path.exists(os.path.join(mdb, "merging")), "no merge parts left behind")
check_eq(os.listdir(os.path.join(mdb, "shards")), [], "no shards left behind")

# A second indexer fails at once, naming the first's pid; searches keep working.
db2 = os.path.join(work, "db2")
first = start_indexer(db2, "--threads", "1", folder=big)
wait_for_progress(first, db2, 0)
check(first.poll() is None, "the first indexer is still running")
t0 = time.time()
second = run("index", src, "--db", db2, "--quiet", "--no-entities", check=False)
check(second.returncode != 0, "second indexer fails")
check(time.time() - t0 < 5, "second indexer fails at once, not after waiting")
check(f"locked by another indexer (pid {first.pid})" in second.stderr, f"names the other indexer's pid: {second.stderr!r}")
searches = 0
while first.poll() is None:
    p = run("search", "sanctions", "--db", db2, "--json", check=False)
    if p.returncode == 0:
        searches += 1
        res = json.loads(p.stdout)
        check(all(r["title"].startswith("Big ") for r in res["results"]), "no half-written article seen")
    else:
        check("no database" in p.stderr or "not a Dossier database" in p.stderr, f"search during indexing: {p.stderr!r}")
first.wait()
check_eq(first.returncode, 0, "first indexer finishes")
print(f"{searches} searches ran while indexing")

# SIGINT commits what was done and exits with a message.
db3 = os.path.join(work, "db3")
p = subprocess.Popen([DOSSIER, "index", big, "--db", db3, "--batch", "100000", "--mode", "direct", "--threads", "1",
                      "--no-entities"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
time.sleep(1.0)
p.send_signal(signal.SIGINT)
out, err = p.communicate(timeout=120)
n = doc_count(db3)
check_eq(p.returncode, 130, "Ctrl-C exits with 130")
check("Interrupted" in out, f"Ctrl-C says it was interrupted: {out!r}")
check(n > 0, f"Ctrl-C committed the work done so far ({n} articles)")
check(n < BIG_TOTAL, f"Ctrl-C stopped the run early ({n} of {BIG_TOTAL})")
resumed = run_json("index", big, "--db", db3, "--no-entities")
check_eq(doc_count(db3), BIG_TOTAL, "resumed after Ctrl-C completes")
finish()
