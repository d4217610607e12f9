"""Every failure a user can cause gets one clear line on stderr naming the thing
and the fix, a non-zero exit, and no stack trace."""
import json
import os

from e2e import *

work = tmpdir()
db = os.path.join(work, "db")
articles = os.path.join(work, "articles")
write(os.path.join(articles, "a.txt"), "Summit in Geneva\n\nDiplomats met in Geneva on March 3, 2024 to discuss sanctions.\n")
run("index", articles, "--db", db, "--quiet")


def expect_error(args, must_contain, code=None):
    p = run(*args, check=False)
    what = "dossier " + " ".join(args)
    check(p.returncode != 0, f"{what}: non-zero exit (got {p.returncode})")
    if code is not None:
        check_eq(p.returncode, code, f"{what}: exit code")
    lines = [l for l in p.stderr.strip().splitlines() if l]
    check(len(lines) == 1, f"{what}: one line on stderr, got {len(lines)}: {p.stderr!r}")
    check(lines and lines[0].startswith("dossier: error:"), f"{what}: starts with 'dossier: error:': {p.stderr!r}")
    for s in must_contain:
        check(s.lower() in p.stderr.lower(), f"{what}: stderr mentions {s!r}: {p.stderr!r}")
    check("terminate called" not in p.stderr and "Aborted" not in p.stderr, f"{what}: no crash")


# The tagger loads in the background; when its data is missing the run stops with
# one line naming the fix, and writes nothing (the direct and the bulk path alike).
no_data = dict(os.environ, DOSSIER_DATA_DIR=os.path.join(work, "no-data"))
for mode in ("direct", "bulk"):
    tdb = os.path.join(work, f"db-no-tagger-{mode}")
    p = run("index", articles, "--db", tdb, "--mode", mode, "--quiet", check=False, env=no_data)
    check(p.returncode != 0, f"{mode}: indexing without the tagger's data fails")
    lines = [l for l in p.stderr.strip().splitlines() if l]
    check(len(lines) == 1 and "cannot load the entity tagger" in p.stderr and "DOSSIER_DATA_DIR" in p.stderr
          and "--no-entities" in p.stderr,
          f"{mode}: one line naming the tagger and the way out: {p.stderr!r}")
    stats = run("stats", "--db", tdb, "--json", check=False)
    check(stats.returncode != 0 or json.loads(stats.stdout)["articles"] == 0, f"{mode}: nothing was indexed")
p = run("index", articles, "--db", os.path.join(work, "db-no-entities"), "--no-entities", check=False, env=no_data)
check_eq(p.returncode, 0, "--no-entities needs no tagger data")

missing_dir = os.path.join(work, "no-such-folder")
expect_error(["index", missing_dir, "--db", db], [missing_dir, "does not exist"])
expect_error(["search", "x", "--db", os.path.join(work, "no-db")], ["no-db", "dossier index"])
expect_error(["stats", "--db", os.path.join(work, "no-db")], ["no-db"])
expect_error(["search", "x", "--db", db, "--from", "2023-13"], ["--from", "2023-13", "YYYY"], 2)
expect_error(["search", "x", "--db", db, "--to", "yesterday"], ["--to", "yesterday"], 2)
expect_error(["search", "x", "--db", db, "--from", "2024", "--to", "2023"], ["--from", "after", "--to"], 2)
expect_error(["search", "x", "--db", db, "--facets", "person,colour"], ["colour", "person, org, place"], 2)
expect_error(["search", "date:2023-02-30..2023-03-01", "--db", db], ["2023-02-30"])
expect_error(["search", " ".join(["word"] * 10000), "--db", db], ["too long"])
expect_error(["search", "x", "--db", db, "--limit", "-3"], ["--limit"])
expect_error(["search", "x", "--db", db, "--sort", "alphabetical"], ["--sort"])
expect_error(["frobnicate"], ["frobnicate"])

# A folder that is not a Dossier database.
not_db = os.path.join(work, "not-a-db")
os.makedirs(not_db)
write(os.path.join(not_db, "file.txt"), "hello")
expect_error(["search", "x", "--db", not_db], ["not a dossier database"])
# A database an indexer began and was killed creating (its lock file and a
# generation folder, no stub yet): no database yet, not a foreign one.
begun = os.path.join(work, "begun-db")
os.makedirs(os.path.join(begun, "gen-000001"))
write(os.path.join(begun, "dossier-indexer.lock"), "")
expect_error(["search", "x", "--db", begun], ["no database at", "yet", "dossier index"])
expect_error(["stats", "--db", begun], ["no database at", "yet"])
# Indexing into it creates the database (the run was only begun), and the
# leftover generation goes; a begun folder with a file of someone else's does not.
write(os.path.join(begun, "gen-000001", "v.tmp"), "partial")
run("index", articles, "--db", begun, "--quiet")
check(run_json("stats", "--db", begun)["articles"] > 0, "a begun database is created by the next index run")
check(not os.path.exists(os.path.join(begun, "gen-000001")), "the unpublished generation is removed")
foreign = os.path.join(work, "foreign-db")
os.makedirs(os.path.join(foreign, "gen-000001"))
write(os.path.join(foreign, "notes.txt"), "mine")
expect_error(["index", articles, "--db", foreign], ["not a dossier database"])
# A file given as --db for indexing.
expect_error(["index", articles, "--db", os.path.join(not_db, "file.txt")], ["file.txt", "not a database"])

# A folder with nothing indexable: exit non-zero, and say so.
empty = os.path.join(work, "empty")
os.makedirs(empty)
write(os.path.join(empty, "photo.png"), "\x89PNG\r\n\x1a\n" + "\0" * 100)
p = run("index", empty, "--db", os.path.join(work, "db2"), check=False)
check(p.returncode != 0, "indexing a folder with nothing indexable fails")
check("nothing could be indexed" in p.stderr, f"says nothing could be indexed: {p.stderr!r}")
check("photo.png" in p.stderr and "unsupported format" in p.stderr, f"names the skipped file and why: {p.stderr!r}")

# Unbalanced quotes and parentheses still search (Xapian's parser recovers), no crash.
for q in ['"unbalanced quote', "(geneva AND sanctions", "geneva)", "AND", "NOT", "\"\"", "*", "title:"]:
    p = run("search", q, "--db", db, "--json", check=False)
    check(p.returncode in (0, 1, 2), f"query {q!r} exits cleanly, got {p.returncode}: {p.stderr}")
    check("terminate called" not in p.stderr, f"query {q!r} does not crash")
    if p.returncode != 0:
        check(p.stderr.startswith("dossier: error:") and len(p.stderr.strip().splitlines()) == 1,
              f"query {q!r}: one error line: {p.stderr!r}")

finish()
