"""Dense entity ids (schema 5): the facet records hold per-database entity ids
that every writer of a run takes from one registry. A bulk run killed after some
shards completed, then resumed, and a later direct run that brings new and known
entities must give the entity facets of one clean run over the same files."""
import json
import os
import signal
import subprocess
import time

from e2e import *

work = tmpdir()
src = os.path.join(work, "src")
# Names the gazetteer knows, so the tagger finds them however the text reads.
persons = ["Antony Blinken", "Park Jin", "Olaf Scholz", "Emmanuel Macron", "Narendra Modi", "Xi Jinping",
           "Fumio Kishida", "Justin Trudeau", "Anthony Albanese", "Recep Tayyip Erdogan"]
places = ["Seoul", "Tokyo", "Berlin", "Paris", "New Delhi", "Beijing", "Ottawa", "Canberra", "Ankara", "Jakarta"]
ARTICLES_PER_FILE = 57  # not a multiple of 10: each file starts with another person


def article(n):
    a, b = persons[n % len(persons)], persons[(n * 7 + 3) % len(persons)]
    p = places[(n * 3) % len(places)]
    return {"id": f"n{n}", "title": f"{a} meets {b} in {p}", "date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "body": f"{p.upper()} -- {a} met {b} in {p} on Tuesday to discuss trade and security. "
                    f"Officials said the talks in {p} would continue. " * 3}


def write_feed(folder, index, first, count):
    write(f"{folder}/feed{index:02d}.jsonl", "\n".join(json.dumps(article(n)) for n in range(first, first + count)) + "\n")


for f in range(40):
    write_feed(src, f, f * ARTICLES_PER_FILE, ARTICLES_PER_FILE)
TOTAL = 40 * ARTICLES_PER_FILE


def entity_facets(db):
    res = run_json("search", "", "--db", db, "--limit", "0", "--facets", "person,place,org", "--facet-limit", "1000")
    return {name: {v["value"]: v["count"] for v in values} for name, values in res["facets"].items()}


ref = os.path.join(work, "ref")
run("index", src, "--db", ref, "--quiet", "--mode", "bulk", "--shard-size", "100")
expected = entity_facets(ref)
check(len(expected["person"]) >= len(persons), f"the reference run found the persons: {sorted(expected['person'])}")

# Killed after a few shards completed, then resumed: the resumed run's new ids
# must not reuse the ids the kept shards hold.
db = os.path.join(work, "db")
p = subprocess.Popen([DOSSIER, "index", src, "--db", db, "--quiet", "--mode", "bulk", "--shard-size", "100",
                      "--threads", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
shards = os.path.join(db, "shards")
deadline = time.time() + 120
while time.time() < deadline and p.poll() is None:
    if os.path.isdir(shards) and len(os.listdir(shards)) >= 5:
        break
    time.sleep(0.02)
killed = p.poll() is None
p.send_signal(signal.SIGKILL)
p.wait()
resumed = run_json("index", src, "--db", db, "--mode", "bulk", "--shard-size", "100")
if killed:
    check(resumed["resumed"] > 0, f"the killed run's complete shards were merged ({resumed['resumed']} articles)")
else:
    print("note: the first run finished before it could be killed; its result is checked as is")
check_eq(entity_facets(db), expected, "entity facets after a killed and resumed bulk run")

# A later run, written directly, brings known entities and new ones.
more = [{"id": "later-1", "title": "Scholz in Warsaw", "date": "2024-02-01",
         "body": "WARSAW -- Olaf Scholz met Donald Tusk in Warsaw. Tusk said Poland and Germany agree."},
        {"id": "later-2", "title": "Tusk visits Kyiv", "date": "2024-02-02",
         "body": "KYIV -- Donald Tusk met Volodymyr Zelenskyy in Kyiv on Friday."}]
write(f"{src}/later.jsonl", "\n".join(json.dumps(a) for a in more) + "\n")
run("index", src, "--db", db, "--quiet", "--mode", "direct")
ref2 = os.path.join(work, "ref2")
run("index", src, "--db", ref2, "--quiet")
after = entity_facets(db)
check_eq(after, entity_facets(ref2), "entity facets after a later direct run match a clean run over all files")
check_eq(after["person"].get("Donald Tusk"), 2, "a new person from the later run")
check_eq(after["person"].get("Olaf Scholz"), expected["person"]["Olaf Scholz"] + 1, "a known person keeps counting")
finish()
