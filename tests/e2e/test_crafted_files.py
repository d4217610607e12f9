"""Crafted folders: every supported format and the awkward cases a scraper leaves
behind. Each file's expected outcome is checked end to end through the binary."""
import gzip
import json
import os

from e2e import *

work = tmpdir()
src = os.path.join(work, "in")
db = os.path.join(work, "db")

write(f"{src}/titled.txt", "Ceasefire talks resume in Doha\n\nNegotiators met in Doha on 14 November 2023 to discuss a humanitarian pause.\n")
write(f"{src}/untitled.txt", "Foreign ministers from the Group of Seven met in Tokyo on Nov. 8, 2023, and called for humanitarian pauses in Gaza.\nThey also discussed Ukraine.\n")
write(f"{src}/dateline.txt", "Frozen assets\n\nBRUSSELS, March 3, 2024 (Wire) -- European Union officials debated using frozen Russian assets.\n")
write(f"{src}/front.md", "---\ntitle: \"Lula meets Macron\"\ndate: 2024-03-28\nsource: Example Wire\nauthors: [Ana Souza, Jean Dupont]\nurl: https://news.example.org/lula\nid: ex-lula-1\nlang: en\ntopic: diplomacy\n---\n\nBrazilian President Luiz Inácio Lula da Silva hosted French President Emmanuel Macron.\n")
write(f"{src}/spanish.md", "---\ntitle: Elecciones en Argentina\ndate: 2023-11-19\nlang: es\n---\n\nLos argentinos votaron en las elecciones presidenciales.\n")
write(f"{src}/one.json", json.dumps({"ID": "j-1", "Headline": "Sanctions widen", "PubDate": "Tue, 14 Nov 2023 09:00:00 +0900",
                                    "content_original": "New sanctions were announced.", "Byline": "By A. Writer and B. Writer", "bias": "center"}))
write(f"{src}/many.json", json.dumps([{"id": f"arr-{i}", "title": f"Array article {i}", "date": "7/23/17", "text": f"Text number {i} about tariffs."} for i in range(3)]))
write(f"{src}/feed.jsonl", "\n".join([
    json.dumps({"id": "l-1", "title": "Line one", "published_at": "2023-11-14T23:30:00-05:00", "body": "Trade talks."}),
    "{not json",
    json.dumps({"id": "l-2", "title": "Line two", "date": "0001-01-01", "body": "Summit held on Sept. 5, 2023 in Jakarta."}),
    "",
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "l-3", "headline": "Line three", "datePublished": "2023-02-30", "content": "No other date here."}),
]) + "\n")
with gzip.open(f"{src}/packed.txt.gz", "wt") as f:
    f.write("Packed story\n\nA gzipped article about missile defence, dated 2022-05-01.\n")
write(f"{src}/page.html", """<!doctype html><html lang="en-GB"><head><title>Fallback title</title>
<meta property="og:title" content="Ministers meet in Seoul">
<meta property="article:published_time" content="2024-01-13T10:00:00+09:00">
<meta name="author" content="Kim Reporter"><meta property="og:site_name" content="Example Herald">
<style>.x{color:red}</style><script>var tracking = "should not be indexed";</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Ministers meet in Seoul</h1><p>Foreign ministers met in Seoul.</p>
<p>They discussed <b>missile</b> launches.</p></article><footer>Copyright footer text</footer></body></html>""")
write(f"{src}/latin1.txt", "Caf\xe9 diplomacy\n\nMinisters met at a caf\xe9 in Paris on 2 May 2023 \u201cquietly\u201d.\n".encode("cp1252"), "wb")
write(f"{src}/badutf8.txt", b"Broken bytes\n\nText in S\xc3\xa3o Paulo with \xff\xfe invalid bytes and a NUL \x00 here, 2023-06-01.\n", "wb")
write(f"{src}/empty.txt", "")
write(f"{src}/image.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "wb")
write(f"{src}/notes.docx", "unsupported")
write(f"{src}/truncated.json", '{"title": "Cut off", "body": "This JSON never ')
write(f"{src}/deep.json", "[" * 10000 + "]" * 10000)
write(f"{src}/.hidden/secret.txt", "Hidden\n\nShould not be indexed.\n")
os.symlink(src, f"{src}/loop")  # a symlink loop must not hang or duplicate

summary = run_json("index", src, "--db", db)
skipped = {os.path.basename(s["path"]): s["reason"] for s in summary["skipped"]}
warnings = [(os.path.basename(w["path"]), w["line"], w["message"]) for w in summary["warnings"]]
print("skipped:", skipped)
print("warnings:", warnings)

for name, why in [("empty.txt", "empty"), ("image.png", "unsupported format"), ("notes.docx", "unsupported format"),
                  ("truncated.json", "invalid json"), ("deep.json", "nested")]:
    check(name in skipped and why in skipped[name].lower(), f"{name} skipped because {why!r}: {skipped.get(name)!r}")
check(any(w[0] == "feed.jsonl" and w[1] == 2 and "invalid json" in w[2].lower() for w in warnings), "feed.jsonl line 2 reported")
check(any(w[0] == "feed.jsonl" and w[1] == 5 for w in warnings), "feed.jsonl line 5 (not an object) reported")
check(any(w[0] == "feed.jsonl" and w[1] == 3 and "0001-01-01" in w[2] for w in warnings), "implausible date reported with its line")
check(any(w[0] == "latin1.txt" and "windows-1252" in w[2].lower() for w in warnings), "latin1.txt converted with a warning")
check(any(w[0] == "badutf8.txt" and "u+fffd" in w[2].lower() and "utf-8" in w[2].lower() for w in warnings), "invalid UTF-8 repaired with a warning")
check(any(w[0] == "badutf8.txt" and "nul" in w[2].lower() for w in warnings), "NUL bytes reported")
check_eq(summary["added"], 16, "articles indexed (3 from many.json, 3 good lines of feed.jsonl)")

res = run_json("search", "", "--db", db, "--limit", "100")
by_id = {r["id"]: r for r in res["results"]}
by_name = {}
for r in res["results"]:
    by_name.setdefault(os.path.basename(r["path"]), []).append(r)

def one(name):
    hits = by_name.get(name, [])
    check(len(hits) == 1, f"{name}: one article, got {len(hits)}")
    return hits[0] if hits else {}

check_eq(one("titled.txt").get("title"), "Ceasefire talks resume in Doha", "txt title")
check_eq(one("titled.txt").get("date"), "2023-11-14", "txt date from text")
u = one("untitled.txt")
check(u.get("title", "").startswith("Foreign ministers from the Group of Seven met in Tokyo on Nov. 8, 2023"), f"untitled display title from first sentence: {u.get('title')!r}")
check_eq(u.get("date"), "2023-11-08", "untitled date")
check_eq(one("dateline.txt").get("date"), "2024-03-03", "dateline date")
f = by_id.get("ex-lula-1", {})
check_eq(f.get("title"), "Lula meets Macron", "md front matter title")
check_eq(f.get("authors"), ["Ana Souza", "Jean Dupont"], "md authors list")
check_eq(f.get("source"), "Example Wire", "md source")
check_eq(f.get("date"), "2024-03-28", "md date")
j = by_id.get("j-1", {})
check_eq(j.get("title"), "Sanctions widen", "json Headline synonym")
check_eq(j.get("date"), "2023-11-14", "json RFC 2822 date in its own zone")
check_eq(j.get("authors"), ["A. Writer", "B. Writer"], "json Byline split")
check_eq(sorted(by_id.get(f"arr-{i}", {}).get("date") for i in range(3)), ["2017-07-23"] * 3, "json array with 7/23/17 dates")
check_eq(by_id.get("l-1", {}).get("date"), "2023-11-14", "ISO date-time keeps its own calendar day")
check_eq(by_id.get("l-2", {}).get("date"), "2023-09-05", "implausible metadata date falls back to text date")
check_eq(by_id.get("l-3", {}).get("date"), None, "Feb 30 rejected, no other date")
check_eq(one("packed.txt.gz").get("date"), "2022-05-01", "gzipped txt")
h = one("page.html")
check_eq(h.get("title"), "Ministers meet in Seoul", "html og:title")
check_eq(h.get("date"), "2024-01-13", "html published_time")
check_eq(h.get("source"), "Example Herald", "html site name")
check_eq(one("latin1.txt").get("title"), "Café diplomacy", "Windows-1252 converted")
check("secret.txt" not in by_name, "hidden folders skipped")

# Words that must and must not be indexed.
check_eq(run_json("search", "tracking", "--db", db)["total"], 0, "script text not indexed")
check_eq(run_json("search", "copyright", "--db", db)["total"], 0, "footer text not indexed")
check(run_json("search", "missile", "--db", db)["total"] >= 2, "html body and gz text indexed")
check_eq(run_json("search", "title:doha", "--db", db)["total"], 1, "title: field")
check_eq(run_json("search", "café", "--db", db)["total"], 1, "converted text searchable with accent")
check_eq(run_json("search", "cafe", "--db", db)["total"], 1, "and without")
check_eq(run_json("search", "elecciones", "--db", db)["total"], 1, "Spanish article searchable")

# Re-index after a change: replaced, not duplicated.
write(f"{src}/titled.txt", "Ceasefire talks collapse in Doha\n\nNegotiators left Doha on 15 November 2023.\n")
again = run_json("index", src, "--db", db)
check_eq(again["added"], 0, "nothing new on re-index")
check_eq(run_json("stats", "--db", db)["articles"], 16, "article count unchanged after re-index")
check_eq(run_json("search", "collapse", "--db", db)["total"], 1, "changed file's new text found")
check_eq(run_json("search", "resume", "--db", db)["total"], 0, "changed file's old text gone")
finish()
