#!/usr/bin/env python3
"""Benchmark corpora from the AllSides articles (../shared/corpora/allsides).

Writes, under WORK/corpus-N/:
  jsonl/shard-NNNNN.jsonl   1,000 articles per file, for `dossier index`
  txt/NNNN/<id>.txt         title line, blank line, body; 1,000 files per folder,
                            for the floor program, omindex and recollindex
  jsonl.json, txt.json      what was written (articles, files, bytes): written
                            last, so a half-written corpus is redone, not reused
N above 37,554 replicates the articles: copy k (k >= 1) gets the id "<ID>-rKK"
and its date moved k whole years back (Feb 29 -> Feb 28 when needed), so the
vocabulary and term statistics stay those of real news while every article is
distinct. The text is never copied into the repository: only into WORK.

Usage: prepare_corpus.py --articles N [--work DIR] [--no-txt]
"""
import argparse
import gzip
import json
import os
import re
import shutil
import sys
import time

DEFAULT_SOURCE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                               "..", "..", "shared", "corpora", "allsides", "articles.jsonl.gz"))
PER_FILE = 1000

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(.*)$")
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(.*)$")


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def shift_date(date, years):
    """`date` moved `years` years back; dates in a form we do not know stay as they are."""
    if years == 0 or not date:
        return date
    m = ISO_DATE.match(date)
    if m:
        y, mo, d, rest = int(m.group(1)) - years, m.group(2), m.group(3), m.group(4)
        if y < 1:
            return date
        if mo == "02" and d == "29" and not is_leap(y):
            d = "28"
        return f"{y:04d}-{mo}-{d}{rest}"
    m = US_DATE.match(date)
    if m:
        mo, d, y, rest = m.group(1), m.group(2), int(m.group(3)) - years, m.group(4)
        if y < 1:
            return date
        if int(mo) == 2 and int(d) == 29 and not is_leap(y):
            d = "28"
        return f"{mo}/{d}/{y}{rest}"
    return date


def load_articles(source, limit=None):
    """The source articles (the first `limit`), with their JSON-encoded fields
    prepared once for every copy."""
    articles = []
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(articles) >= limit:
                break
            a = json.loads(line)
            title = (a.get("title") or "").replace("\n", " ").strip()
            body = a.get("content_original") or ""
            articles.append({
                "id": str(a.get("ID") or len(articles)),
                "date": str(a.get("date") or ""),
                "url": a.get("url") or "",
                "title": title,
                "body": body,
                # The parts of the JSONL line that do not change between copies.
                "fixed": ", ".join([
                    '"title": ' + json.dumps(title, ensure_ascii=False),
                    '"authors": ' + json.dumps(a.get("authors") or "", ensure_ascii=False),
                    '"source": ' + json.dumps(a.get("source") or "", ensure_ascii=False),
                    '"body": ' + json.dumps(body, ensure_ascii=False),
                ]),
                "txt": (title + "\n\n" + body + "\n").encode("utf-8"),
            })
    return articles


def generate(articles, count):
    """(index, id, date, url, article) for `count` articles, replicating as needed."""
    n = len(articles)
    for i in range(count):
        copy, a = divmod(i, n)
        a = articles[a]
        if copy == 0:
            yield i, a["id"], a["date"], a["url"], a
        else:
            url = a["url"] + f"#copy-{copy}" if a["url"] else ""
            yield i, f"{a['id']}-r{copy:02d}", shift_date(a["date"], copy), url, a


def safe_name(article_id):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", article_id)


def write_jsonl(articles, count, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    files, total, text_bytes = 0, 0, 0
    f = None
    for i, aid, date, url, a in generate(articles, count):
        text_bytes += len(a["txt"])  # what the .txt file of this article holds
        if i % PER_FILE == 0:
            if f:
                f.close()
            f = open(os.path.join(out_dir, f"shard-{i // PER_FILE:05d}.jsonl"), "w", encoding="utf-8")
            files += 1
        line = ('{"id": ' + json.dumps(aid) + ', "date": ' + json.dumps(date) + ', "url": ' +
                json.dumps(url, ensure_ascii=False) + ", " + a["fixed"] + "}\n")
        total += f.write(line)
    if f:
        f.close()
    return {"articles": count, "files": files, "chars": total, "text_bytes": text_bytes}


def write_txt(articles, count, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    total = 0
    folder = None
    for i, aid, _date, _url, a in generate(articles, count):
        if i % PER_FILE == 0:
            folder = os.path.join(out_dir, f"{i // PER_FILE:04d}")
            os.makedirs(folder)
        with open(os.path.join(folder, safe_name(aid) + ".txt"), "wb") as f:
            total += f.write(a["txt"])
    return {"articles": count, "files": count, "bytes": total}


def prepare(count, work, want_txt=True, source=DEFAULT_SOURCE, log=print):
    """Makes sure WORK/corpus-COUNT holds the corpus; returns its description."""
    root = os.path.join(work, f"corpus-{count}")
    os.makedirs(root, exist_ok=True)
    parts = [("jsonl", write_jsonl)] + ([("txt", write_txt)] if want_txt else [])
    missing = [(name, fn) for name, fn in parts if not os.path.exists(os.path.join(root, name + ".json"))]
    info = {"root": root, "articles": count}
    if missing:
        if not os.path.exists(source):
            sys.exit(f"prepare_corpus: {source} is missing; it holds the AllSides articles the benchmark needs")
        t0 = time.time()
        articles = load_articles(source, limit=count)
        log(f"corpus: read {len(articles):,} source articles in {time.time() - t0:.1f}s")
        for name, fn in missing:
            marker = os.path.join(root, name + ".json")
            t0 = time.time()
            desc = fn(articles, count, os.path.join(root, name))
            desc["seconds"] = round(time.time() - t0, 1)
            with open(marker, "w") as f:
                json.dump(desc, f)
            log(f"corpus: wrote {name} for {count:,} articles in {desc['seconds']}s")
    for name, _ in parts:
        with open(os.path.join(root, name + ".json")) as f:
            info[name] = json.load(f)
        info[name]["dir"] = os.path.join(root, name)
    return info


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--work", default="/tmp/dossier-bench")
    p.add_argument("--source", default=DEFAULT_SOURCE)
    p.add_argument("--no-txt", action="store_true", help="only the JSONL shards (Dossier alone)")
    a = p.parse_args()
    print(json.dumps(prepare(a.articles, a.work, not a.no_txt, a.source), indent=2))


if __name__ == "__main__":
    main()
