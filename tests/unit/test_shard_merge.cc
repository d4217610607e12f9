// Grouped merging of many shards (indexer/shard_merge.h): order kept, every
// document kept, intermediate parts cleaned up, the shards themselves left alone.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include "common/disk_usage.h"
#include "common/index_terms.h"
#include "common/schema.h"
#include "indexer/metadata_batch.h"
#include "indexer/shard_merge.h"

namespace fs = std::filesystem;

namespace {

// prefix + n, built in two steps: GCC 12 warns (-Wrestrict) on "text" + std::to_string(n).
std::string numbered(const char* prefix, int n) {
  std::string s(prefix);
  s += std::to_string(n);
  return s;
}

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
    std::string path = (tmp.path / numbered("shard-", s)).string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (int d = 0; d < 2; ++d) {
      Xapian::Document doc;
      doc.set_data(std::to_string(s * 2 + d));
      doc.add_boolean_term(numbered("Q", s * 2 + d));
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

TEST_CASE("entity display names: the best spelling wins in a batch, in the database and across shards") {
  using dossier::is_better_display_name;
  CHECK(is_better_display_name("Florida", "FLORIDA"));
  CHECK(is_better_display_name("Michael Flynn", "Michael] Flynn"));
  CHECK(is_better_display_name("Fox News", "FOX News"));
  CHECK_FALSE(is_better_display_name("FLORIDA", "Florida"));
  CHECK(is_better_display_name("Erdo\xC4\x9F" "an", "ERDO\xC4\x9E" "AN"));
  // A clean start, then capitals where a title-casing program dropped them.
  CHECK(is_better_display_name("Bernie Sanders", "-Bernie Sanders"));
  CHECK_FALSE(is_better_display_name("-Bernie Sanders", "Bernie Sanders"));
  CHECK(is_better_display_name("Bernie Sanders", "\xE2\x80\x94" "Bernie Sanders"));
  CHECK(is_better_display_name("Mitch McConnell", "Mitch Mcconnell"));
  CHECK_FALSE(is_better_display_name("Mitch Mcconnell", "Mitch McConnell"));
  // A capital held too long loses, though it has more capitals.
  CHECK(is_better_display_name("Hillary Clinton", "HIllary Clinton"));
  CHECK_FALSE(is_better_display_name("HIllary Clinton", "Hillary Clinton"));
  CHECK(is_better_display_name("JPMorgan Chase", "Jpmorgan Chase"));  // three capitals: an acronym's
  CHECK(is_better_display_name("MPs", "Mps"));                          // one lower-case letter: a plural
  CHECK(is_better_display_name("Fox News", "FOX NEWS"));
  CHECK(is_better_display_name("Fox News", "Fox news"));
  // Particles in lower case, as written, beat a title-cased headline's capitals.
  CHECK(is_better_display_name("Bashar al-Assad", "Bashar Al Assad"));
  CHECK(is_better_display_name("Bashar al-Assad", "Bashar al Assad"));  // the hyphen news writes after "al"
  CHECK(is_better_display_name("Bashar al-Assad", "Bashar al- Assad"));
  CHECK_FALSE(is_better_display_name("Bashar Al Assad", "Bashar al-Assad"));
  CHECK(is_better_display_name("Bill de Blasio", "Bill De Blasio"));
  CHECK(is_better_display_name("Ursula von der Leyen", "Ursula Von Der Leyen"));
  CHECK(is_better_display_name("Barack Obama", "Barack obama"));  // a lower-case word that is no particle
  CHECK(is_better_display_name("Al Sharpton", "al Sharpton"));    // a first word is no particle
  CHECK(is_better_display_name("Chris Van Hollen", "Chris van Hollen"));
  CHECK(is_better_display_name("Club for Growth", "Club For Growth"));
  CHECK(is_better_display_name("CBS This Morning", "CBS \xE2\x80\x9CThis Morning"));
  CHECK(is_better_display_name("John F. Kelly", "John F.\xC2\xA0Kelly"));  // "K" after a no-break space is no inner capital
  CHECK(dossier::reads_well_as_display_name("Mitch McConnell"));
  CHECK_FALSE(dossier::reads_well_as_display_name("-Bernie Sanders"));
  CHECK_FALSE(dossier::reads_well_as_display_name("NATO"));
  // Equal in every respect but spelling: the alphabetically first, on both sides.
  CHECK(is_better_display_name("Abc Def", "Abc Deg") != is_better_display_name("Abc Deg", "Abc Def"));

  TempDir tmp;
  const std::string id_key = "ei:l:000000aa";
  // Within one batch, and against what the database already holds.
  {
    const std::string path = (tmp.path / "batch").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    dossier::MetadataBatch batch;
    batch.add({{id_key, "FLORIDA"}, {"ew:l:florida\x1f" "FLORIDA", "1"}});
    batch.add({{id_key, "Florida"}, {id_key, "Florida ("}});
    batch.flush(db);
    CHECK(db.get_metadata(id_key) == "Florida");
    batch.add({{id_key, "FLORIDA"}});  // a later run meets only the dateline form
    batch.flush(db);
    CHECK(db.get_metadata(id_key) == "Florida");
  }
  // Across shards merged by reduce_fan_in: four shards, two parts of two.
  std::vector<std::string> shards;
  const char* names[] = {"FLORIDA", "Florida", "Florida", "FLORIDA"};
  for (int s = 0; s < 4; ++s) {
    std::string path = (tmp.path / numbered("dict-shard-", s)).string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    Xapian::Document doc;
    doc.add_boolean_term(numbered("Q", s));
    db.add_document(doc);
    db.set_metadata(id_key, names[s]);
    db.set_metadata("other", numbered("value-", s));
    db.commit();
    shards.push_back(path);
  }
  std::vector<std::string> inputs = shards;
  const std::string scratch = (tmp.path / "dict-merging").string();
  fs::create_directories(scratch);
  REQUIRE(dossier::reduce_fan_in(&inputs, scratch, 2).ok());
  REQUIRE(inputs.size() == 2);
  for (const auto& part : inputs) {
    Xapian::Database db(part);
    CHECK(db.get_metadata(id_key) == "Florida");
  }
  // Other keys keep the first shard's value, as before.
  CHECK(Xapian::Database(inputs[0]).get_metadata("other") == "value-0");
  CHECK(Xapian::Database(inputs[1]).get_metadata("other") == "value-2");
}

TEST_CASE("merge fan-in: the soft open-file limit is raised, and the fan-in follows the limit") {
  rlimit before{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &before) == 0);
  if (before.rlim_max != RLIM_INFINITY && before.rlim_max <= 1024) {
    MESSAGE("skipped: the hard open-file limit is " << before.rlim_max << ", nothing to raise");
    return;
  }
  rlimit low = before;
  low.rlim_cur = 1024;  // Debian's default soft limit
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
  const size_t fan_in = dossier::merge_fan_in();
  rlimit after{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &after) == 0);
  const rlim_t expected_soft = before.rlim_max == RLIM_INFINITY ? 65536 : std::min<rlim_t>(before.rlim_max, 65536);
  CHECK(after.rlim_cur == expected_soft);
  CHECK(after.rlim_max == before.rlim_max);
  // Two compactions of up to eight files per source, 64 files kept free; at most 256.
  CHECK(fan_in == std::min<size_t>((expected_soft - 64) / 16, 256));
  CHECK(fan_in > 64);  // the 147 shards of 37,554 articles merge in one pass when the limit allows 2,112 files

  // A limit that cannot be raised still gives a working fan-in. Lowering the
  // hard limit is for good, so a child process does it.
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    rlimit fixed{1024, 1024};
    if (::setrlimit(RLIMIT_NOFILE, &fixed) != 0) ::_exit(2);
    ::_exit(dossier::merge_fan_in() == (1024 - 64) / 16 ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("disk space note: only when the file system is low, naming the directory and what to do") {
  const std::string dir = fs::temp_directory_path().string();
  CHECK(dossier::low_disk_space_note(dir, 0).empty());
  const std::string note = dossier::low_disk_space_note(dir, UINT64_MAX);
  CHECK(note.rfind("; the disk holding " + dir + " has only ", 0) == 0);
  CHECK(note.find(" MB free") != std::string::npos);
  CHECK(note.find("run the same command") != std::string::npos);
  CHECK(dossier::low_disk_space_note("/nonexistent/dossier/dir", UINT64_MAX).empty());
}

TEST_CASE("database layout: a new database holds the schema version before its stub names it") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-layout-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  dossier::DatabaseLayout layout(dir.string());
  REQUIRE(layout.ensure_exists().ok());
  // The first generation, as published: a search that opens it right away (or
  // after the indexer is killed here) finds an empty Dossier database.
  Xapian::Database db(dir.string());
  CHECK(db.get_doccount() == 0);
  CHECK(db.get_metadata(std::string(dossier::schema::kMetaSchemaVersion)) == dossier::schema::kSchemaVersion);
  fs::remove_all(dir);
}
