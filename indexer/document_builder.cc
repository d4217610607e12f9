#include "indexer/document_builder.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/entity_names.h"
#include "common/facet_record.h"
#include "common/index_terms.h"
#include "common/schema.h"
#include "common/stored_record.h"
#include "common/text.h"
#include "common/varint.h"
#include "common/word_tokenizer.h"
#include "indexer/word_term_cache.h"

namespace dossier {
namespace {

// Xapian::Stem construction parses language names; cache one per language per thread.
const Xapian::Stem& stemmer_for(const std::string& lang) {
  thread_local std::map<std::string, Xapian::Stem> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Xapian::Stem stem;
  try {
    stem = Xapian::Stem(lang.empty() ? "en" : lang);
  } catch (const Xapian::InvalidArgumentError&) {
    stem = Xapian::Stem("none");  // unknown language: index words unstemmed
  }
  return cache.emplace(lang, stem).first->second;
}

WordTermCache& word_cache_for(const std::string& lang) {
  thread_local std::map<std::string, WordTermCache> caches;
  return caches[lang];
}

// Per-thread memory of each entity's filter term and packed id, and of which
// entity dictionary entries this thread already emitted: the dictionary needs
// each entry once per database, not once per article (writers merge shards).
class EntityTermCache {
 public:
  struct Entry {
    std::string filter;     // "" when too long for a Xapian term
    std::string packed_id;  // kEntityIdBytes
    std::string dense_id;   // the registry's id as a varint ("" without a registry)
    // Few per entity (one to three mostly, a few dozen for the most written
    // names): a vector searched in place beats a hash set's nodes and buckets.
    std::vector<std::string> surfaces_emitted;
  };

  const Entry& get(const TaggedEntity& e, uint64_t scope, EntityIdRegistry* ids, std::vector<MetadataEntry>* metadata) {
    if (scope != scope_) {  // another database: its dictionary needs every entry again
      for (auto& m : maps_) m.clear();
      scope_ = scope;
    }
    auto& map = maps_[static_cast<int>(e.type)];
    auto it = map.find(std::string_view(e.canonical));
    if (it == map.end()) {
      if (map.size() > kMaxEntries) map.clear();
      Entry entry;
      entry.filter = entity_filter_term(e.type, e.canonical);
      if (entry.filter.size() > kMaxTermBytes) entry.filter.clear();
      entry.packed_id = pack_entity_ids(e.type, {e.canonical});
      if (!entry.filter.empty()) {
        entity_name_entries(e.type, e.canonical, metadata);
        if (ids) {
          const uint32_t id = ids->id_for(e.type, e.canonical);
          put_varint(&entry.dense_id, id);
          metadata->push_back({dense_id_key(e.type, id), e.canonical});
        }
      }
      it = map.emplace(e.canonical, std::move(entry)).first;
    }
    Entry& entry = it->second;
    if (!entry.filter.empty())
      for (const auto& s : e.surfaces) {
        if (std::find(entry.surfaces_emitted.begin(), entry.surfaces_emitted.end(), s) != entry.surfaces_emitted.end())
          continue;
        entry.surfaces_emitted.push_back(s);
        entity_surface_entries(e.type, e.canonical, s, metadata);
      }
    return entry;
  }

 private:
  static constexpr size_t kMaxEntries = 200000;  // per type
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // By EntityType, then canonical name: looked up without building a key.
  std::array<std::unordered_map<std::string, Entry, NameHash, std::equal_to<>>, 3> maps_;
  uint64_t scope_ = 0;
};

EntityTermCache& entity_term_cache() {
  thread_local EntityTermCache cache;
  return cache;
}

class TextIndexer {
 public:
  // `spelling` (optional) receives each word for the spelling table once per
  // spelling of it in the raw text ("Trade" and "trade" both give "trade").
  TextIndexer(Xapian::Document& doc, const std::string& lang, std::vector<std::string>* spelling)
      : doc_(doc), stem_(stemmer_for(lang)), cache_(word_cache_for(lang)), spelling_(spelling) {
    cache_.begin_document();
  }

  // Adds the words of `text` with positions from `pos`, under `prefix` ("" or "S"),
  // each counted `wdf` times. Returns the next free position.
  Xapian::termpos index(std::string_view text, Xapian::termpos pos, std::string_view prefix, Xapian::termcount wdf) {
    std::string base = "Z";
    base += prefix;
    for_each_word(
        text,
        [&](const Word& w) {
          const WordTerms t = cache_.get(w.raw, w.is_cjk, stem_);
          if (t.stem.empty()) return;
          ++pos;
          add(base, t.stem, pos, wdf);
          if (!t.folded_stem.empty()) add(base, t.folded_stem, pos, wdf);
          if (spelling_ && !t.spelling.empty() && t.first_in_document) spelling_->emplace_back(t.spelling);
        },
        /*normalize=*/false);
    return pos;
  }

 private:
  void add(const std::string& base, std::string_view body, Xapian::termpos pos, Xapian::termcount wdf) {
    if (base.size() + body.size() > kMaxTermBytes) return;
    term_.assign(base).append(body);
    doc_.add_posting(term_, pos, wdf);
  }

  Xapian::Document& doc_;
  const Xapian::Stem& stem_;
  WordTermCache& cache_;
  std::vector<std::string>* spelling_;
  std::string term_;
};

}  // namespace

uint64_t new_dictionary_scope() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

std::string id_term_for(const std::string& id) { return bounded_term(schema::kId, id); }
std::string path_term_for(const std::string& path) { return bounded_term(schema::kPath, path); }

BuiltDocument build_document(const Article& a, const TagResult* tags, const BuildOptions& options) {
  BuiltDocument out;
  Xapian::Document& doc = out.doc;
  std::vector<std::string>& spelling = out.spelling_words;
  TextIndexer text(doc, a.lang, options.spelling ? &spelling : nullptr);

  // Title words count more: once under "S" (title:) and kTitleWeight times as text.
  Xapian::termpos pos = 0;
  if (!a.title.empty()) {
    text.index(a.title, 0, schema::kTitle, 1);
    pos = text.index(a.title, 0, "", schema::kTitleWeight);
  }
  text.index(a.body, std::max<Xapian::termpos>(pos, schema::kBodyPositionStart), "", 1);

  out.id_term = id_term_for(a.id);
  doc.add_boolean_term(out.id_term);
  doc.add_boolean_term(path_term_for(a.path));
  doc.add_boolean_term(std::string(schema::kFormat) + a.format);
  doc.add_boolean_term(std::string(schema::kLang) + (a.lang.empty() ? "en" : a.lang));
  for (const auto& t : source_terms_for(a.source)) doc.add_boolean_term(t);
  if (!a.source.empty()) doc.add_value(schema::kSlotSource, a.source);

  std::string month;  // "YYYY-MM"
  if (a.date) {
    const Date& d = *a.date;
    std::string compact = d.compact();
    month = compact.substr(0, 4) + "-" + compact.substr(4, 2);
    doc.add_value(schema::kSlotDate, compact);
    doc.add_value(schema::kSlotMonth, month);
    doc.add_value(schema::kSlotYear, compact.substr(0, 4));
    doc.add_boolean_term(std::string(schema::kYear) + compact.substr(0, 4));
    doc.add_boolean_term(std::string(schema::kMonth) + compact.substr(0, 6));
    doc.add_boolean_term(std::string(schema::kDay) + compact);
    doc.add_boolean_term(std::string(schema::kHasDate));
  }

  StoredRecord record;
  record.id = a.id;
  record.title = a.title;
  record.display_title = a.display_title;
  record.date = a.date ? a.date->iso() : "";
  record.date_origin = a.date_origin;
  record.source = a.source;
  record.authors = a.authors;
  record.url = a.url;
  record.path = a.path;
  repair_utf8(record.path);  // file names need not be UTF-8; the record is
  record.format = a.format;
  record.lang = a.lang.empty() ? "en" : a.lang;

  std::array<std::string, 3> packed;  // hashed entity ids by EntityType
  std::array<std::string, 3> dense;   // dense ids (with a registry)
  if (tags) {
    EntityTermCache& cache = entity_term_cache();
    for (const auto& e : tags->entities) {
      const EntityTermCache::Entry& terms = cache.get(e, options.dictionary_scope, options.entity_ids, &out.metadata);
      if (terms.filter.empty()) continue;  // name too long for a term
      doc.add_boolean_term(terms.filter);
      int t = static_cast<int>(e.type);
      (e.type == EntityType::kPerson ? record.persons : e.type == EntityType::kOrg ? record.orgs : record.places)
          .push_back(e.canonical);
      packed[t].append(terms.packed_id);
      dense[t].append(terms.dense_id);
    }
    doc.add_value(schema::kSlotPersons, packed[static_cast<int>(EntityType::kPerson)]);
    doc.add_value(schema::kSlotOrgs, packed[static_cast<int>(EntityType::kOrg)]);
    doc.add_value(schema::kSlotPlaces, packed[static_cast<int>(EntityType::kPlace)]);
  }
  // The per-type slots above serve a query asking for one facet, and several
  // databases searched together (their hashed ids mean the same everywhere);
  // this one the usual several facets at once.
  if (tags || !month.empty()) {
    doc.add_value(schema::kSlotFacets, options.entity_ids ? encode_facet_record(dense, month, RecordIds::kDense)
                                                          : encode_facet_record(packed, month, RecordIds::kHashed));
  }

  std::string stored = a.body.substr(0, options.max_stored_body);
  if (stored.size() < a.body.size()) repair_utf8(stored);
  if (!stored.empty()) doc.add_value(schema::kSlotText, encode_text_value(stored));
  if (!a.extra.empty()) record.extra_json = a.extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  doc.set_data(encode_stored_record(record));
  std::sort(spelling.begin(), spelling.end());
  spelling.erase(std::unique(spelling.begin(), spelling.end()), spelling.end());
  return out;
}

}  // namespace dossier
