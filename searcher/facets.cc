#include "searcher/facets.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <system_error>
#include <thread>

#include "common/index_terms.h"
#include "common/schema.h"
#include "common/varint.h"

namespace dossier {

const std::vector<std::string>& known_facets() {
  static const std::vector<std::string> names = {"person", "org", "place", "source", "month", "year"};
  return names;
}

FacetRecords facet_records_of(const Xapian::Database& db) {
  if (!schema::has_dense_entity_ids(db.get_metadata(std::string(schema::kMetaSchemaVersion))))
    return FacetRecords::kHashedIds;
  return db.size() == 1 ? FacetRecords::kDenseIds : FacetRecords::kNone;
}

bool is_known_facet(std::string_view name) {
  const auto& k = known_facets();
  return std::find(k.begin(), k.end(), name) != k.end();
}

namespace {

uint32_t load_le32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  return v;
}

// Text values of up to 7 bytes as one integer: the bytes, then the length in the
// top byte (so "" and values ending in NUL stay distinct).
constexpr size_t kMaxPackedText = 7;

uint64_t pack_text(std::string_view s) {
  uint64_t v = static_cast<uint64_t>(s.size()) << 56;
  for (size_t i = 0; i < s.size(); ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return v;
}

std::string unpack_text(uint64_t v) {
  std::string s(static_cast<size_t>(v >> 56), '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return s;
}

// Distinct entities grow with the documents, linearly in small sets and more
// slowly in large ones (over the whole 37k news corpus: 2.4 persons, 2
// organizations, 0.55 places per article). Sizing the table for 2 per document
// saves most rehashes without a table so large that zeroing and scanning it
// cost more than they save (measured 1, 2, 4 per document); beyond 65,536
// keys, growing on demand is cheaper than guessing.
constexpr size_t kReservePerDocument = 2;
constexpr size_t kMaxReserve = size_t{1} << 16;

}  // namespace

const std::vector<Xapian::docid>& MatchingDocs::sorted() {
  // A single database yields ascending docids; shards of a stub are visited one after another.
  if (!std::is_sorted(docids_.begin(), docids_.end())) std::sort(docids_.begin(), docids_.end());
  return docids_;
}

FacetCounter::FacetCounter(std::string_view facet) {
  if (facet == "person") { field_ = Field::kPerson; slot_ = schema::kSlotPersons; type_ = EntityType::kPerson; }
  else if (facet == "org") { field_ = Field::kOrg; slot_ = schema::kSlotOrgs; type_ = EntityType::kOrg; }
  else if (facet == "place") { field_ = Field::kPlace; slot_ = schema::kSlotPlaces; type_ = EntityType::kPlace; }
  else if (facet == "source") { field_ = Field::kSource; slot_ = schema::kSlotSource; }
  else if (facet == "month") { field_ = Field::kMonth; slot_ = schema::kSlotMonth; }
  else { field_ = Field::kYear; slot_ = schema::kSlotYear; }
}

namespace {

// Calls f(value) for each of `docids` (ascending) with a value in `slot`.
template <typename F>
void for_each_value(const Xapian::Database& db, Xapian::valueno slot, std::span<const Xapian::docid> docids, F f) {
  Xapian::ValueIterator it = db.valuestream_begin(slot), end = db.valuestream_end(slot);
  for (Xapian::docid did : docids) {
    // check() moves to the first document with a value at or after did, or
    // returns false when did has no value.
    if (!it.check(did)) continue;
    if (it == end) break;
    if (it.get_docid() != did) continue;
    const std::string value = *it;
    if (!value.empty()) f(value);
  }
}

}  // namespace

void FacetCounter::count(const Xapian::Database& db, std::span<const Xapian::docid> docids) {
  begin_records(docids.size(), RecordIds::kHashed);  // the per-facet slots hold hashed ids
  for_each_value(db, slot_, docids, [&](const std::string& value) {
    if (entity()) add_ids(value);
    else add_text(value);
  });
}

void FacetCounter::begin_records(size_t documents, RecordIds ids) {
  seen_ += documents;
  if (entity() && ids == RecordIds::kHashed) id_counts_.reserve(std::min(documents * kReservePerDocument, kMaxReserve));
}

void FacetCounter::add_record(const FacetRecordView& record) {
  switch (field_) {
    case Field::kPerson:
    case Field::kOrg:
    case Field::kPlace:
      if (record.encoding == RecordIds::kDense) {
        dense_ids_ = true;
        add_dense_ids(record.ids[static_cast<size_t>(type_)]);
      } else {
        add_ids(record.ids[static_cast<size_t>(type_)]);
      }
      break;
    case Field::kMonth: if (record.month_code >= 0) date_codes_.add(static_cast<uint32_t>(record.month_code)); break;
    case Field::kYear: if (record.month_code >= 0) date_codes_.add(static_cast<uint32_t>(record.month_code / 12)); break;
    case Field::kSource: break;  // not in the record
  }
}

void FacetCounter::add_ids(std::string_view packed) {
  for (size_t i = 0; i + kEntityIdBytes <= packed.size(); i += kEntityIdBytes)
    id_counts_.add(load_le32(packed.data() + i));
}

void FacetCounter::add_dense_ids(std::string_view packed) {
  const auto* p = reinterpret_cast<const unsigned char*>(packed.data());
  const auto* const end = p + packed.size();
  uint32_t id;
  while (p < end && (p = read_varint(p, end, &id))) dense_counts_.add(id);  // damaged: the rest is not counted
}

void count_values(const Xapian::Database& db, std::span<const Xapian::docid> docids, FacetRecords records,
                  std::vector<FacetCounter>* counters) {
  std::vector<FacetCounter*> from_record;
  for (auto& c : *counters)
    if (c.in_record()) from_record.push_back(&c);
  // One facet reads fewer bytes from its own slot.
  if (from_record.size() < 2 || records == FacetRecords::kNone) from_record.clear();
  const RecordIds ids = records == FacetRecords::kDenseIds ? RecordIds::kDense : RecordIds::kHashed;
  for (auto& c : *counters)
    if (from_record.empty() || !c.in_record()) c.count(db, docids);
  if (from_record.empty()) return;
  for (FacetCounter* c : from_record) c->begin_records(docids.size(), ids);
  for_each_value(db, schema::kSlotFacets, docids, [&](const std::string& value) {
    FacetRecordView record;
    if (!decode_facet_record(value, ids, &record)) return;  // damaged: counted as having none
    for (FacetCounter* c : from_record) c->add_record(record);
  });
}

void FacetCounter::merge(const FacetCounter& other) {
  seen_ += other.seen_;
  dense_ids_ = dense_ids_ || other.dense_ids_;
  id_counts_.merge(other.id_counts_);
  dense_counts_.merge(other.dense_counts_);
  text_counts_.merge(other.text_counts_);
  date_codes_.merge(other.date_codes_);
  for (const auto& [value, count] : other.long_text_counts_) long_text_counts_[value] += count;
}

void FacetCounter::add_text(std::string_view value) {
  if (value.size() <= kMaxPackedText) {
    text_counts_.add(pack_text(value));
    return;
  }
  auto it = long_text_counts_.find(value);
  if (it != long_text_counts_.end()) ++it->second;
  else long_text_counts_.emplace(value, 1);
}

namespace {

// Articles among `docids` (ascending) with the entity's filter term.
uint32_t count_with_term(const Xapian::Database& db, const std::string& term,
                         std::span<const Xapian::docid> docids) {
  uint32_t n = 0;
  Xapian::PostingIterator p = db.postlist_begin(term), end = db.postlist_end(term);
  for (Xapian::docid did : docids) {
    p.skip_to(did);
    if (p == end) break;
    n += *p == did;
  }
  return n;
}

}  // namespace

std::vector<FacetValue> FacetCounter::top(const Xapian::Database& db, size_t limit,
                                          std::span<const Xapian::docid> docids) const {
  std::vector<FacetValue> all;
  auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (entity()) {
    if (limit == 0) return all;
    // One scan: a min-heap of the best `limit` counts gives the cut-off, and
    // every id at or above the heap's minimum so far is a candidate.
    std::vector<uint32_t> best;
    std::vector<std::pair<uint64_t, uint32_t>> candidates;
    best.reserve(limit + 1);
    auto consider = [&](uint64_t id, uint32_t count) {
      if (best.size() < limit) {
        best.push_back(count);
        std::push_heap(best.begin(), best.end(), std::greater<>());
      } else if (count < best.front()) {
        return;
      } else if (count > best.front()) {
        std::pop_heap(best.begin(), best.end(), std::greater<>());
        best.back() = count;
        std::push_heap(best.begin(), best.end(), std::greater<>());
      }
      candidates.emplace_back(id, count);
    };
    if (dense_ids_) dense_counts_.for_each(consider);
    else id_counts_.for_each(consider);
    if (best.empty()) return all;
    const uint32_t threshold = best.front();
    bool shared_id = false;
    for (const auto& [id, count] : candidates) {
      if (count < threshold) continue;  // ties at the cut are all named, then ordered by name
      if (dense_ids_) {
        // One entity per dense id: the entry lists more than one name only if
        // entity_key() ever changed; they are then one entity's spellings.
        std::vector<std::string> names = entity_id_names(db.get_metadata(dense_id_key(type_, static_cast<uint32_t>(id))));
        if (!names.empty()) all.push_back({std::move(names.front()), count});
        continue;
      }
      std::string entry = db.get_metadata(entity_id_key(type_, static_cast<uint32_t>(id)));
      if (entry.find(schema::kNameSeparator) != std::string::npos) { shared_id = true; break; }
      if (!entry.empty()) all.push_back({std::move(entry), count});
    }
    if (shared_id) all = top_with_shared_ids(db, limit, docids);
  } else {
    // Dates counted from records join those counted as text (a value slot).
    IdCounter<uint64_t> text_counts = text_counts_;
    date_codes_.for_each([&](uint32_t code, uint32_t count) {
      const int c = static_cast<int>(code);
      text_counts.add(pack_text(field_ == Field::kMonth ? FacetRecordView::month_text(c) : std::to_string(c)), count);
    });
    all.reserve(text_counts.size() + long_text_counts_.size());
    text_counts.for_each([&](uint64_t key, uint32_t count) { all.push_back({unpack_text(key), count}); });
    for (const auto& [v, c] : long_text_counts_) all.push_back({v, c});
  }
  std::sort(all.begin(), all.end(), order);
  if (all.size() > limit) all.resize(limit);
  return all;
}

// An id among the best that two entities share (entity_id()): its count is
// theirs together, so each entity's own count comes from its filter term
// over the matching documents. Ids are taken in falling order of their
// (combined) counts until no later id can reach the best `limit`, since a
// split count is never above the id's count. Rare: n entities of a type
// hold about n^2 / 2^33 shared pairs (one among 100,000, 116 among 1,000,000).
std::vector<FacetValue> FacetCounter::top_with_shared_ids(const Xapian::Database& db, size_t limit,
                                                          std::span<const Xapian::docid> docids) const {
  std::vector<std::pair<uint32_t, uint64_t>> by_count;
  by_count.reserve(id_counts_.size());
  id_counts_.for_each([&](uint64_t id, uint32_t count) { by_count.emplace_back(count, id); });
  std::sort(by_count.begin(), by_count.end(), std::greater<>());
  std::vector<FacetValue> all;
  std::vector<uint32_t> best;  // min-heap of the best `limit` exact counts so far
  auto take = [&](std::string name, uint32_t count) {
    if (count == 0) return;
    all.push_back({std::move(name), count});
    best.push_back(count);
    std::push_heap(best.begin(), best.end(), std::greater<>());
    if (best.size() > limit) {
      std::pop_heap(best.begin(), best.end(), std::greater<>());
      best.pop_back();
    }
  };
  for (const auto& [count, id] : by_count) {
    if (best.size() >= limit && count < best.front()) break;
    std::string entry = db.get_metadata(entity_id_key(type_, static_cast<uint32_t>(id)));
    std::vector<std::string> names = entity_id_names(entry);
    if (names.size() == 1) {
      take(std::move(names[0]), count);
    } else {
      for (auto& name : names) {
        uint32_t own = count_with_term(db, entity_filter_term(type_, name), docids);
        take(std::move(name), own);
      }
    }
  }
  return all;
}

namespace {

// Below this many value reads (matching documents x facets) a second thread
// costs more to start than it saves: a value read costs 0.1-0.5 microseconds.
constexpr size_t kMinParallelReads = 8192;

}  // namespace

bool second_thread_pays(size_t docids, size_t facets) { return docids * facets >= kMinParallelReads; }

std::vector<FacetCounter> count_facets(const Xapian::Database& db, const Xapian::Database* helper,
                                       const std::vector<Xapian::docid>& docids,
                                       const std::vector<std::string>& facets, FacetRecords records) {
  std::vector<FacetCounter> counters(facets.begin(), facets.end());
  if (!helper || !second_thread_pays(docids.size(), facets.size())) {
    count_values(db, docids, records, &counters);
    return counters;
  }
  const std::span<const Xapian::docid> all(docids);
  const auto low = all.first(docids.size() / 2), high = all.subspan(docids.size() / 2);
  std::vector<FacetCounter> upper(facets.begin(), facets.end());
  bool helper_failed = false;
  std::thread second([&] {
    try {
      count_values(*helper, high, records, &upper);
    } catch (...) {  // an exception must not escape a thread; the half is recounted below
      helper_failed = true;
    }
  });
  try {
    count_values(db, low, records, &counters);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (helper_failed) {
    upper = std::vector<FacetCounter>(facets.begin(), facets.end());
    count_values(db, high, records, &upper);
  }
  for (size_t i = 0; i < counters.size(); ++i) counters[i].merge(upper[i]);
  return counters;
}

FacetStream::FacetStream(const Xapian::Database& db, std::function<const Xapian::Database*()> get_helper,
                         std::vector<std::string> facets, FacetRecords records, size_t chunk)
    : db_(db),
      get_helper_(std::move(get_helper)),
      facets_(std::move(facets)),
      records_(records),
      chunk_(std::max<size_t>(chunk, 1)) {
  current_.reserve(chunk_);
}

FacetStream::~FacetStream() { stop_thread(); }

void FacetStream::stop_thread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ended_ = true;
  }
  more_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void FacetStream::operator()(const Xapian::Document& doc, double) {
  current_.push_back(doc.get_docid());
  if (current_.size() < chunk_) return;
  if (!asked_for_helper_) {
    asked_for_helper_ = true;
    helper_ = get_helper_ ? get_helper_() : nullptr;
    if (helper_) {
      try {
        start_thread();
      } catch (const std::system_error&) {  // no thread to be had: this one counts everything
        helper_side_.counters.clear();
      }
    }
  }
  if (!thread_.joinable()) return;  // no helper: keep collecting, finish() counts
  {
    std::lock_guard<std::mutex> lock(mutex_);
    chunks_.push_back(std::move(current_));
  }
  more_.notify_one();
  current_ = {};
  current_.reserve(chunk_);
}

void FacetStream::start_thread() {
  for (const auto& f : facets_) helper_side_.counters.emplace_back(f);
  thread_ = std::thread([this] {
    try {
      drain(*helper_, &helper_side_, true);
    } catch (...) {  // an exception must not escape a thread; finish() recounts its chunks
      std::lock_guard<std::mutex> lock(mutex_);
      helper_failed_ = true;
    }
  });
}

void FacetStream::drain(const Xapian::Database& db, Consumer* c, bool wait_for_more) {
  for (;;) {
    const std::vector<Xapian::docid>* chunk;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (wait_for_more) more_.wait(lock, [&] { return next_chunk_ < chunks_.size() || ended_; });
      if (next_chunk_ >= chunks_.size()) return;
      c->taken.push_back(next_chunk_);
      chunk = &chunks_[next_chunk_++];
    }
    count_values(db, *chunk, records_, &c->counters);
  }
}

std::vector<FacetCounter> FacetStream::finish() {
  if (!thread_.joinable()) {
    // Never started (few matches, or no helper): everything is in current_,
    // ascending (one database, as the class requires).
    all_ = std::move(current_);
    const Xapian::Database* helper = nullptr;
    if (second_thread_pays(all_.size(), facets_.size()) && !asked_for_helper_ && get_helper_) helper = get_helper_();
    return count_facets(db_, helper, all_, facets_, records_);
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!current_.empty()) chunks_.push_back(std::move(current_));
    ended_ = true;
  }
  more_.notify_all();
  Consumer mine;
  for (const auto& f : facets_) mine.counters.emplace_back(f);
  drain(db_, &mine, false);
  thread_.join();
  if (helper_failed_) {
    // Its chunks, counted or not, are counted again here.
    for (size_t i : helper_side_.taken) count_values(db_, chunks_[i], records_, &mine.counters);
  } else {
    for (size_t i = 0; i < mine.counters.size(); ++i) mine.counters[i].merge(helper_side_.counters[i]);
  }
  size_t total = 0;
  for (const auto& chunk : chunks_) total += chunk.size();
  all_.reserve(total);
  for (const auto& chunk : chunks_) all_.insert(all_.end(), chunk.begin(), chunk.end());
  return std::move(mine.counters);
}

}  // namespace dossier
