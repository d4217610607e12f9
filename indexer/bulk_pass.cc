#include "indexer/bulk_pass.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "common/text.h"
#include "indexer/document_builder.h"
#include "indexer/shard_set.h"

namespace dossier {
namespace {

constexpr size_t kChunkArticles = 32;
constexpr size_t kMaxQueuedChunks = 16;  // bounds memory: the reader waits for workers

// Articles of one or more whole units (parts of files), in order: units[i]
// covers the next units[i].count articles. Small files share a chunk, so that
// a worker tags a batch of articles before it indexes them (see the worker).
struct Chunk {
  std::vector<ShardUnit> units;
  std::vector<Article> articles;
};

// A bounded multi-consumer queue of chunks.
class ChunkQueue {
 public:
  void push(Chunk c) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < kMaxQueuedChunks || closed_; });
    q_.push_back(std::move(c));
    not_empty_.notify_one();
  }
  std::optional<Chunk> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    Chunk c = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return c;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Chunk> q_;
  bool closed_ = false;
};

}  // namespace

Status run_bulk_pass(const std::vector<BulkFile>& files, const IndexOptions& options, const BulkTarget& target,
                     IndexSummary* summary, const ProgressFn& progress, BulkResult* result) {
  const std::string& shards_dir = target.shards_dir;
  std::error_code ec;
  std::filesystem::create_directories(shards_dir, ec);
  if (ec) return Status::IOError("cannot create " + shards_dir + ": " + ec.message());
  auto started = std::chrono::steady_clock::now();

  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  ChunkQueue queue;
  std::atomic<size_t> built{0};
  std::mutex status_mu;
  Status worker_status;
  std::vector<std::unique_ptr<ShardWriter>> writers;
  std::vector<std::thread> workers;
  BuildOptions build;
  build.spelling = options.spelling;
  build.entity_ids = target.entity_ids;
  SpellingLedger spelling(kMinSpellingDocuments);
  for (int t = 0; t < threads; ++t) {
    writers.push_back(std::make_unique<ShardWriter>(shards_dir, t, options.shard_docs, target.schema, &spelling));
    workers.emplace_back([&, w = writers.back().get()] {
      // The tagger may still be loading while the reader fills the queue.
      if (options.tagger) {
        Status ready = options.tagger->ready();
        if (!ready.ok()) {
          std::lock_guard lock(status_mu);
          if (worker_status.ok()) worker_status = Status::IOError("cannot load the entity tagger: " + ready.message());
          g_stop_requested = true;
          queue.close();  // the reader must not wait for room that no worker makes
          return;
        }
      }
      while (std::optional<Chunk> c = queue.pop()) {
        Status s;
        // The whole chunk is tagged first, then indexed: alternating per article
        // made the tagger's tables and Xapian's term maps evict each other from
        // the caches.
        std::vector<TagResult> tags;
        if (options.tagger) {
          tags.reserve(c->articles.size());
          for (const Article& a : c->articles)
            tags.push_back(options.tagger->tag(a.title.empty() ? a.body : a.title + "\n\n" + a.body, a.lang));
        }
        size_t next = 0;
        for (size_t u = 0; u < c->units.size() && s.ok(); ++u) {
          for (size_t end = next + static_cast<size_t>(c->units[u].count); next < end; ++next) {
            s = w->add(build_document(c->articles[next], tags.empty() ? nullptr : &tags[next], build));
            if (!s.ok()) break;
            ++built;
          }
          if (s.ok()) s = w->add_unit(c->units[u]);
        }
        if (!s.ok()) {
          std::lock_guard lock(status_mu);
          if (worker_status.ok()) worker_status = s;
          g_stop_requested = true;  // stop the reader; the error is reported
        }
      }
      // Each worker commits its last shard itself, so the commits overlap
      // (on Ctrl-C too: finished chunks are kept).
      Status c = w->close();
      if (!c.ok()) {
        std::lock_guard lock(status_mu);
        if (worker_status.ok()) worker_status = c;
      }
    });
  }

  IndexProgress prog;
  prog.files_total = files.size();
  Chunk pending;
  for (size_t i = 0; i < files.size() && !g_stop_requested; ++i) {
    const BulkFile& f = files[i];
    std::string shown = f.path;
    repair_utf8(shown);
    ReadResult read = read_article_file(f.path, options.read, f.path);
    for (auto& w : read.warnings) summary->warnings.push_back(std::move(w));
    if (!read.status.ok()) {
      summary->skipped.push_back({shown, read.status.message()});
    } else {
      ++summary->files_read;
      int total = static_cast<int>(read.articles.size());
      for (int first = 0; first < total; first += static_cast<int>(kChunkArticles)) {
        int count = std::min<int>(kChunkArticles, total - first);
        pending.units.push_back({f.path, f.size, f.mtime_ns, read.content_hash, first, count, total});
        for (int k = first; k < first + count; ++k) {
          summary->bytes_read += read.articles[k].body.size() + read.articles[k].title.size();
          pending.articles.push_back(std::move(read.articles[k]));
        }
        if (pending.articles.size() >= kChunkArticles) queue.push(std::exchange(pending, Chunk{}));
      }
    }
    prog.files_done = i + 1;
    prog.articles = built;
    prog.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) progress(prog);
  }
  if (!pending.units.empty() && !g_stop_requested) queue.push(std::move(pending));
  queue.close();
  for (auto& t : workers) t.join();
  Status s = worker_status;
  // The spelling counts gathered after each word went into a shard.
  ShardWriter last(shards_dir, threads, options.shard_docs, target.schema);
  Status spelled = last.write_spelling_remainder(spelling);
  if (s.ok()) s = spelled;
  result->shards.insert(result->shards.end(), last.completed().begin(), last.completed().end());
  for (auto& w : writers) result->shards.insert(result->shards.end(), w->completed().begin(), w->completed().end());
  writers.clear();
  result->articles = built;
  if (progress) {
    prog.articles = built;
    progress(prog);
  }
  return s;
}

}  // namespace dossier
