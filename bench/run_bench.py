#!/usr/bin/env python3
"""Dossier benchmark: indexing and search figures against baselines run in the
same invocation on the same articles (see bench/README.md).

  python3 bench/run_bench.py --quick            # 5,000 articles, under a minute
  python3 bench/run_bench.py                    # all 37,554 AllSides articles
  python3 bench/run_bench.py --scale 1m         # 1,000,000 (replicated), Dossier only
  python3 bench/run_bench.py --quick --no-peers # Dossier alone, under a minute

Indexers: Dossier (tagging on; and --no-entities for the tagging overhead),
the floor program (bench/floor_indexer.cc), omindex (xapian-omega) and
recollindex (recoll). Search: bench/search_bench.cc over bench/queries.txt.
Prints tables and writes WORK/results-N.json.
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import prepare_corpus  # noqa: E402

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
SCALES = {"5k": 5000, "37k": 37554, "370k": 370000, "1m": 1000000}
ALL_PEERS = ["floor", "omindex", "recoll"]
FLOOR, RECOLL = "floor (Xapian, 1 thread)", "recollindex"
AGAIN = ", again after Dossier"
# Above this size the baselines would not fit the 30-minute budget (the floor
# alone costs ~8 ms per article at 37k, and more per article as its one
# database grows); they run only when --peers names them.
PEERS_MAX_DEFAULT = 40000


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def load_str():
    return "%.2f %.2f %.2f" % os.getloadavg()


def dir_bytes(path):
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_measured(name, cmd, env=None, stdout_path=None):
    """Runs cmd, returning wall and CPU seconds, peak RSS and its stdout.
    Peak RSS comes from /usr/bin/time: a child forked by this (larger) Python
    process would report at least Python's own RSS as its maximum. Output goes
    to files, not pipes, so that os.wait4 can reap the process."""
    log(f"[{name}] load {load_str()}: {' '.join(cmd)}")
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as rss, \
            (open(stdout_path, "w+b") if stdout_path else tempfile.TemporaryFile()) as out:
        full = ([TIME, "-f", "%M", "-o", rss.name] if TIME else []) + cmd
        load_at_start = os.getloadavg()[0]
        t0 = time.monotonic()
        proc = subprocess.Popen(full, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        rss.seek(0)
        timed = rss.read().decode().split()
    if code != 0:
        raise RuntimeError(f"{name} failed (exit {code}): {' '.join(cmd)}\n{stderr[-2000:]}{stdout[-1000:]}")
    peak_kb = int(timed[-1]) if timed and timed[-1].isdigit() else usage.ru_maxrss
    result = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
              "peak_rss_mb": peak_kb / 1024.0, "load_at_start": load_at_start}
    log(f"[{name}] {wall:.1f}s wall, {result['cpu_s']:.1f}s CPU, {result['peak_rss_mb']:.0f} MB peak RSS")
    return result, stdout


def doc_count(db):
    """Documents in a Xapian database, from xapian-delve (for the peers' databases)."""
    try:
        out = subprocess.run(["xapian-delve", db], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in out.splitlines():
        if line.startswith("number of documents"):
            return int(line.split("=")[1])
    return None


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        self.build = os.path.abspath(args.build)
        self.dossier = os.path.abspath(args.dossier) if args.dossier else os.path.join(self.build, "dossier")
        self.floor = os.path.join(self.build, "bench", "floor_indexer")
        self.search = os.path.join(self.build, "bench", "search_bench")
        self.results = {"indexing": {}, "notes": []}

    # ---- setup -----------------------------------------------------------
    def build_programs(self):
        targets = ["floor_indexer", "search_bench"] + ([] if self.args.dossier else ["dossier"])
        if not os.path.exists(os.path.join(self.build, "CMakeCache.txt")):
            subprocess.run(["cmake", "-S", REPO, "-B", self.build, "-DCMAKE_BUILD_TYPE=Release"], check=True,
                           stdout=subprocess.DEVNULL)
        log(f"building {', '.join(targets)} in {self.build}")
        subprocess.run(["cmake", "--build", self.build, "-j2", "--target", *targets], check=True,
                       stdout=subprocess.DEVNULL)

    def db(self, name):
        path = os.path.join(self.work, f"db-{self.n}-{name}")
        shutil.rmtree(path, ignore_errors=True)
        return path

    # ---- indexing --------------------------------------------------------
    def record(self, name, m, articles, db_bytes, extra=None):
        text = self.text_bytes
        m.update({"articles": articles, "articles_per_s": articles / m["wall_s"],
                  "text_mb_per_s": text / 1e6 / m["wall_s"], "db_bytes": db_bytes,
                  "db_over_text": db_bytes / text if db_bytes else None})
        if extra:
            m.update(extra)
        self.results["indexing"][name] = m

    def run_dossier(self, name, db, extra_flags):
        cmd = [self.dossier, "index", self.corpus["jsonl"]["dir"], "--db", db, "--quiet", "--json"]
        if self.args.threads is not None:
            cmd += ["--threads", str(self.args.threads)]
        m, out = run_measured(name, cmd + extra_flags)
        summary = json.loads(out)
        return m, summary

    def extra_overhead_pairs(self):
        """Alternating runs without and with tagging before the main pair, so the
        overhead is a median over pairs rather than one pair on a machine whose
        speed drifts."""
        pairs = []
        for _ in range(max(0, self.args.overhead_pairs - 1)):
            walls = []
            for label, flags in (("notag", ["--no-entities"]), ("tag", [])):
                db = self.db(f"dossier-pair-{label}")
                m, _ = self.run_dossier(f"dossier pair ({label})", db, flags)
                walls.append(m["wall_s"])
                shutil.rmtree(db, ignore_errors=True)
            pairs.append(walls)
        return pairs

    def index_dossier(self):
        pairs = []
        if self.args.tagging_overhead:
            pairs = self.extra_overhead_pairs()
            db = self.db("dossier-notag")
            m, s = self.run_dossier("dossier --no-entities", db, ["--no-entities"])
            self.record("dossier --no-entities", m, s["added"] + s["updated"], dir_bytes(db))
            pairs.append([m["wall_s"]])
            if not self.args.keep_dbs:
                shutil.rmtree(db, ignore_errors=True)
        db = self.dossier_db = self.db("dossier")
        m, s = self.run_dossier("dossier", db, [])
        if pairs:
            pairs[-1].append(m["wall_s"])
            self.results["tagging_overhead_pairs"] = pairs
        self.record("dossier", m, s["added"] + s["updated"], dir_bytes(db),
                    {"warnings": len(s.get("warnings", [])), "skipped": len(s.get("skipped", []))})
        if s["added"] != self.n:
            self.results["notes"].append(f"dossier indexed {s['added']} of {self.n} articles")
        # Re-run over the unchanged folder: an incremental run should find nothing to do.
        m, s = self.run_dossier("dossier re-run", db, [])
        m["changed"] = s["added"] + s["updated"] + s["removed"]
        self.results["indexing"]["dossier re-run (unchanged)"] = m
        self.compact_dossier(db)

    def compact_dossier(self, db):
        has_compact = subprocess.run([self.dossier, "compact", "--help"], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT).returncode == 0
        if has_compact:
            m, _ = run_measured("dossier compact", [self.dossier, "compact", "--db", db])
            m["db_bytes"] = dir_bytes(db)
            m["db_over_text"] = m["db_bytes"] / self.text_bytes
            self.results["indexing"]["dossier compact"] = m
            self.results["search_db_state"] = "after dossier compact"
        else:
            # No `dossier compact` yet: what Xapian's compactor makes of Dossier's
            # database, as a reference for the size target.
            out = self.db("dossier-xapian-compact")
            m, _ = run_measured("xapian-compact (reference)", ["xapian-compact", "--multipass", db, out])
            m["db_bytes"] = dir_bytes(out)
            m["db_over_text"] = m["db_bytes"] / self.text_bytes
            self.results["indexing"]["xapian-compact of dossier db (no `dossier compact`)"] = m
            shutil.rmtree(out, ignore_errors=True)
            self.results["search_db_state"] = "as indexed (no `dossier compact` command)"

    def index_floor(self, again=False):
        db = self.db("floor-again" if again else "floor")
        if not again:
            self.floor_db = db
        m, out = run_measured("floor", [self.floor, "--db", db, self.corpus["txt"]["dir"]])
        self.record(FLOOR + (AGAIN if again else ""), m, json.loads(out)["articles"], dir_bytes(db))
        if again:
            shutil.rmtree(db, ignore_errors=True)

    def index_omindex(self):
        db = self.db("omindex")
        logf = os.path.join(self.work, f"omindex-{self.n}.log")
        m, _ = run_measured("omindex", ["omindex", "--db", db, "--url", "/", self.corpus["txt"]["dir"]],
                            stdout_path=logf)
        self.record("omindex", m, self.n, dir_bytes(db), {"docs_in_db": doc_count(db)})
        if not self.args.keep_dbs:
            shutil.rmtree(db, ignore_errors=True)

    def index_recoll(self, again=False):
        conf = os.path.join(self.work, f"recoll-conf-{self.n}" + ("-again" if again else ""))
        shutil.rmtree(conf, ignore_errors=True)
        os.makedirs(conf)
        db = os.path.join(conf, "xapiandb")
        with open(os.path.join(conf, "recoll.conf"), "w") as f:
            f.write(f"topdirs = {self.corpus['txt']['dir']}\n"
                    f"dbdir = {db}\n"
                    "indexstemminglanguages = english\n"
                    "noaspell = 1\n"          # no aspell dictionary build: indexing only
                    "loglevel = 1\n")
        env = dict(os.environ, RECOLL_CONFDIR=conf, HOME=conf)
        m, _ = run_measured("recollindex", ["recollindex", "-c", conf, "-z"], env=env,
                            stdout_path=os.path.join(self.work, f"recollindex-{self.n}.log"))
        # Recoll also makes a document of each folder: docs_in_db is a little above N.
        self.record(RECOLL + (AGAIN if again else ""), m, self.n, dir_bytes(db), {"docs_in_db": doc_count(db)})
        if again or not self.args.keep_dbs:
            shutil.rmtree(conf, ignore_errors=True)

    # ---- search ----------------------------------------------------------
    def search_latency(self):
        cmd = [self.search, "--db", self.dossier_db, "--queries", self.args.queries,
               "--passes", str(self.args.passes)]
        if getattr(self, "floor_db", None):
            cmd += ["--floor-db", self.floor_db, "--floor-stem", "some"]
        m, out = run_measured("search_bench", cmd)
        self.results["search"] = json.loads(out)
        self.results["search"]["wall_s"] = m["wall_s"]

    # ---- driver ----------------------------------------------------------
    def run(self):
        a = self.args
        self.n = a.articles
        os.makedirs(self.work, exist_ok=True)
        if not a.no_build:
            self.build_programs()
        peers = a.peers_list
        t0 = time.monotonic()
        self.corpus = prepare_corpus.prepare(self.n, self.work, want_txt=bool(peers), log=log)
        prep_s = time.monotonic() - t0
        # Text = title line, blank line, body of every article: the bytes of the .txt files.
        self.text_bytes = self.corpus["jsonl"]["text_bytes"]
        r = self.results
        r.update({"articles": self.n, "text_bytes": self.text_bytes, "started": datetime.datetime.now().isoformat(
            timespec="seconds"), "load_before": load_str(), "cores": os.cpu_count(), "command": " ".join(sys.argv),
            "dossier_commit": git_commit(), "peers": peers, "corpus_prep_s": prep_s,
            # With --no-build the binary may be older than the checkout: say when it was built.
            "dossier_built": datetime.datetime.fromtimestamp(os.path.getmtime(self.dossier)).isoformat(
                timespec="seconds")})
        t0 = time.monotonic()
        single = [f for name, f in (("floor", self.index_floor), ("omindex", self.index_omindex)) if name in peers]
        if a.side_by_side and len(single) == 2:
            # The two single-threaded baselines each take one of the cores at once
            # (--quick, to fit in a minute); every row says so.
            threads = [threading.Thread(target=f) for f in single]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for name in (FLOOR, "omindex"):
                if name in r["indexing"]:
                    r["indexing"][name]["side_by_side"] = True
            r["notes"].append("floor and omindex ran side by side, one core each (--side-by-side)")
        else:
            for f in single:
                f()
        if "recoll" in peers:
            self.index_recoll()
        self.index_dossier()
        if a.baselines_again:
            # The machine's speed drifts within a run (the same floor run took 87 s
            # to 151 s on one day): the baselines run again after Dossier, in the
            # reverse order, and the ratios use each baseline's faster run.
            if "recoll" in peers:
                self.index_recoll(again=True)
            if "floor" in peers:
                self.index_floor(again=True)
        if not a.skip_search:
            self.search_latency()
        r["bench_s"] = time.monotonic() - t0
        r["load_after"] = load_str()
        if not a.keep_dbs:
            for name in ("dossier", "floor"):
                shutil.rmtree(os.path.join(self.work, f"db-{self.n}-{name}"), ignore_errors=True)
        out = os.path.join(self.work, f"results-{self.n}.json")
        with open(out, "w") as f:
            json.dump(r, f, indent=2)
        print(report(r, self.work))
        log(f"results written to {out}")


def git_commit():
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# ---- report ----------------------------------------------------------------
def fmt(x, spec=".1f", none="-"):
    return none if x is None else format(x, spec)


def table(headers, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows])


def ratio(a, b):
    return a / b if a is not None and b else None


def best_rate(idx, name):
    """A baseline's articles/s: the faster of its runs (before and after Dossier)."""
    rates = [idx[n]["articles_per_s"] for n in (name, name + AGAIN) if n in idx]
    return max(rates) if rates else None


def report(r, work):
    idx = r["indexing"]
    out = [f"Dossier benchmark: {r['articles']:,} articles, {r['text_bytes'] / 1e6:.1f} MB of text; "
           f"{r['cores']} cores; load {r['load_before']} before, {r['load_after']} after; "
           f"checkout {r['dossier_commit']}, dossier binary built {r.get('dossier_built', '?')}; run {r['started']}",
           f"command: {r['command']}", "", "Indexing (ratios are articles/s over the baseline's; "
           "a baseline run twice counts its faster run):"]
    floor = best_rate(idx, FLOOR)
    recoll = best_rate(idx, RECOLL)
    rows = []
    for name, m in idx.items():
        if "articles_per_s" not in m:
            continue
        rows.append([name + (" (side by side)" if m.get("side_by_side") else ""), fmt(m["wall_s"]), fmt(m["cpu_s"]), f"{m['articles']:,}", fmt(m["articles_per_s"], ".0f"),
                     fmt(m["text_mb_per_s"], ".2f"), fmt(m["peak_rss_mb"], ".0f"), fmt(m["db_over_text"], ".2f"),
                     fmt(ratio(m["articles_per_s"], floor), ".2f"), fmt(ratio(m["articles_per_s"], recoll), ".2f"),
                     fmt(m["load_at_start"], ".1f")])
    out.append(table(["indexer", "wall s", "CPU s", "articles", "articles/s", "MB/s", "peak RSS MB", "db/text",
                      "x floor", "x recoll", "load"], rows))
    out.append("")
    for name in (FLOOR, RECOLL):
        if name in idx and name + AGAIN in idx:
            first, again = idx[name]["wall_s"], idx[name + AGAIN]["wall_s"]
            out.append(f"baseline drift: {name} {first:.1f}s before Dossier, {again:.1f}s after "
                       f"({(again / first - 1) * 100:+.0f}%)")
    d = idx.get("dossier")
    if d:
        notag = idx.get("dossier --no-entities")
        pairs = r.get("tagging_overhead_pairs", [])
        if notag and len(pairs) > 1:
            overs = [t / n - 1 for n, t in pairs]
            total = sum(t for _, t in pairs) / sum(n for n, _ in pairs) - 1
            out.append(f"tagging overhead over {len(pairs)} alternating pairs (without, with tagging; wall s): "
                       + ", ".join(f"{n:.2f}/{t:.2f} +{o * 100:.1f}%" for (n, t), o in zip(pairs, overs)))
            out.append(f"  median +{statistics.median(overs) * 100:.1f}%, overall (sum with / sum without) "
                       f"+{total * 100:.1f}%, highest +{max(overs) * 100:.1f}% (issue 3 bar: at most +50%)")
        elif notag:
            over = d["wall_s"] / notag["wall_s"] - 1
            out.append(f"tagging overhead: {d['wall_s']:.1f}s with tagging / {notag['wall_s']:.1f}s without = "
                       f"+{over * 100:.0f}% (issue 3 bar: at most +50%)")
        re_run = idx.get("dossier re-run (unchanged)")
        if re_run:
            out.append(f"incremental re-run over the unchanged folder: {re_run['wall_s']:.2f}s = "
                       f"{re_run['wall_s'] / d['wall_s'] * 100:.1f}% of the first run ({re_run['changed']} articles "
                       f"changed; target < 10%)")
        for name in ("dossier compact", "xapian-compact of dossier db (no `dossier compact`)"):
            c = idx.get(name)
            if c:
                out.append(f"{name}: {c['wall_s']:.1f}s, database {c['db_bytes'] / 1e6:.1f} MB = "
                           f"{c['db_over_text']:.2f}x the text (target <= 1.5x); as indexed {d['db_over_text']:.2f}x")
        out.append(f"per-article cost: {d['wall_s'] / d['articles'] * 1000:.2f} ms wall, "
                   f"{d['cpu_s'] / d['articles'] * 1000:.2f} ms CPU")
    out += growth(work, r)
    s = r.get("search")
    if s:
        out += ["", f"Search latency, in process, {s['passes']} passes after a warm-up, "
                    f"database {r.get('search_db_state', '')}, {s['articles']:,} articles (ms):"]
        rows = []
        for klass, m in s["dossier"].items():
            rows.append([f"dossier {klass}", m["queries"], m["no_match_queries"], fmt(m.get("mean_matches"), ".0f"),
                         fmt(m["p50_ms"], ".2f"),
                         fmt(m["p95_ms"], ".2f"), fmt(m["p99_ms"], ".2f"), fmt(m["max_ms"], ".2f")])
        for key, label in (("dossier_floor_comparable", "dossier keyword+phrase"),
                           ("dossier_floor_comparable_no_snippets", "dossier keyword+phrase, no snippets"),
                           ("floor_on_dossier_db", "floor Enquire on dossier db (STEM_ALL_Z)"),
                           ("floor_with_snippets_on_dossier_db", "floor + Dossier-style snippets (diagnostic)"),
                           ("floor_on_floor_db", "floor Enquire on floor db (STEM_SOME)")):
            if key in s:
                m = s[key]
                rows.append([label, m["queries"], m.get("no_match_queries", ""), "", fmt(m["p50_ms"], ".2f"),
                             fmt(m["p95_ms"], ".2f"), fmt(m["p99_ms"], ".2f"), fmt(m["max_ms"], ".2f")])
        out.append(table(["queries", "n", "no match", "mean matches", "p50", "p95", "p99", "max"], rows))
        dk, fl = s["dossier_floor_comparable"], s["floor_on_dossier_db"]
        out.append(f"keyword+phrase p50: dossier / floor on the same db = {ratio(dk['p50_ms'], fl['p50_ms']):.2f}x "
                   "(target <= 1.2x; Dossier makes snippets, the floor does not)")
        dn = s.get("dossier_floor_comparable_no_snippets")
        if dn:
            out.append(f"keyword+phrase p50 without snippets: dossier / floor = {ratio(dn['p50_ms'], fl['p50_ms']):.2f}x")
        fs = s.get("floor_with_snippets_on_dossier_db")
        if fs:
            out.append(f"keyword+phrase p50 with snippets on both: dossier / floor+snippets = "
                       f"{ratio(dk['p50_ms'], fs['p50_ms']):.2f}x")
        kf, k = s["dossier"].get("keyword_facets"), s["dossier"].get("keyword")
        if kf and k:
            out.append(f"facets: keyword_facets p99 / keyword p99 (same queries) = "
                       f"{ratio(kf['p99_ms'], k['p99_ms']):.2f}x (target < 3x at 1M)")
        bf, b = s["dossier"].get("browse_facets"), s["dossier"].get("browse")
        if bf and b:
            out.append(f"facets over browse (all articles match): p99 {bf['p99_ms']:.1f} vs {b['p99_ms']:.1f} ms")
    for n in r["notes"]:
        out.append("note: " + n)
    out.append(f"benchmark time {r['bench_s']:.0f}s (corpus preparation {r['corpus_prep_s']:.0f}s, not counted)")
    return "\n".join(out)


def growth(work, r):
    """Dossier's per-article cost against earlier runs' results in the same work dir."""
    runs = {}
    for f in os.listdir(work):
        if f.startswith("results-") and f.endswith(".json"):
            try:
                with open(os.path.join(work, f)) as fh:
                    old = json.load(fh)
                runs[old["articles"]] = old
            except (OSError, ValueError, KeyError):
                continue
    runs[r["articles"]] = r
    rows, base = [], runs.get(37554, {}).get("indexing", {}).get("dossier")
    for n in sorted(runs):
        d = runs[n]["indexing"].get("dossier")
        if not d:
            continue
        per = d["wall_s"] / d["articles"] * 1000
        rows.append([f"{n:,}", runs[n]["started"], fmt(per, ".2f"), fmt(d["peak_rss_mb"], ".0f"),
                     fmt(ratio(per, base["wall_s"] / base["articles"] * 1000) if base else None, ".2f")])
    if len(rows) < 2:
        return []
    return ["", "Growth (Dossier with tagging, from results-*.json in the work dir; target at 1M: <= 1.3x of 37k):",
            table(["articles", "run", "ms/article", "peak RSS MB", "x 37k"], rows)]


def parse_args(argv):
    p = argparse.ArgumentParser(description="Dossier indexing and search benchmark (see bench/README.md)")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="5,000 articles")
    size.add_argument("--scale", choices=sorted(SCALES), help="5k, 37k (default), 370k or 1m articles")
    size.add_argument("--articles", type=int, help="any number of articles")
    p.add_argument("--work", default="/tmp/dossier-bench", help="corpora, databases and results (default %(default)s)")
    p.add_argument("--build", default=os.path.join(REPO, "build"), help="CMake build dir (default %(default)s)")
    p.add_argument("--dossier", help="dossier binary to measure (default BUILD/dossier)")
    p.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    p.add_argument("--peers", help="comma list of baselines among floor,omindex,recoll "
                                   f"(default all up to {PEERS_MAX_DEFAULT:,} articles, none above)")
    p.add_argument("--no-peers", action="store_true", help="Dossier alone (the under-a-minute --quick)")
    p.add_argument("--tagging-overhead", dest="tagging_overhead", action="store_true", default=None,
                   help="also index with --no-entities (default up to 40,000 articles)")
    p.add_argument("--no-tagging-overhead", dest="tagging_overhead", action="store_false")
    p.add_argument("--overhead-pairs", type=int, default=1,
                   help="alternating runs without/with tagging for the overhead (default 1: the main pair)")
    p.add_argument("--threads", type=int, help="passed to dossier index --threads")
    p.add_argument("--side-by-side", dest="side_by_side", action="store_true", default=None,
                   help="run the floor and omindex at the same time, one core each (default with --quick)")
    p.add_argument("--one-at-a-time", dest="side_by_side", action="store_false",
                   help="run every indexer alone (default except with --quick)")
    p.add_argument("--baselines-again", dest="baselines_again", action="store_true", default=None,
                   help="run the floor and recollindex again after Dossier; ratios use the faster run "
                        "(default except with --quick)")
    p.add_argument("--baselines-once", dest="baselines_again", action="store_false")
    p.add_argument("--passes", type=int, help="timed search passes (default 5; 2 with --quick)")
    p.add_argument("--queries", default=os.path.join(BENCH_DIR, "queries.txt"))
    p.add_argument("--skip-search", action="store_true")
    p.add_argument("--keep-dbs", action="store_true", help="keep the databases in the work dir")
    a = p.parse_args(argv)
    a.articles = a.articles or (5000 if a.quick else SCALES[a.scale or "37k"])
    if a.no_peers:
        a.peers_list = []
    elif a.peers is not None:
        a.peers_list = [x for x in a.peers.split(",") if x]
        bad = set(a.peers_list) - set(ALL_PEERS)
        if bad:
            p.error(f"unknown peers {sorted(bad)}; choose from {ALL_PEERS}")
    else:
        a.peers_list = ALL_PEERS if a.articles <= PEERS_MAX_DEFAULT else []
    if a.side_by_side is None:
        a.side_by_side = a.quick
    if a.baselines_again is None:
        a.baselines_again = not a.quick
    if a.passes is None:
        a.passes = 2 if a.quick else 5
    if a.tagging_overhead is None:
        a.tagging_overhead = a.articles <= PEERS_MAX_DEFAULT
    return a


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    for tool, peer in (("omindex", "omindex"), ("recollindex", "recoll")):
        if peer in args.peers_list and not shutil.which(tool):
            sys.exit(f"run_bench: {tool} not found; apt-get install -y "
                     f"{'xapian-omega' if peer == 'omindex' else 'recoll'}, or leave it out with --peers")
    Bench(args).run()


if __name__ == "__main__":
    main()
