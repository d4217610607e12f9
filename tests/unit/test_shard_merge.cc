// Grouped merging of many shards (indexer/shard_merge.h): order kept, every
// document kept, intermediate parts cleaned up, the shards themselves left alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>
#include <xapian.h>

#include "indexer/shard_merge.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("dossier-test-merge-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("shard merge: groups are compacted in order until few enough remain") {
  TempDir tmp;
  // 10 shards of 2 documents each; documents are numbered in shard order.
  std::vector<std::string> shards;
  for (int s = 0; s < 10; ++s) {
    std::string path = (tmp.path / ("shard-" + std::to_string(s))).string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (int d = 0; d < 2; ++d) {
      Xapian::Document doc;
      doc.set_data(std::to_string(s * 2 + d));
      doc.add_boolean_term("Q" + std::to_string(s * 2 + d));
      db.add_document(doc);
    }
    db.commit();
    shards.push_back(path);
  }
  std::vector<std::string> inputs = shards;
  const std::string scratch = (tmp.path / "merging").string();
  fs::create_directories(scratch);
  // Fan-in 3: 10 -> 4 parts -> 2 parts (two levels).
  REQUIRE(dossier::reduce_fan_in(&inputs, scratch, 3).ok());
  CHECK(inputs.size() == 2);
  for (const auto& s : shards) CHECK_MESSAGE(fs::exists(s), "shards stay: " << s);
  size_t parts_left = 0;
  for (const auto& e : fs::directory_iterator(scratch)) {
    (void)e;
    ++parts_left;
  }
  CHECK_MESSAGE(parts_left == 2, "first-level parts are removed once merged");

  // The final compaction (as merge_into_new_generation does) concatenates the parts.
  Xapian::Database parts;
  for (const auto& p : inputs) parts.add_database(Xapian::Database(p));
  const std::string final_db = (tmp.path / "final").string();
  parts.compact(final_db);
  Xapian::Database merged(final_db);
  REQUIRE(merged.get_doccount() == 20);
  // Document order (docid order across the parts) is the shards' order.
  int expected = 0;
  for (Xapian::PostingIterator it = merged.postlist_begin(""); it != merged.postlist_end(""); ++it) {
    CHECK(merged.get_document(*it).get_data() == std::to_string(expected));
    ++expected;
  }
  CHECK(expected == 20);
}
