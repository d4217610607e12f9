#include "searcher/query_builder.h"

#include <memory>
#include <set>

#include "common/entity_names.h"
#include "common/schema.h"
#include "common/text.h"
#include "common/word_tokenizer.h"
#include "common/index_terms.h"

namespace dossier {
namespace {

constexpr size_t kMaxQueryWords = 1000;
constexpr Xapian::termcount kMaxWildcardExpansion = 500;

// date:2023-11-01..2023-11-30, date:2023..2024, date:2023-11.. : inclusive bounds
// at day, month or year precision, compared on the "YYYYMMDD" date slot.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor() : Xapian::RangeProcessor(schema::kSlotDate, "date:") {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::optional<Date> lo, hi;
    if (!begin.empty() && !(lo = parse_date_bound(begin, false)))
      throw Xapian::QueryParserError("bad date '" + begin + "' in date: range; use YYYY, YYYY-MM or YYYY-MM-DD");
    if (!end.empty() && !(hi = parse_date_bound(end, true)))
      throw Xapian::QueryParserError("bad date '" + end + "' in date: range; use YYYY, YYYY-MM or YYYY-MM-DD");
    if (lo && hi && *hi < *lo)
      throw Xapian::QueryParserError("date range " + begin + ".." + end + " ends before it starts");
    if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo->compact(), hi->compact());
    if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo->compact());
    if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi->compact());
    return Xapian::Query::MatchAll;
  }
};

// source:kyodo or source:"Kyodo News": the whole outlet name, or all its words.
class SourceFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SourceFieldProcessor(const Xapian::Database& db) : db_(db) {}
  Xapian::Query operator()(const std::string& value) override {
    // The whole outlet name when one is called that; else outlets whose name
    // has all these words.
    std::string key = entity_key(value);
    if (key.empty()) return Xapian::Query::MatchNothing;
    std::string whole = bounded_term(schema::kSource, key);
    if (db_.term_exists(whole)) return Xapian::Query(whole);
    std::vector<Xapian::Query> words;
    for (const auto& w : split_key_words(key)) words.emplace_back(bounded_term(schema::kSourceWord, w));
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
  }

 private:
  Xapian::Database db_;
};

// person:Blinken, org:APEC, place:"South Korea": every canonical entity the NAME
// resolves to (OR), recording the resolution for the output.
class EntityFieldProcessor : public Xapian::FieldProcessor {
 public:
  EntityFieldProcessor(const Xapian::Database& db, EntityType type, std::vector<EntityResolution>* log)
      : db_(db), type_(type), log_(log) {}
  Xapian::Query operator()(const std::string& value) override { return entity_query(db_, type_, value, log_); }

  static Xapian::Query entity_query(const Xapian::Database& db, EntityType type, const std::string& name,
                                    std::vector<EntityResolution>* log) {
    EntityResolution r{std::string(entity_type_name(type)), name, {}};
    std::vector<Xapian::Query> terms;
    for (const auto& e : resolve_entity(db, type, name)) {
      r.matched.push_back(e.display);
      terms.emplace_back(e.term);
    }
    if (log) log->push_back(r);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  Xapian::Database db_;
  EntityType type_;
  std::vector<EntityResolution>* log_;
};

// Trailing wildcards: "negotiat*" means words starting "negotiat". The index
// holds stems ("Znegoti"), so the words come from the spelling table (every word
// indexed, unstemmed) and each maps to its stem term; without spelling data the
// prefix expands over the stems themselves.
class WildcardFieldProcessor : public Xapian::FieldProcessor {
 public:
  WildcardFieldProcessor(const Xapian::Database& db, std::string prefix, Xapian::Stem stem)
      : db_(db), prefix_(std::move(prefix)), stem_(std::move(stem)) {}
  Xapian::Query operator()(const std::string& value) override {
    std::string word = normalize_word(value);
    if (word.empty()) return Xapian::Query::MatchNothing;
    std::string base = "Z" + prefix_;
    std::set<std::string> terms;
    Xapian::TermIterator it = db_.spellings_begin();
    it.skip_to(word);
    for (; it != db_.spellings_end() && terms.size() < kMaxWildcardExpansion; ++it) {
      const std::string w = *it;
      if (w.compare(0, word.size(), word) != 0) break;
      std::string term = base + stem_(w);
      if (db_.term_exists(term)) terms.insert(term);
    }
    std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
    alternatives.emplace_back(Xapian::Query::OP_WILDCARD, base + word, kMaxWildcardExpansion,
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    std::string folded = fold_diacritics(word);
    if (folded != word)
      alternatives.emplace_back(Xapian::Query::OP_WILDCARD, base + folded, kMaxWildcardExpansion,
                                Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }

 private:
  Xapian::Database db_;
  std::string prefix_;
  Xapian::Stem stem_;
};

bool is_operator_word(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

// True when Xapian's QueryParser reads the word as a phrase: its phrase generators
// (. - / : backslash @) join words ("peace-talk", "U.S"). Xapian 1.4 drops a field-processor
// prefix whose value is a phrase, and dereferences a null subquery (segfault) when
// that field carries + or - ("-treaty -peace-talk*"), so wildcards never take one.
bool reads_as_phrase(std::string_view word) { return word.find_first_of(".-/:\\@") != std::string_view::npos; }

// Prepares the user's text for Xapian's QueryParser: NFKC + case folding for
// non-ASCII words (QueryParser only lowercases), CJK runs segmented as the
// indexer segments them, and "word*" rewritten to the wildcard fields.
std::string prepare_query_text(const std::string& query) {
  std::string q = segment_cjk_for_query(query);
  std::string out;
  out.reserve(q.size() + 16);
  // NEAR and ADJ take plain words only: a wildcard field beside them makes
  // Xapian refuse the query, so such queries keep '*' as punctuation.
  bool proximity = false;
  for (std::string_view op : {"NEAR", "ADJ"})
    for (size_t p = q.find(op); p != std::string::npos && !proximity; p = q.find(op, p + 1))
      proximity = (p == 0 || q[p - 1] == ' ') && (p + op.size() == q.size() || q[p + op.size()] == ' ' || q[p + op.size()] == '/');
  bool in_quotes = false;
  size_t i = 0;
  while (i < q.size()) {
    char c = q[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')' || c == '"') {
      if (c == '"') in_quotes = !in_quotes;
      out.push_back(c == '\t' || c == '\n' ? ' ' : c);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    std::string word = q.substr(i, j - i);
    i = j;
    if (!in_quotes && !proximity && word.size() > 1 && word.back() == '*' && word.find(':') == std::string::npos &&
        word.find('*') == word.size() - 1) {
      std::string sign;
      if (word[0] == '+' || word[0] == '-') { sign = word.substr(0, 1); word = word.substr(1); }
      word.pop_back();
      if (!word.empty() && !reads_as_phrase(word)) {
        out += sign + "xwild:" + word;
        continue;
      }
      word = sign + word;  // "peace-talk*": searched as the phrase, without the wildcard
    } else if (!in_quotes && !proximity && word.rfind("title:", 0) == 0 && word.size() > 7 && word.back() == '*') {
      word.pop_back();
      if (!reads_as_phrase(word.substr(6))) {
        out += "xwildtitle:" + word.substr(6);
        continue;
      }
    }
    if (is_operator_word(word) || is_ascii(word)) out += word;
    else out += fold_case(word);
  }
  return out;
}

// True when some plain word of the query has no stem in the index: only then is
// a spelling suggestion worth showing (the query parser's own check looks for
// unstemmed terms, which this index does not hold).
bool has_unknown_word(const Xapian::Database& db, const std::string& query, const Xapian::Stem& stem) {
  bool unknown = false;
  size_t start = 0;
  while (start < query.size() && !unknown) {
    size_t end = query.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = query.size();
    std::string token = query.substr(start, end - start);
    start = end + 1;
    if (token.find(':') != std::string::npos || token.find('*') != std::string::npos || is_operator_word(token)) continue;
    for_each_word(token, [&](const Word& w) {
      if (w.is_cjk) return;
      std::string term(schema::kStemmed);  // built in two steps: GCC 12 warns (-Wrestrict) on "Z" + string
      term += stem(w.norm);
      if (!db.term_exists(term)) unknown = true;
    });
  }
  return unknown;
}

// Xapian's parser silently repairs unbalanced quotes and parentheses, which
// changes what is searched without saying so; Dossier asks the user instead.
Status check_balanced(const std::string& query) {
  bool in_quotes = false;
  int depth = 0;
  for (char c : query) {
    if (c == '"') in_quotes = !in_quotes;
    else if (!in_quotes && c == '(') ++depth;
    else if (!in_quotes && c == ')' && --depth < 0)
      return Status::InvalidArgument("unbalanced parenthesis in query '" + query + "': a ')' has no '('; remove it or add one");
  }
  if (in_quotes)
    return Status::InvalidArgument("unbalanced quote in query '" + query + "': close the phrase with '\"' or remove the quote");
  if (depth > 0)
    return Status::InvalidArgument("unbalanced parenthesis in query '" + query + "': " + std::to_string(depth) +
                                   " '(' not closed; add ')'");
  return Status::OK();
}

size_t count_words(const std::string& s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// The terms of every phrase in `q`.
void collect_phrase_terms(const Xapian::Query& q, bool in_phrase, std::vector<Xapian::Query>* out) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    if (in_phrase) out->emplace_back(*q.get_terms_begin());
    return;
  }
  const bool phrase = in_phrase || q.get_type() == Xapian::Query::OP_PHRASE;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) collect_phrase_terms(q.get_subquery(i), phrase, out);
}

}  // namespace

// Dossier's phrase terms are stems ("Znuclear"), so without this a phrase
// query's snippet never matched: it was the article's last 240 characters,
// after a scan of the whole text. With it, on the benchmark's 30 phrase queries,
// the same documents, order and weights, and snippets 6x faster (229 -> 38 us).
Xapian::Query with_phrase_words_for_snippets(const Xapian::Query& query) {
  std::vector<Xapian::Query> terms;
  collect_phrase_terms(query, false, &terms);
  if (terms.empty()) return query;
  Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, words, 0.0));
}

Status build_query(const Xapian::Database& db, const SearchRequest& request, BuiltQuery* out) {
  size_t words = count_words(request.query);
  if (words > kMaxQueryWords)
    return Status::InvalidArgument("query too long (" + std::to_string(words) + " words; the limit is " +
                                   std::to_string(kMaxQueryWords) + "); shorten it");
  if (request.from && request.to && *request.to < *request.from)
    return Status::InvalidArgument("--from " + request.from->iso() + " is after --to " + request.to->iso() +
                                   "; swap them");

  Status balanced = check_balanced(request.query);
  if (!balanced.ok()) return balanced;
  Xapian::Stem stem;
  try {
    stem = Xapian::Stem(request.lang);
  } catch (const Xapian::Error&) {
    return Status::InvalidArgument("--lang '" + request.lang + "' is not a stemming language; use e.g. en, es, fr, de");
  }
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stem);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", std::string(schema::kTitle));
  // release() hands each processor to the QueryParser, which deletes it; a plain
  // pointer stays the caller's and would leak on every query.
  qp.add_boolean_prefix("source", (new SourceFieldProcessor(db))->release());
  qp.add_boolean_prefix("person", (new EntityFieldProcessor(db, EntityType::kPerson, &out->resolutions))->release());
  qp.add_boolean_prefix("org", (new EntityFieldProcessor(db, EntityType::kOrg, &out->resolutions))->release());
  qp.add_boolean_prefix("place", (new EntityFieldProcessor(db, EntityType::kPlace, &out->resolutions))->release());
  qp.add_prefix("xwild", (new WildcardFieldProcessor(db, "", stem))->release());
  qp.add_prefix("xwildtitle", (new WildcardFieldProcessor(db, std::string(schema::kTitle), stem))->release());
  qp.add_rangeprocessor((new DateRangeProcessor())->release());

  Xapian::Query query = Xapian::Query::MatchAll;
  std::string text(trim(request.query));
  // Xapian's QueryParser expects UTF-8 without NULs (it leaks on "a NEAR \xb2\0b"):
  // bytes that are not text become U+FFFD, as they do in indexed files.
  repair_utf8(text);
  if (!text.empty()) {
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
    try {
      // Spelling correction reads the spelling table for every word: only worth
      // it when some word is not in the index.
      bool unknown = has_unknown_word(db, text, stem);
      if (unknown) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
      query = qp.parse_query(prepare_query_text(text), flags);
      if (unknown) out->corrected = qp.get_corrected_query_string();
    } catch (const Xapian::QueryParserError& e) {
      return Status::InvalidArgument("bad query '" + text + "': " + e.get_msg());
    } catch (const Xapian::DatabaseError&) {
      throw;  // not the query's fault (e.g. an indexer committed meanwhile): the searcher reopens and retries
    } catch (const Xapian::Error& e) {
      return Status::InvalidArgument("bad query '" + text + "': " + e.get_msg());
    }
    if (query.empty()) query = Xapian::Query::MatchAll;  // only stopwords or punctuation
    query = with_phrase_words_for_snippets(query);
  }

  std::vector<Xapian::Query> filters;
  auto add_entity_filters = [&](EntityType type, const std::vector<std::string>& names) {
    if (names.empty()) return;
    std::vector<Xapian::Query> any;
    for (const auto& n : names) any.push_back(EntityFieldProcessor::entity_query(db, type, n, &out->resolutions));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  };
  add_entity_filters(EntityType::kPerson, request.persons);
  add_entity_filters(EntityType::kOrg, request.orgs);
  add_entity_filters(EntityType::kPlace, request.places);
  if (request.from && request.to)
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, request.from->compact(), request.to->compact());
  else if (request.from)
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, request.from->compact());
  else if (request.to)
    filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, request.to->compact());

  for (const auto& f : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
  out->query = query;
  return Status::OK();
}

}  // namespace dossier
