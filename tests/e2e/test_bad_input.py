"""Bad input, end to end: one folder holding every kind of file a scraper or a
careless export leaves behind, indexed in ONE run. The run must finish (exit 0,
since good files exist), report each bad file (and line) with a reason, and index
everything else. Then every query-side mistake must give one clear error line.

TABLE below is the list of cases with their expected outcome:
  "indexed"  articles come from the file (count, title, date, a searchable word),
             and no warning names the file;
  "warning"  indexed as above AND each listed warning (substring, line) is reported,
             and no other warning names the file;
  "skipped"  the file appears once in "skipped" with a reason holding the substring(s)
             (or one of reason_any), nothing from it is indexed, and it has no warnings
             beyond the row's "warns" (per-record explanations).
Anything indexed, skipped or warned about that no row accounts for is a failure too.
Limits under test (documented in indexer/file_reader.h and `dossier index --help`):
files over 64 MB (after decompression) are skipped and the reason names
--max-file-size; article bodies over 4 MB are cut with a warning; JSON nested deeper
than 256 levels is rejected."""
import gzip
import json
import atexit
import os
import shutil
import stat
import subprocess
import time
import zlib

from e2e import *

IS_ROOT = os.geteuid() == 0
NO_DATE = "no date"  # expected "date": None in the result (distinct from "not checked")


def txt(title, body):
    return f"{title}\n\n{body}\n".encode()


def make_big_article(path):
    """A 200 MB plain-text 'article': far over the 64 MB default limit."""
    chunk = ("The delegation discussed the grain corridor at length. " * 20 + "\n").encode() * 1000
    with open(path, "wb") as f:
        while f.tell() < 200 << 20:
            f.write(chunk)


def make_gzip_bomb(path):
    """A ~100 KB .gz that inflates to 80 MB: the limit counts decompressed bytes."""
    chunk = b"Envoys met again in Vienna to discuss the accord. " * 20000  # ~1 MB
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(80):
            f.write(chunk)


def make_truncated_gz(path):
    whole = gzip.compress(txt("Cut gzip", "Diplomats in Oslo discussed fisheries quotas. " * 200).decode().encode())
    write(path, whole[: len(whole) // 2], "wb")


def make_unreadable(path):
    write(path, txt("Locked file", "Officials in Bern discussed a lockedword agreement."), "wb")
    os.chmod(path, 0)


def make_unreadable_dir(path):
    write(path, txt("Locked folder", "Officials in Bern discussed a lockeddirword agreement."), "wb")
    os.chmod(os.path.dirname(path), 0)


def make_file_symlink_loop(path):
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    os.symlink("loop-b.txt", os.path.join(d, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(d, "loop-b.txt"))


def make_self_symlink(path):
    os.symlink(os.path.basename(path), path)


def make_parent_symlink(path):
    write(path, txt("Beside a loop", "A folder that links back to its parent holds this loopword story."), "wb")
    os.symlink("..", os.path.join(os.path.dirname(path), "up"))


def make_dir_named_like_file(path):
    write(path, txt("Inside dir.txt", "A folder named like a text file holds this dirnameword story."), "wb")


def make_fifo(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.mkfifo(path)


def make_bytes_name(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)  # path is bytes here
    os.write(fd, txt("Cafe summit", "Ministers met in a bytesnameword cafe in Lyon."))
    os.close(fd)


def make_bytes_name_twin(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, txt("Cafe summit twin", "A second file whose name differs only in a non-UTF-8 byte: twinnameword."))
    os.close(fd)


deep_html = ("<html><head><title>Deep divs</title></head><body>" + "<div>" * 100_000 +
             "<p>The deepdivword treaty text sits at the bottom.</p>" + "</div>" * 100_000 + "</body></html>")
bad_lines = "\n".join([
    json.dumps({"id": "bl-1", "title": "Good line one", "body": "Talks on the goodlineword accord."}),
    '{"id": "bl-x", "title": "Broken',
    json.dumps({"id": "bl-2", "title": "Good line two", "body": "More goodlineword talks."}),
    "not json at all",
    json.dumps({"id": "bl-3", "title": "Good line three", "body": "Final goodlineword session."}),
]) + "\n"
huge_line = json.dumps({"id": "huge-1", "title": "Huge line", "body": "hugelineword " + "sanctions relief " * 620_000}) + "\n"

# name: case; path: file (relative, str or bytes); make: bytes to write or a function(abs path).
TABLE = [
    # --- binary and unsupported files
    dict(name="PNG image", path="image.png", make=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
         expect="skipped", reason="unsupported format"),
    dict(name="PDF (no PDF reader)", path="report.pdf", make=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
         expect="skipped", reason="unsupported format"),
    dict(name="PDF bytes named .txt", path="disguised.txt", make=b"%PDF-1.4\n" + bytes(range(256)) * 4,
         expect="skipped", reason="unsupported format"),
    dict(name="only NUL bytes", path="zeros.txt", make=bytes(4096), expect="skipped", reason="unsupported format"),
    # --- encodings
    dict(name="invalid UTF-8", path="badutf8.txt",
         make=b"Broken bytes\n\nText from S\xc3\xa3o Paulo with \xff\xfe bad bytes about the invalidword summit.\n",
         expect="warning", warns=[("U+FFFD", 0)], title="Broken bytes", word="invalidword"),
    dict(name="NUL bytes in text", path="nul.txt", make=b"Nul story\n\nThe nulword talks\x00 resumed\x00 in Rome.\n",
         expect="warning", warns=[("NUL", 0)], title="Nul story", word="nulword"),
    dict(name="Latin-1 (ISO-8859-1)", path="latin1.txt",
         make="Z\xfcrich accord\n\nDie Au\xdfenminister trafen sich in Z\xfcrich f\xfcr Gespr\xe4che \xfcber die Grenze.\n".encode("latin-1"),
         expect="warning", warns=[("converted from", 0)], title="Zürich accord", word="zürich"),
    dict(name="Windows-1252 smart quotes", path="cp1252.txt",
         make="Caf\xe9 diplomacy\n\nMinisters met at a caf\xe9 in Paris, \u201cquietly\u201d \u2014 a cp1252word meeting.\n".encode("cp1252"),
         expect="warning", warns=[("windows-1252", 0)], title="Café diplomacy", word="cp1252word"),
    dict(name="UTF-16 LE with BOM", path="utf16le.txt", make=txt("Geneva talks", "The utf16word delegation arrived in Genève.").decode().encode("utf-16"),
         expect="warning", warns=[("UTF-16", 0)], title="Geneva talks", word="utf16word"),
    dict(name="UTF-16 BE with BOM", path="utf16be.txt",
         make=b"\xfe\xff" + txt("Bern talks", "The utf16beword delegation arrived in Bern.").decode().encode("utf-16-be"),
         expect="warning", warns=[("UTF-16", 0)], title="Bern talks", word="utf16beword"),
    dict(name="CRLF line ends and UTF-8 BOM", path="crlf_bom.txt",
         make=b"\xef\xbb\xbfWindows export\r\n\r\nThe crlfword memo was dated 3 May 2022.\r\n",
         expect="indexed", title="Windows export", date="2022-05-03", word="crlfword"),
    # --- empty and oversized
    dict(name="empty file", path="empty.txt", make=b"", expect="skipped", reason="empty"),
    dict(name="whitespace only", path="blank.md", make=b"  \n\n\t\r\n", expect="skipped", reason="empty"),
    dict(name="200 MB single article (limit 64 MB)", path="huge.txt", make=make_big_article,
         expect="skipped", reason=["too large", "64 MB", "--max-file-size"]),
    dict(name="gzip bomb: 100 KB inflating to 80 MB", path="bomb.txt.gz", make=make_gzip_bomb,
         expect="skipped", reason=["too large", "uncompressed", "--max-file-size"]),
    dict(name="huge single JSONL line (10 MB, body cut at 4 MB)", path="hugeline.jsonl", make=huge_line.encode(),
         expect="warning", warns=[("cut", 1)], title="Huge line", word="hugelineword"),
    # --- gzip
    dict(name="truncated .gz", path="cut.txt.gz", make=make_truncated_gz, expect="skipped", reason="truncated gzip"),
    dict(name=".gz with gzip magic then garbage", path="garbage.txt.gz",
         make=b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes((i * 97 + 13) % 256 for i in range(4096)),
         expect="skipped", reason="gzip"),
    dict(name=".gz holding random bytes (no gzip header)", path="noise.md.gz",
         make=bytes((i * 131 + 7) % 256 for i in range(8192)),
         expect="skipped", reason_any=["gzip", "unsupported format"]),
    # --- JSON
    dict(name="truncated JSON", path="truncated.json", make=b'{"title": "Cut off", "body": "This JSON never ',
         expect="skipped", reason="invalid JSON"),
    dict(name="JSONL with bad lines (2 and 4)", path="feed.jsonl", make=bad_lines.encode(),
         expect="warning", articles=3, warns=[("invalid JSON", 2), ("invalid JSON", 4)], word="goodlineword"),
    dict(name="JSON nested 10,000 deep", path="deep.json", make=b"[" * 10000 + b"]" * 10000,
         expect="skipped", reason="nested"),
    dict(name="JSON article with a field nested 10,000 deep", path="deepfield.json",
         make=b'{"title": "Deep field", "body": "text", "extra": ' + b"[" * 10000 + b"]" * 10000 + b"}",
         expect="skipped", reason="nested"),
    dict(name="JSONL line nested 10,000 deep (line 2)", path="deepline.jsonl",
         make=(json.dumps({"title": "Shallow", "body": "A shallowword line."}) + "\n" + "[" * 10000 + "]" * 10000 + "\n").encode(),
         expect="warning", warns=[("nested", 2)], title="Shallow", word="shallowword"),
    dict(name="unknown JSON shape (no article fields)", path="shape.json",
         make=json.dumps({"meta": {"version": 3}, "payload": {"rows": [1, 2, 3]}}).encode(),
         expect="skipped", reason="no article", warns=[("no title or text field", 0)]),
    dict(name="JSON top-level string", path="string.json", make=b'"just a string"',
         expect="skipped", reason="neither an article object"),
    dict(name="JSON top-level number", path="number.json", make=b"42", expect="skipped", reason="neither an article object"),
    dict(name="JSON array of non-objects", path="numbers.json", make=b'[1, "two", [3], null]',
         expect="skipped", reason="no article", warns=[("not a JSON object", 0)]),
    # --- HTML and Markdown
    dict(name="HTML with broken markup", path="broken.html",
         make=b"<html><head><title>Broken page</title><body><p>Unclosed <b>bold <i>text about the brokenword treaty"
              b"<p>more</span></table><div><td>cell<a href='x>link</body>",
         expect="indexed", title="Broken page", word="brokenword"),
    dict(name="HTML with 100,000 nested divs", path="deepdivs.html", make=deep_html.encode(),
         expect="warning", warns=[("nested deeper", 0)], title="Deep divs", word="deepdivword"),
    dict(name="HTML with only scripts (no title, no text)", path="scripts.html",
         make=b"<html><head><script>var a = 'alpha';</script></head><body><script>track('scriptword')</script>"
              b"<style>p{}</style></body></html>",
         expect="skipped", reason="no article text"),  # nothing to show or search: like an empty file
    dict(name="HTML with a title but only scripts in the body", path="titleonly.html",
         make=b"<html><head><title>Title only page</title><script>var a = 1;</script></head>"
              b"<body><script>track('scriptword')</script></body></html>",
         expect="warning", warns=[("no article text", 0)], title="Title only page"),
    dict(name="Markdown with unclosed front matter", path="unclosed.md",
         make=b"---\ntitle: Never closed\ndate: 2021-04-04\n\nThe unclosedword story body follows.\n",
         expect="warning", warns=[("never closed", 1)], word="unclosedword"),
    # --- file system oddities
    dict(name="unreadable file (chmod 000)", path="locked.txt", make=make_unreadable,
         # root reads regardless of permission bits (CI runs as root), so there it is indexed
         expect="indexed" if IS_ROOT else "skipped", reason="permission denied", word="lockedword"),
    dict(name="unreadable folder (chmod 000)", path="lockeddir/inner.txt", make=make_unreadable_dir,
         expect="indexed" if IS_ROOT else "skipped", reason="permission denied", word="lockeddirword"),
    dict(name="symlink loop between two files", path="links/loop-a.txt", make=make_file_symlink_loop,
         expect="skipped", reason="symbolic link"),
    dict(name="symlink loop, other end", path="links/loop-b.txt", make=None, expect="skipped", reason="symbolic link"),
    dict(name="symlink to itself", path="self.txt", make=make_self_symlink, expect="skipped", reason="symbolic link"),
    dict(name="symlink back to the parent folder (not followed, no duplicates)", path="loopdir/real.txt",
         make=make_parent_symlink, expect="indexed", title="Beside a loop", word="loopword"),
    dict(name="folder named like a file (dir.txt/)", path="dir.txt/inside.txt", make=make_dir_named_like_file,
         expect="indexed", title="Inside dir.txt", word="dirnameword"),
    dict(name="FIFO named pipe (must not hang)", path="fifo/pipe.txt", make=make_fifo,
         expect="skipped", reason="not a regular file"),
    dict(name="non-UTF-8 file name", path=b"caf\xe9.txt", make=make_bytes_name,
         expect="indexed", title="Cafe summit", word="bytesnameword"),
    dict(name="non-UTF-8 name differing only in the bad byte", path=b"caf\xe8.txt", make=make_bytes_name_twin,
         expect="indexed", title="Cafe summit twin", word="twinnameword"),
    # --- dates
    dict(name="year 0 in JSON metadata, date in text", path="year0.json",
         make=json.dumps({"title": "Year zero", "date": "0000-01-01", "body": "Talks were held on 5 March 2021 in Vienna."}).encode(),
         expect="warning", warns=[("0000-01-01", 0)], title="Year zero", date="2021-03-05"),
    dict(name="year 9999 in front matter, no date in text", path="year9999.md",
         make=b"---\ntitle: Far future\ndate: 9999-12-31\n---\n\nNo calendar day is named in this farfutureword text.\n",
         expect="warning", warns=[("9999-12-31", 0)], title="Far future", date=NO_DATE, word="farfutureword"),
    dict(name="year 9999 on JSONL line 2", path="dates.jsonl",
         make=(json.dumps({"title": "Fine date", "date": "2020-02-02", "body": "ok"}) + "\n" +
               json.dumps({"title": "Bad date", "date": "9999-01-01", "body": "Met on 7 July 2019."}) + "\n").encode(),
         expect="warning", articles=2, warns=[("9999-01-01", 2)]),
    dict(name="year 0 in HTML meta, date in text", path="year0.html",
         make=b'<html><head><title>Zero meta</title><meta property="article:published_time" content="0000-01-01T00:00:00Z">'
              b"</head><body><p>Envoys met on 1 June 2020.</p></body></html>",
         expect="warning", warns=[("0000-01-01", 0)], title="Zero meta", date="2020-06-01"),
]


def rel_str(path):
    """How the indexer should show a relative path: always valid UTF-8."""
    return path.decode("utf-8", errors="replace") if isinstance(path, bytes) else path


work = tmpdir()
src = os.path.join(work, "in")
db = os.path.join(work, "db")
os.makedirs(src)


@atexit.register
def clean_up():
    """Removes the work folder (with its 200 MB file), whatever happened."""
    for root, dirs, files in os.walk(src):
        for d in dirs:
            os.chmod(os.path.join(root, d), stat.S_IRWXU)  # the chmod 000 folder
    shutil.rmtree(work, ignore_errors=True)


t0 = time.monotonic()
for row in TABLE:
    full = os.path.join(os.fsencode(src), row["path"]) if isinstance(row["path"], bytes) else os.path.join(src, row["path"])
    if row["make"] is None:
        continue
    if isinstance(row["make"], bytes):
        write(full, row["make"], "wb")
    else:
        os.makedirs(os.path.dirname(full), exist_ok=True)
        row["make"](full)
print(f"built {len(TABLE)} cases in {time.monotonic() - t0:.1f}s")

t0 = time.monotonic()
try:
    proc = run("index", src, "--db", db, "--json", check=False, timeout=300)
except subprocess.TimeoutExpired:
    check(False, "index run did not finish within 300 s (a FIFO or a loop may hang it)")
    finish()
index_seconds = time.monotonic() - t0
os.remove(os.path.join(src, "huge.txt"))  # 200 MB: do not leave it behind
print(f"index run took {index_seconds:.1f}s (exit {proc.returncode})")
check_eq(proc.returncode, 0, f"index exit code (good files exist); stderr: {proc.stderr[-2000:]!r}")
for bad in ("terminate called", "Traceback", "Segmentation", "Aborted"):
    check(bad not in proc.stderr, f"index stderr has no {bad!r}: {proc.stderr[-2000:]!r}")
try:
    summary = json.loads(proc.stdout)
except json.JSONDecodeError as e:
    check(False, f"index --json printed invalid JSON ({e}): {proc.stdout[:2000]!r}")
    finish()


def rel(path):
    return os.path.relpath(path, src) if os.path.isabs(path) else path


skipped = [(rel(s["path"]), s["reason"]) for s in summary["skipped"]]
warnings = [(rel(w["path"]), w["line"], w["message"]) for w in summary["warnings"]]
results = run_json("search", "", "--db", db, "--limit", "1000")["results"]
indexed = {}
for r in results:
    indexed.setdefault(rel(r["path"]), []).append(r)
print("skipped:", *skipped, sep="\n  ")
print("warnings:", *[(p, l, m[:100]) for p, l, m in warnings], sep="\n  ")


def owns(row_path, reported):
    """A report about `reported` belongs to the row: same file, or a folder above it."""
    return reported == row_path or row_path.startswith(reported + "/")


def valid_utf8(text):
    try:
        text.encode("utf-8")  # lone surrogates (from escaped bad bytes) fail here
        return True
    except UnicodeEncodeError:
        return False


for p in [s["path"] for s in summary["skipped"]] + [w["path"] for w in summary["warnings"]] + [r["path"] for r in results]:
    check(valid_utf8(p), f"reported path is valid UTF-8: {p!r}")


def check_warnings(label, got, wanted):
    """Every wanted (substring, line) is reported; nothing else is."""
    for sub, line in wanted:
        check(any(sub.lower() in m.lower() and l == line for l, m in got),
              f"{label}: warning {sub!r} at line {line} (got {got})")
    extra = [(l, m) for l, m in got if not any(s.lower() in m.lower() and l == ln for s, ln in wanted)]
    check(not extra, f"{label}: no warnings beyond the table's {wanted}, got {extra}")


expected_total = 0
for row in TABLE:
    path, name, expect = rel_str(row["path"]), row["name"], row["expect"]
    label = f"[{name}] {path}"
    my_skips = [r for p, r in skipped if owns(path, p)]
    my_warns = [(l, m) for p, l, m in warnings if owns(path, p)]
    hits = indexed.get(path, [])
    if expect in ("indexed", "warning"):
        n = row.get("articles", 1)
        expected_total += n
        check(not my_skips, f"{label}: expected indexed, but skipped: {my_skips}")
        # Two non-UTF-8 names may show as the same path: count all rows showing it.
        check_eq(len(hits), sum(r.get("articles", 1) for r in TABLE if rel_str(r["path"]) == path and
                                r["expect"] in ("indexed", "warning")), f"{label}: articles shown with this path")
        if "title" in row:
            titles = [h.get("title") for h in hits]
            check(row["title"] in titles, f"{label}: title {row['title']!r} among {titles}")
            hits = [h for h in hits if h.get("title") == row["title"]] or hits
        if "date" in row and hits:
            check_eq(hits[0].get("date"), None if row["date"] == NO_DATE else row["date"], f"{label}: date")
        if "word" in row:
            found = [rel(r["path"]) for r in run_json("search", row["word"], "--db", db)["results"]]
            check(path in found, f"{label}: search {row['word']!r} finds it (found {found})")
        check_warnings(label, my_warns, row.get("warns", []) if expect == "warning" else [])
    elif expect == "skipped":
        check(not hits, f"{label}: expected skipped, but {len(hits)} article(s) indexed")
        check_eq(len(my_skips), 1, f"{label}: reported once in 'skipped' (got {my_skips})")
        wants = row.get("reason", [])
        for sub in [wants] if isinstance(wants, str) else wants:
            check(any(sub.lower() in r.lower() for r in my_skips), f"{label}: skip reason mentions {sub!r}: {my_skips}")
        if "reason_any" in row:
            check(any(s.lower() in r.lower() for r in my_skips for s in row["reason_any"]),
                  f"{label}: skip reason mentions one of {row['reason_any']}: {my_skips}")
        check_warnings(label, my_warns, row.get("warns", []))
    else:
        raise ValueError(f"unknown expectation {expect!r} in row {name!r}")

known = [rel_str(row["path"]) for row in TABLE]
for p, r in skipped:
    check(any(owns(k, p) for k in known), f"skipped file no table row expects: {p}: {r}")
for p, l, m in warnings:
    check(any(owns(k, p) for k in known), f"warning no table row expects: {p}:{l}: {m}")
for p, hits in indexed.items():
    check(p in known, f"indexed file no table row expects (a followed loop?): {p} ({len(hits)} articles)")
check_eq(summary["added"], expected_total, "articles added in the run")
check_eq(summary["updated"], 0, "articles updated in a fresh run")
check_eq(summary["removed"], 0, "articles removed in a fresh run")
check_eq(len(results), expected_total, "articles found by an empty search")
stats = run("stats", "--db", db, "--json", check=False)
check_eq(stats.returncode, 0, f"stats exit code: {stats.stderr!r}")
if stats.returncode == 0:
    check_eq(json.loads(stats.stdout).get("articles"), expected_total, "stats article count")

# ---- Query side: each mistake gives exactly one "dossier: error:" line and a non-zero exit.
not_db = os.path.join(work, "not-a-db")
write(os.path.join(not_db, "notes.txt"), "hello")
missing_db = os.path.join(work, "no-such-db")
QUERY_TABLE = [
    dict(name="unbalanced quote", args=["search", '"grain corridor', "--db", db], error=["quote"]),
    dict(name="unbalanced parenthesis", args=["search", "(grain AND corridor", "--db", db], error=["parenthes"]),
    dict(name="stray closing parenthesis", args=["search", "grain)", "--db", db], error=["parenthes"]),
    dict(name="10,000-word query", args=["search", " ".join(["word"] * 10000), "--db", db], error=["too long"]),
    dict(name="--from after --to", args=["search", "x", "--db", db, "--from", "2024", "--to", "2023"],
         error=["--from", "--to"]),
    dict(name="unknown --facets name", args=["search", "x", "--db", db, "--facets", "person,colour"], error=["colour"]),
    dict(name="--db that does not exist", args=["search", "x", "--db", missing_db], error=["no-such-db"]),
    dict(name="--db that is a non-Dossier folder", args=["search", "x", "--db", not_db], error=["not a dossier database"]),
    dict(name="stats on a non-Dossier folder", args=["stats", "--db", not_db], error=["not a dossier database"]),
]
for q in QUERY_TABLE:
    label = f"[query: {q['name']}]"
    for extra in ([], ["--json"]):
        p = run(*q["args"], *extra, check=False, timeout=60)
        lines = [l for l in p.stderr.splitlines() if l.strip()]
        check(p.returncode != 0, f"{label}{' --json' if extra else ''}: non-zero exit, got {p.returncode}")
        check(len(lines) == 1 and lines[0].startswith("dossier: error:"),
              f"{label}{' --json' if extra else ''}: exactly one 'dossier: error:' line on stderr, got {p.stderr[:500]!r}")
        for sub in q["error"]:
            check(sub.lower() in p.stderr.lower(), f"{label}: error mentions {sub!r}: {p.stderr[:300]!r}")
        for bad in ("terminate called", "Traceback", "Segmentation", "Aborted"):
            check(bad not in p.stderr, f"{label}: no {bad!r} on stderr")
check(not os.path.exists(missing_db), "searching a missing --db does not create it")
check(sorted(os.listdir(not_db)) == ["notes.txt"], f"a non-Dossier --db folder is left untouched: {os.listdir(not_db)}")

print(f"{len(TABLE)} input cases, {len(QUERY_TABLE)} query cases; index run {index_seconds:.1f}s")
finish()
