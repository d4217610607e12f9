#include "searcher/searcher.h"

#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/db_dir.h"
#include "common/disk_usage.h"
#include "common/index_terms.h"
#include "common/schema.h"
#include "common/stored_record.h"
#include "common/text.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/snippet_stemmer.h"

namespace fs = std::filesystem;

namespace dossier {

namespace {

// An article's entity names as it wrote them ("FLORIDA" in a dateline) are shown
// in the spelling facets and `dossier entities` use ("Florida"). Most names
// already read well and cost no lookup; the others (acronyms such as "CNN" among
// them) are remembered per searcher.
void use_display_names(const Xapian::Database& db, EntityType type, std::vector<std::string>* names,
                       std::unordered_map<std::string, std::string>* cache) {
  for (std::string& name : *names) {
    if (reads_well_as_display_name(name)) continue;
    std::string key(1, static_cast<char>('0' + static_cast<int>(type)));
    key += name;
    auto it = cache->find(key);
    if (it == cache->end()) {
      if (cache->size() > 100000) cache->clear();
      std::string display =
          display_name_in_entry(db.get_metadata(entity_id_key(type, entity_id(type, name))), name);
      it = cache->emplace(std::move(key), display.empty() ? name : std::move(display)).first;
    }
    name = it->second;
  }
}

constexpr int kMaxAttempts = 5;  // reopens when an indexer changes the database under us

// Errors a fresh open usually cures: an indexer committing meanwhile made the
// revision being read stale (modified), recycled its blocks (now and then
// reported as corrupt), or published a new generation (opening error).
bool is_transient(const Xapian::Error& e) {
  std::string type = e.get_type();
  return type == "DatabaseModifiedError" || type == "DatabaseCorruptError" || type == "DatabaseOpeningError";
}

Status open_error(const Xapian::Error& e, const std::string& path) {
  std::string type = e.get_type();
  if (type == "DatabaseCorruptError")
    return Status::Corruption("database " + path + " is corrupt (" + e.get_msg() + "); rebuild it with `dossier index`");
  if (type == "DatabaseModifiedError")
    return Status::IOError("database " + path + " keeps changing while it is opened; try again");
  if (type == "DatabaseVersionError")
    return Status::Corruption("database " + path + " was written by an incompatible Xapian version; rebuild it");
  return Status::NotFound(path + " is not a Dossier database (" + e.get_msg() + "); create it with `dossier index DIR --db " + path + "`");
}

// The first `chars` characters of text, cut at a word boundary (browse mode).
std::string leading_text(const std::string& text, size_t chars) {
  std::string flat = collapse_whitespace(std::string_view(text).substr(0, chars * 4 + 16));
  size_t bytes = 0, n = 0;
  while (bytes < flat.size() && n < chars) {
    unsigned char c = static_cast<unsigned char>(flat[bytes]);
    bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++n;
  }
  if (bytes >= flat.size()) return flat;
  size_t sp = flat.rfind(' ', bytes);
  return flat.substr(0, sp == std::string::npos || sp < bytes / 2 ? bytes : sp) + "…";
}

size_t count_terms(const Xapian::Database& db, std::string_view prefix) {
  size_t n = 0;
  std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    // Skip longer prefixes sharing these letters ("XPATH" begins with "XP").
    std::string t = *it;
    if (t.size() > p.size() && t[p.size()] >= 'A' && t[p.size()] <= 'Z') continue;
    ++n;
  }
  return n;
}

// Whether two handles read the same revision of the same single database.
bool same_revision(const Xapian::Database& a, const Xapian::Database& b) {
  try {
    return a.get_uuid() == b.get_uuid() && a.get_revision() == b.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return false;  // several sub-databases: no single revision to compare
  }
}

}  // namespace

Status Searcher::Open(const std::string& db_path, std::unique_ptr<Searcher>* out) {
  std::error_code ec;
  if (!fs::exists(db_path, ec))
    return Status::NotFound("no database at " + db_path + "; create it with `dossier index DIR --db " + db_path + "`");
  if (database_not_yet_created(db_path))
    return Status::NotFound("no database at " + db_path + " yet (an indexer is creating it, or was stopped doing so); "
                            "run `dossier index DIR --db " + db_path + "`");
  // Real corruption stays after the retries; a committing indexer's does not.
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database db(db_path);
      const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
      if (version.empty())
        return Status::InvalidArgument(db_path + " is a Xapian database but not Dossier's; point --db at a Dossier database");
      if (!schema::is_readable_schema(version))
        return Status::InvalidArgument(db_path + " uses Dossier schema " + version + ", this build reads schemas 3 to " +
                                       std::string(schema::kSchemaVersion) + "; re-index it into a new --db");
      out->reset(new Searcher(std::move(db), db_path));
      return Status::OK();
    } catch (const Xapian::Error& e) {
      if (!is_transient(e) || attempt >= kMaxAttempts) return open_error(e, db_path);
    }
  }
}

Status Searcher::search(const SearchRequest& request, SearchResponse* response) {
  // An indexer committing meanwhile can invalidate what we read: open the
  // database afresh (through its stub, which may name a new generation) and retry.
  for (int attempt = 0;; ++attempt) {
    try {
      if (attempt > 0) {
        db_ = Xapian::Database(path_);
        display_names_.clear();
      }
      *response = SearchResponse();
      return search_once(request, response);
    } catch (const Xapian::Error& e) {
      if (!is_transient(e))
        return Status::IOError("search failed on " + path_ + ": " + e.get_type() + ": " + e.get_msg());
      if (attempt >= kMaxAttempts) {
        if (std::string(e.get_type()) == "DatabaseCorruptError") return open_error(e, path_);
        return Status::IOError("database " + path_ + " keeps changing under the search; try again");
      }
    }
  }
}

Status Searcher::search_once(const SearchRequest& request, SearchResponse* response) {
  auto started = std::chrono::steady_clock::now();
  for (const auto& f : request.facets) {
    if (!is_known_facet(f))
      return Status::InvalidArgument("unknown facet '" + f + "'; choose from person, org, place, source, month, year");
  }
  BuiltQuery built;
  Status s = build_query(db_, request, &built);
  if (!s.ok()) return s;

  response->query = request.query;
  response->resolutions = built.resolutions;
  if (!built.corrected.empty() && built.corrected != request.query) response->suggestion = built.corrected;

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  bool browse = trim(request.query).empty();
  if (request.sort == SearchRequest::Sort::kDate || browse) {
    // Newest first; undated articles (no value) sort last.
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  }

  // Exact totals (and exact facet counts) need every match visited; otherwise
  // enough to know the total exactly whenever it fits in the page asked for.
  // (A separate weightless pass for the facets, BoolWeight in docid order, was
  // measured: on keyword queries it costs about what the page's early
  // termination saves, and under a large OR of entity filter terms it doubles
  // the matcher's cost.)
  Xapian::doccount check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit + 1);
  // Facets of one database are counted as the matches stream in (FacetStream);
  // the shards of a stub yield docids out of order, so those are collected first.
  MatchingDocs matching;
  std::optional<FacetStream> stream;
  const FacetRecords records = request.facets.empty() ? FacetRecords::kNone : facet_records_of(db_);
  if (!request.facets.empty()) {
    if (db_.size() == 1) {
      stream.emplace(db_, [this] { return facet_helper(); }, request.facets, records);
      enquire.add_matchspy(&*stream);
    } else {
      enquire.add_matchspy(&matching);
    }
    check_at_least = request.approx_facets ? std::max<Xapian::doccount>(check_at_least, 10000) : db_.get_doccount();
  }
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit), check_at_least);
  response->total = mset.get_matches_estimated();
  response->total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (stream) {
    std::vector<FacetCounter> counters = stream->finish();
    add_facets(counters, stream->docids(), request, response);
  } else if (!request.facets.empty()) {
    const std::vector<Xapian::docid>& docids = matching.sorted();
    const Xapian::Database* helper =
        second_thread_pays(docids.size(), request.facets.size()) ? facet_helper() : nullptr;
    add_facets(dossier::count_facets(db_, helper, docids, request.facets, records), docids, request, response);
  }

  auto stemmer = snippet_stemmers_.find(request.lang);
  if (stemmer == snippet_stemmers_.end())  // the language was validated by build_query
    stemmer = snippet_stemmers_.emplace(request.lang, make_snippet_stemmer(request.lang)).first;
  const Xapian::Stem& stem = stemmer->second;
  size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    StoredRecord rec = decode_stored_record(doc.get_data(), request.snippets);
    SearchHit hit;
    hit.rank = ++rank;
    hit.id = std::move(rec.id);
    hit.title = rec.display_title.empty() ? std::move(rec.title) : std::move(rec.display_title);
    hit.source = std::move(rec.source);
    hit.url = std::move(rec.url);
    hit.path = std::move(rec.path);
    hit.format = std::move(rec.format);
    if (!rec.date.empty()) hit.date = std::move(rec.date);
    hit.authors = std::move(rec.authors);
    hit.persons = std::move(rec.persons);
    hit.orgs = std::move(rec.orgs);
    hit.places = std::move(rec.places);
    use_display_names(db_, EntityType::kPerson, &hit.persons, &display_names_);
    use_display_names(db_, EntityType::kOrg, &hit.orgs, &display_names_);
    use_display_names(db_, EntityType::kPlace, &hit.places, &display_names_);
    hit.score = it.get_weight();
    const std::string text = request.snippets ? stored_text(doc, rec) : std::string();
    if (!request.snippets) {
      // Listing only: no snippet.
    } else if (browse) {
      hit.snippet = leading_text(text, request.snippet_length);
    } else {
      // Xapian picks the window with the best-weighted query terms; the background
      // model and exhaustive flags cost ten times more for little visible gain.
      hit.snippet = mset.snippet(text, request.snippet_length, stem, 0, request.highlight_start,
                                 request.highlight_end, "…");
      hit.snippet = collapse_whitespace(hit.snippet);
    }
    response->hits.push_back(std::move(hit));
  }

  response->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return Status::OK();
}

// The helper handle for facet counting, at db_'s revision, or nullptr when it
// cannot be had (an indexer published a newer revision since db_ was opened).
const Xapian::Database* Searcher::facet_helper() {
  try {
    if (helper_ && same_revision(*helper_, db_)) return helper_.get();
    if (helper_ && helper_->reopen() && same_revision(*helper_, db_)) return helper_.get();
    // Through the stub again: a merge may have published a new generation.
    helper_ = std::make_unique<Xapian::Database>(path_);
    if (same_revision(*helper_, db_)) return helper_.get();
  } catch (const Xapian::Error&) {
    helper_.reset();
  }
  return nullptr;
}

// Facets over the matches the page's match visited: all of them, or with
// --approx-facets a sample scaled to the estimated total.
void Searcher::add_facets(const std::vector<FacetCounter>& counters, const std::vector<Xapian::docid>& docids,
                          const SearchRequest& request, SearchResponse* response) {
  for (size_t i = 0; i < counters.size(); ++i) {
    const FacetCounter& counter = counters[i];
    Facet f;
    f.name = request.facets[i];
    f.values = counter.top(db_, request.facet_limit, docids);
    size_t seen = counter.documents_seen();
    f.approximate = request.approx_facets && seen < response->total;
    if (f.approximate && seen > 0) {
      // Counts from the sample, scaled to the estimated number of matches.
      double scale = static_cast<double>(response->total) / static_cast<double>(seen);
      for (auto& v : f.values) v.count = static_cast<size_t>(v.count * scale + 0.5);
    }
    response->facets.push_back(std::move(f));
  }
}

Status Searcher::stats(DatabaseStats* out) {
  try {
    db_.reopen();
    out->path = path_;
    out->articles = db_.get_doccount();
    std::string lo = db_.get_value_lower_bound(schema::kSlotDate), hi = db_.get_value_upper_bound(schema::kSlotDate);
    auto iso = [](const std::string& c) -> std::optional<std::string> {
      if (c.size() != 8) return std::nullopt;
      return c.substr(0, 4) + "-" + c.substr(4, 2) + "-" + c.substr(6, 2);
    };
    out->first_date = iso(lo);
    out->last_date = iso(hi);
    out->undated = out->articles - db_.get_termfreq(std::string(schema::kHasDate));
    std::string fmt(schema::kFormat);
    for (auto it = db_.allterms_begin(fmt); it != db_.allterms_end(fmt); ++it)
      out->formats[(*it).substr(fmt.size())] = it.get_termfreq();
    out->sources = count_terms(db_, schema::kSource);
    out->persons = count_terms(db_, schema::kPerson);
    out->orgs = count_terms(db_, schema::kOrg);
    out->places = count_terms(db_, schema::kPlace);
    out->size_bytes = directory_size(path_);
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot read " + path_ + ": " + e.get_msg());
  }
}

}  // namespace dossier
