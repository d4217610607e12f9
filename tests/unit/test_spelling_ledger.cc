// Tests for indexer/spelling_ledger and indexer/spelling_blob: a word is due
// once the run has seen it in min_frequency documents, its later documents
// come with the remainder, shards carry what is due as metadata blobs, and the
// merge that applies them gives the run's counts with nothing left behind.
#include "indexer/spelling_ledger.h"

#include <filesystem>
#include <map>
#include <string>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

#include "indexer/spelling_blob.h"

namespace fs = std::filesystem;

namespace {

std::map<std::string, unsigned> spellings(const Xapian::Database& db) {
  std::map<std::string, unsigned> out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

std::map<std::string, unsigned> as_map(const dossier::SpellingCounts& counts) {
  std::map<std::string, unsigned> out;
  for (const auto& [w, n] : counts) out[w] += n;
  return out;
}

// A batch holding these document counts per word.
dossier::SpellingBatch batch(std::initializer_list<std::pair<const char*, unsigned>> counts) {
  dossier::SpellingBatch b;
  for (const auto& [word, n] : counts)
    for (unsigned i = 0; i < n; ++i) b.add({word});
  return b;
}

size_t blob_keys(const Xapian::Database& db) {
  const std::string prefix(dossier::kSpellingBlobPrefix);
  size_t n = 0;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) ++n;
  return n;
}

}  // namespace

TEST_CASE("spelling ledger: a word is due once, when seen in enough documents, and later counts come last") {
  dossier::SpellingLedger ledger(2);
  dossier::SpellingCounts due;
  CHECK_FALSE(ledger.has_remainder());
  ledger.flush_shard(batch({{"treaty", 3}, {"embassy", 1}, {"once", 1}}), &due);
  CHECK(as_map(due) == std::map<std::string, unsigned>{{"treaty", 3}});  // "embassy", "once": 1 document so far
  ledger.flush_shard(batch({{"treaty", 4}, {"embassy", 1}}), &due);
  CHECK(as_map(due) == std::map<std::string, unsigned>{{"embassy", 2}});  // "treaty" was due before
  CHECK(ledger.has_remainder());
  dossier::SpellingCounts rest;
  CHECK(ledger.flush_remainder(&rest));
  CHECK(as_map(rest) == std::map<std::string, unsigned>{{"treaty", 4}});
  CHECK_FALSE(ledger.has_remainder());
  CHECK_FALSE(ledger.flush_remainder(&rest));
  CHECK(rest.empty());
}

TEST_CASE("spelling blobs: encoded counts round-trip, and damaged values are refused") {
  const dossier::SpellingCounts counts = {{"treaty", 7}, {"embassy", 2}, {"übergang", 300000}};
  dossier::SpellingCounts back;
  const std::string value = dossier::encode_spelling_counts(counts);
  REQUIRE(dossier::decode_spelling_counts(value, &back));
  CHECK(back == counts);
  CHECK_FALSE(dossier::decode_spelling_counts(value.substr(0, value.size() - 1), &back));  // cut short
  CHECK(back.empty());
  CHECK_FALSE(dossier::decode_spelling_counts(std::string("\x01\x00", 2), &back));  // an empty word
  CHECK(dossier::decode_spelling_counts("", &back));
  CHECK(back.empty());
}

TEST_CASE("spelling blobs: shards' blobs survive compaction and the merge applies them once") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-ledger-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  dossier::SpellingLedger ledger(2);
  auto shard = [&](const std::string& name, const dossier::SpellingCounts& counts) {
    Xapian::WritableDatabase db((dir / name).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    dossier::write_spelling_blob(db, name, counts);
    db.commit();
  };
  dossier::SpellingCounts due;
  ledger.flush_shard(batch({{"treaty", 3}, {"embassy", 1}, {"once", 1}}), &due);
  shard("a", due);
  ledger.flush_shard(batch({{"treaty", 4}, {"embassy", 1}}), &due);
  shard("b", due);
  dossier::SpellingCounts rest;
  ledger.flush_remainder(&rest);
  shard("rest", rest);
  // A shard written without a ledger keeps its own spelling table.
  {
    Xapian::WritableDatabase old((dir / "old").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    old.add_spelling("embassy", 5);
    old.commit();
  }
  // A damaged blob is dropped, not applied, and does not fail the merge.
  {
    Xapian::WritableDatabase bad((dir / "bad").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    bad.set_metadata(std::string(dossier::kSpellingBlobPrefix) + "bad", std::string("\x05\x09tr", 4));
    bad.commit();
  }
  Xapian::Database all;
  for (const char* n : {"a", "b", "rest", "old", "bad"}) all.add_database(Xapian::Database((dir / n).string()));
  all.compact((dir / "merged").string());
  {
    Xapian::WritableDatabase merged((dir / "merged").string(), Xapian::DB_OPEN);
    CHECK(blob_keys(merged) == 4);  // one per shard: their names keep them apart
    CHECK(spellings(merged) == std::map<std::string, unsigned>{{"embassy", 5}});
    // Commits part-way (every 2 words here) leave the same result.
    CHECK(dossier::apply_spelling_blobs(merged, 2) == 3);
    merged.commit();
  }
  Xapian::Database merged((dir / "merged").string());
  CHECK(spellings(merged) == std::map<std::string, unsigned>{{"embassy", 7}, {"treaty", 7}});
  CHECK(blob_keys(merged) == 0);
  // Suggestions work from the applied words' fragments.
  CHECK(merged.get_spelling_suggestion("treety") == "treaty");
  fs::remove_all(dir);
}
