// `dossier index DIR`: reads, tags and indexes a folder of articles.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "common/text.h"
#include "indexer/indexer.h"

namespace dossier {
namespace {

struct IndexArgs {
  std::string dir;
  std::string db = "dossier-db";
  int threads = 0;
  size_t batch = 2000;
  size_t max_file_mb = 64;
  bool no_entities = false;
  bool no_spelling = false;
  bool no_delete = false;
  std::string mode = "auto";
  size_t shard_size = 250;  // small shards are cheapest to write (Xapian's cost per article grows with its database)
  bool quiet = false;
  bool json = false;
  bool verbose = false;
};

// File names may not be UTF-8; terminals get them repaired.
std::string printable(std::string s) {
  repair_utf8(s);
  return s;
}

extern "C" void on_interrupt(int) { g_stop_requested = true; }

std::string format_eta(double seconds) {
  char buf[32];
  int s = static_cast<int>(seconds);
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%dh%02dm", s / 3600, s / 60 % 60);
  else std::snprintf(buf, sizeof buf, "%dm%02ds", s / 60, s % 60);
  return buf;
}

ProgressFn make_progress(bool quiet) {
  if (quiet) return nullptr;
  bool tty = stderr_is_tty();
  auto last = std::make_shared<double>(-1.0);
  return [tty, last](const IndexProgress& p) {
    double interval = tty ? 0.1 : 10.0;
    bool done = p.files_done == p.files_total;
    if (!done && p.seconds - *last < interval) return;
    *last = p.seconds;
    double rate = p.seconds > 0 ? p.articles / p.seconds : 0;
    double file_rate = p.seconds > 0 ? p.files_done / p.seconds : 0;
    double eta = file_rate > 0 ? (p.files_total - p.files_done) / file_rate : 0;
    char line[200];
    if (tty) {
      int width = 30;
      int filled = p.files_total ? static_cast<int>(width * p.files_done / p.files_total) : width;
      std::string bar(static_cast<size_t>(filled), '#');
      bar.resize(static_cast<size_t>(width), '.');
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files, %zu articles, %.0f/s, ETA %s   ", bar.c_str(),
                    p.files_done, p.files_total, p.articles, rate, format_eta(eta).c_str());
      std::cerr << line << (done ? "\n" : "") << std::flush;
    } else {
      std::snprintf(line, sizeof line, "progress: %zu/%zu files, %zu articles, %.0f articles/s, ETA %s", p.files_done,
                    p.files_total, p.articles, rate, format_eta(eta).c_str());
      std::cerr << line << std::endl;
    }
  };
}

void run_index(const IndexArgs& args) {
  IndexOptions options;
  options.db_path = args.db;
  options.threads = args.threads;
  options.batch_size = args.batch;
  options.spelling = !args.no_spelling;
  options.delete_missing = !args.no_delete;
  options.shard_docs = args.shard_size;
  if (args.mode == "direct") options.bulk_min_bytes = SIZE_MAX;
  else if (args.mode == "bulk") options.bulk_min_bytes = 0;
  options.read.max_file_bytes = args.max_file_mb << 20;

  // The tagger loads in the background while the folder is listed and read;
  // the indexer waits for it before tagging and stops (writing nothing) if it failed.
  std::unique_ptr<EntityTagger> tagger;
  if (!args.no_entities) {
    tagger = EntityTagger::StartLoading(data_dir());
    options.tagger = tagger.get();
  }

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  IndexSummary summary;
  Status s = index_directory(args.dir, options, &summary, make_progress(args.quiet || args.json));
  std::signal(SIGINT, SIG_DFL);
  if (tagger) {
    // Also when nothing needed tagging this time: the next run would fail.
    Status ready = tagger->ready();
    if (!ready.ok()) fail("cannot load the entity tagger: " + ready.message() + "; or index with --no-entities");
    if (!tagger->has_model() && !args.quiet) std::cerr << "dossier: warning: " << tagger->load_note() << "\n";
  }
  if (!s.ok()) fail(s);

  size_t indexed = summary.articles_added + summary.articles_updated;
  if (args.json) {
    nlohmann::json skipped = nlohmann::json::array(), warnings = nlohmann::json::array();
    for (const auto& k : summary.skipped) skipped.push_back({{"path", k.path}, {"reason", k.reason}});
    for (const auto& w : summary.warnings)
      warnings.push_back({{"path", w.path}, {"line", w.line}, {"message", w.message}});
    nlohmann::json j = {{"database", args.db},      {"files", summary.files_seen},
                        {"added", summary.articles_added}, {"updated", summary.articles_updated},
                        {"removed", summary.articles_removed}, {"files_unchanged", summary.files_unchanged},
                        {"files_removed", summary.files_removed}, {"resumed", summary.articles_resumed},
                        {"bulk", summary.bulk},
                        {"skipped", skipped},       {"warnings", warnings},
                        {"interrupted", summary.interrupted}, {"seconds", summary.seconds}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  } else {
    size_t shown = 0;
    constexpr size_t kMaxShown = 50;
    for (const auto& w : summary.warnings) {
      if (!args.verbose && ++shown > kMaxShown) break;
      std::cerr << "warning: " << printable(w.path) << (w.line ? ":" + std::to_string(w.line) : "") << ": " << w.message << "\n";
    }
    for (const auto& k : summary.skipped) std::cerr << "skipped: " << printable(k.path) << ": " << k.reason << "\n";
    if (!args.verbose && summary.warnings.size() > kMaxShown)
      std::cerr << "(" << summary.warnings.size() - kMaxShown << " more warnings; --verbose shows all)\n";
    if (!args.quiet) {
      std::printf("%s %zu articles from %zu files into %s in %.1fs (%.0f articles/s): %zu added, %zu updated, "
                  "%zu removed; %zu files unchanged, %zu files removed, %zu files skipped, %zu warnings\n",
                  summary.interrupted ? "Interrupted: committed" : "Indexed", indexed, summary.files_read,
                  args.db.c_str(), summary.seconds, summary.seconds > 0 ? indexed / summary.seconds : 0.0,
                  summary.articles_added, summary.articles_updated, summary.articles_removed,
                  summary.files_unchanged, summary.files_removed, summary.skipped.size(), summary.warnings.size());
    }
  }
  if (summary.interrupted) throw CommandFailure{130};
  if (indexed == 0 && summary.files_unchanged == 0 && summary.files_removed == 0) fail("nothing could be indexed from " + args.dir + " (" + std::to_string(summary.skipped.size()) +
                         " files skipped); check the folder holds .txt .md .json .jsonl .html files");
}

}  // namespace

void register_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "Index a folder of news articles (txt, md, json, jsonl, html, .gz)");
  cmd->add_option("DIR", args->dir, "Folder (or single file) to index")->required();
  cmd->add_option("--db", args->db, "Database path")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0 = one per core)")->check(CLI::Range(0, 256));
  cmd->add_option("--batch", args->batch, "Articles per commit")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--max-file-size", args->max_file_mb, "Skip files larger than this many MB")
      ->check(CLI::Range(1, 4096))->capture_default_str();
  cmd->add_flag("--no-entities", args->no_entities, "Do not tag persons, organizations and places");
  cmd->add_flag("--no-spelling", args->no_spelling, "Do not build spelling data (faster; no 'Did you mean')");
  cmd->add_option("--mode", args->mode,
                  "auto: many new files go through parallel shards merged by compaction, the rest directly; "
                  "direct: always write into the database in batches; bulk: always use shards")
      ->check(CLI::IsMember({"auto", "direct", "bulk"}))->capture_default_str();
  cmd->add_option("--shard-size", args->shard_size, "Articles per shard in bulk mode")
      ->check(CLI::Range(10, 10000000))->capture_default_str();
  cmd->add_flag("--no-delete", args->no_delete, "Keep articles of files that disappeared from DIR");
  cmd->add_flag("-q,--quiet", args->quiet, "Print only warnings and errors");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->add_flag("-v,--verbose", args->verbose, "Print every warning");
  cmd->callback([args] { run_index(*args); });
}

}  // namespace dossier
