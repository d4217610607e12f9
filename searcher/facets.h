// Exact facet counting. While the matcher ranks the page it lists every
// matching document (a MatchSpy that only records the docid); the facets are
// then read from value streams (schema.h) over that list, one
// Xapian::ValueIterator per slot, in docid order, with no per-document string
// keys. The default facets (person, org, place, month, year) come together from
// one value per document (common/facet_record.h) when two or more are asked for,
// since a value read's fixed cost outweighs its bytes; a single facet reads its
// own slot. Entity ids are counted as integers; short text values (month, year)
// are packed into an integer key too; the display names of the top entity ids
// come from the entity dictionary at the end.
#pragma once

#include <bit>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/entity_names.h"
#include "common/facet_record.h"
#include "searcher/search_request.h"

namespace dossier {

// Which combined facet records (schema::kSlotFacets) counting may read: those
// of a schema 3 or 4 database, with hashed entity ids; those of a schema 5
// database, with dense ids; or none, for a schema 5 stub over several
// databases, whose dense ids mean different entities in each (counting then
// reads the per-facet slots, whose hashed ids mean one entity everywhere).
enum class FacetRecords { kHashedIds, kDenseIds, kNone };
FacetRecords facet_records_of(const Xapian::Database& db);

// The facet names users may ask for.
const std::vector<std::string>& known_facets();
bool is_known_facet(std::string_view name);

// Counts per key (an integer type) in one flat array (open addressing, linear
// probing): no allocation per new key and no per-node frees, unlike
// std::unordered_map. Entity ids are 32-bit, so their slots take 8 bytes.
// Tables fill to half, though they then outgrow a core's L2: at three
// quarters the longer probe runs cost more than the cache misses save.
// Reading and counting the largest benchmark query's records at 1M articles
// ("human rights", 91,815 articles, 3.8 million ids) on one thread took 38.1
// ms filled to three quarters and 36.4 ms filled to half (bench/README.md).
template <typename Key>
class IdCounter {
 public:
  IdCounter() : slots_(1024) {}
  void add(Key id, uint32_t n = 1) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = home(id);; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.count && s.id == id) { s.count += n; return; }
      if (!s.count) {
        s.id = id;
        s.count = n;
        if (++used_ * kMaxLoadDen > slots_.size() * kMaxLoadNum) grow(slots_.size() * 2);
        return;
      }
    }
  }
  // Adds another counter's counts. The table first grows to the other's size
  // (and room for both): keys come out of a table in the order of their home
  // slots, and packed into a smaller table that order piles them into one
  // long probe run (measured: a date-range query's counting 50% slower).
  void merge(const IdCounter& other) {
    if (slots_.size() < other.slots_.size()) grow(other.slots_.size());
    reserve(used_ + other.used_);
    other.for_each([&](Key id, uint32_t count) { add(id, count); });
  }
  // Room for `keys` distinct keys without rehashing.
  void reserve(size_t keys) {
    if (keys * kMaxLoadDen > slots_.size() * kMaxLoadNum) grow(std::bit_ceil(keys * kMaxLoadDen / kMaxLoadNum + 1));
  }
  template <typename F>
  void for_each(F f) const {
    for (const auto& s : slots_)
      if (s.count) f(s.id, s.count);
  }
  size_t size() const { return used_; }
  void swap(IdCounter& other) noexcept {
    slots_.swap(other.slots_);
    std::swap(shift_, other.shift_);
    std::swap(used_, other.used_);
  }

 private:
  struct Slot {
    Key id = 0;
    uint32_t count = 0;
  };
  // 32-bit keys are entity ids, already well-mixed hashes (entity_id()), or
  // small month and year numbers: their low bits serve, and a multiply less
  // on the way to the slot took 1-3 ms off the largest faceted query at 1M.
  // Packed text keys differ only in a few middle bytes: Fibonacci hashing.
  size_t home(Key id) const {
    if constexpr (sizeof(Key) <= 4) return static_cast<size_t>(id) & (slots_.size() - 1);
    else return static_cast<size_t>((static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void grow(size_t new_size) {
    std::vector<Slot> old(new_size);
    old.swap(slots_);
    shift_ = 64 - std::countr_zero(new_size);
    const size_t mask = slots_.size() - 1;
    for (const auto& s : old) {
      if (!s.count) continue;
      size_t i = home(s.id);
      while (slots_[i].count) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  static constexpr size_t kMaxLoadNum = 1, kMaxLoadDen = 2;
  std::vector<Slot> slots_;
  int shift_ = 64 - 10;  // 64 - log2(slots_.size())
  size_t used_ = 0;
};

// Counts per dense entity id (schema 5: small numbers handed out from 0 per
// type, indexer/entity_id_registry.h). While few distinct ids are seen, an
// IdCounter; past kArrayAfter, a plain array indexed by id, 4 bytes an id. At
// a million articles, the persons' 85,000 ids take 340 KB and stay in a
// core's L2 cache, where the hash table's 8-byte slots at half load outgrew
// it: probing that table was 38% of the largest faceted query's time. Small
// results keep the hash table, so they never allocate and zero the array.
class DenseIdCounter {
 public:
  void add(uint32_t id, uint32_t n = 1) {
    if (array_.empty() || id >= kMaxArrayId) {
      small_.add(id, n);
      if (array_.empty() && small_.size() > kArrayAfter) to_array();
      return;
    }
    if (id >= array_.size()) array_.resize(std::bit_ceil(size_t{id} + 1), 0);
    array_[id] += n;
  }
  void merge(const DenseIdCounter& other) {
    if (array_.empty() && !other.array_.empty()) to_array();
    if (!other.array_.empty()) {
      if (array_.size() < other.array_.size()) array_.resize(other.array_.size(), 0);
      for (size_t i = 0; i < other.array_.size(); ++i) array_[i] += other.array_[i];
    }
    other.small_.for_each([&](uint32_t id, uint32_t count) { add(id, count); });
  }
  template <typename F>
  void for_each(F f) const {
    for (size_t i = 0; i < array_.size(); ++i)
      if (array_[i]) f(static_cast<uint32_t>(i), array_[i]);
    small_.for_each(f);
  }

 private:
  static constexpr size_t kArrayAfter = 4096;
  // Larger ids (only from a damaged record: a database would need millions
  // of entities of a type) stay in the hash table rather than size the array.
  static constexpr uint32_t kMaxArrayId = uint32_t{1} << 24;
  void to_array() {
    IdCounter<uint32_t> small;
    small.swap(small_);
    array_.resize(1024, 0);
    small.for_each([&](uint32_t id, uint32_t count) { add(id, count); });
  }
  IdCounter<uint32_t> small_;
  std::vector<uint32_t> array_;
};

// Records every matching document id, in the order the matcher visits them.
class MatchingDocs : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { docids_.push_back(doc.get_docid()); }
  // Ascending, as ValueIterator::check needs.
  const std::vector<Xapian::docid>& sorted();

 private:
  std::vector<Xapian::docid> docids_;
};

class FacetCounter {
 public:
  explicit FacetCounter(std::string_view facet);
  // Adds the facet values of `docids` (ascending) to the counts, from the
  // facet's own value slot.
  void count(const Xapian::Database& db, std::span<const Xapian::docid> docids);
  // Whether the facet is in the combined record (schema::kSlotFacets).
  bool in_record() const { return field_ != Field::kSource; }
  // For counting from records: begin_records(n) for n documents, then
  // add_record() for each that has one.
  void begin_records(size_t documents, RecordIds ids);
  void add_record(const FacetRecordView& record);
  // Adds another counter's counts (same facet) to these.
  void merge(const FacetCounter& other);
  // The `limit` most frequent values, ties broken alphabetically by name.
  // `docids` are the documents counted (all counters merged): an entity id
  // two entities share is split by their filter terms over them.
  std::vector<FacetValue> top(const Xapian::Database& db, size_t limit, std::span<const Xapian::docid> docids) const;
  size_t documents_seen() const { return seen_; }

 private:
  void add_text(std::string_view value);
  std::vector<FacetValue> top_with_shared_ids(const Xapian::Database& db, size_t limit,
                                              std::span<const Xapian::docid> docids) const;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  enum class Field { kPerson, kOrg, kPlace, kSource, kMonth, kYear };
  void add_ids(std::string_view packed);        // hashed ids, 4 bytes each
  void add_dense_ids(std::string_view packed);  // varints
  bool entity() const { return field_ == Field::kPerson || field_ == Field::kOrg || field_ == Field::kPlace; }
  Field field_ = Field::kYear;
  Xapian::valueno slot_ = 0;
  EntityType type_ = EntityType::kPerson;
  size_t seen_ = 0;
  bool dense_ids_ = false;           // counts from schema 5 records: in dense_counts_
  IdCounter<uint32_t> id_counts_;    // hashed entity ids
  DenseIdCounter dense_counts_;      // dense entity ids
  IdCounter<uint64_t> text_counts_;  // text values of up to 7 bytes, packed with their length
  IdCounter<uint32_t> date_codes_;   // from records: month codes (month facet) or years (year facet)
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> long_text_counts_;
};

// Counts `facets` over `docids` (ascending). With a `helper` database (a second
// handle on the same revision of the same database, since Xapian objects must
// not be shared between threads) and enough work, a second thread counts the
// upper half of the docids and the counts are merged: facet counting is reading
// value streams, and both cores read at once. If the helper fails, its half is
// counted on `db`, so the counts are always exact.
bool second_thread_pays(size_t docids, size_t facets);
// Adds the values of `docids` (ascending) to every counter, on one thread.
void count_values(const Xapian::Database& db, std::span<const Xapian::docid> docids, FacetRecords records,
                  std::vector<FacetCounter>* counters);
std::vector<FacetCounter> count_facets(const Xapian::Database& db, const Xapian::Database* helper,
                                       const std::vector<Xapian::docid>& docids,
                                       const std::vector<std::string>& facets, FacetRecords records);

// Counts facets while the matcher is still finding matches. A MatchSpy: every
// kChunk matching docids go to a queue, and from the first full chunk a second
// thread (on `helper`, its own handle at the same revision) counts chunks as
// the matcher goes on; when the match ends, both threads count what is left.
// Counting a large result's facets then overlaps the match itself, which
// visits every match anyway. The docids must arrive ascending (one database);
// a query with fewer matches than a chunk is counted by count_facets().
class FacetStream : public Xapian::MatchSpy {
 public:
  static constexpr size_t kChunk = 8192;
  // `get_helper` is called once, at the first full chunk; nullptr: no thread.
  FacetStream(const Xapian::Database& db, std::function<const Xapian::Database*()> get_helper,
              std::vector<std::string> facets, FacetRecords records, size_t chunk = kChunk);
  ~FacetStream() override;
  void operator()(const Xapian::Document& doc, double) override;
  // After the match: counts what is left and returns one counter per facet,
  // over all matching documents.
  std::vector<FacetCounter> finish();
  // Every matching docid, ascending (valid after finish()).
  const std::vector<Xapian::docid>& docids() const { return all_; }

 private:
  struct Consumer {
    std::vector<FacetCounter> counters;
    std::vector<size_t> taken;  // chunk numbers counted
  };
  void start_thread();
  // Counts queued chunks into `c` on `db` until none is left (and, if
  // `wait_for_more`, the match has ended).
  void drain(const Xapian::Database& db, Consumer* c, bool wait_for_more);
  void stop_thread();

  const Xapian::Database& db_;
  std::function<const Xapian::Database*()> get_helper_;
  const Xapian::Database* helper_ = nullptr;
  std::vector<std::string> facets_;
  FacetRecords records_;
  size_t chunk_;
  std::vector<Xapian::docid> current_;  // the chunk being filled
  std::vector<Xapian::docid> all_;      // filled by finish()
  bool asked_for_helper_ = false;

  std::mutex mutex_;
  std::condition_variable more_;
  std::deque<std::vector<Xapian::docid>> chunks_;  // a deque: taken chunks stay put as more arrive
  size_t next_chunk_ = 0;
  bool ended_ = false;
  bool helper_failed_ = false;
  Consumer helper_side_;
  std::thread thread_;
};

}  // namespace dossier
