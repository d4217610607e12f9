// Gazetteer loading and longest-match lookup over folded token keys.
#include "indexer/tagger/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <filesystem>

#include "common/entity_names.h"
#include "common/text.h"
#include "indexer/tagger/gazetteer_rows.h"
#include "indexer/tagger/rules.h"

namespace dossier {

std::string join_keys(const std::vector<NerToken>& tokens) {
  std::string key;
  for (const auto& t : tokens) {
    if (!key.empty()) key += ' ';
    key += token_key(t.text);
  }
  return key;
}

namespace {

// Aliases of at most three letters with a capital ("US", "WHO", "Va") match
// only as written: "US" is not "us", and "Va" (Virginia) is not "VA" (Veterans
// Affairs), nor "Pa" "PA" (the Palestinian Authority).
bool needs_exact_case(std::string_view alias) {
  int letters = 0;
  bool capital = false;
  for (unsigned char c : alias) {
    if (c >= 0x80) return false;
    letters += std::isalpha(c) != 0;
    capital |= std::isupper(c) != 0;
  }
  return capital && letters <= 3;
}

}  // namespace

std::string token_key(std::string_view text) {
  if (is_ascii(text)) return ascii_lower(text);
  // ICU folding costs microseconds a token, and news repeats the same few
  // non-ASCII tokens (curly quotes, dashes, accented names): remember them.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo;
  if (auto it = memo.find(text); it != memo.end()) return it->second;
  // Curly single quotes (U+2018, U+2019) become ASCII apostrophes.
  const std::string raw = fold_for_matching(text);
  std::string folded;
  folded.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "\xE2\x80") == 0 && i + 2 < raw.size() && (raw[i + 2] == '\x98' || raw[i + 2] == '\x99')) {
      folded += '\'';
      i += 2;
    } else {
      folded += raw[i];
    }
  }
  if (memo.size() >= 20000) memo.clear();  // bounded: a long run over many languages
  memo.emplace(std::string(text), folded);
  return folded;
}

const std::string& cached_entity_key(std::string_view name) {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo;
  if (auto it = memo.find(name); it != memo.end()) return it->second;
  if (memo.size() >= 50000) memo.clear();  // bounded over a long run
  return memo.emplace(std::string(name), entity_key(name)).first->second;
}

int Gazetteer::add_entity(GazEntity e) {
  entities_.push_back(std::move(e));
  return static_cast<int>(entities_.size()) - 1;
}

void Gazetteer::add_alias(int entity, std::string_view alias, bool demonym) {
  alias = trim(alias);
  if (alias.empty()) return;
  pending_.push_back(PendingAlias{entity, std::string(alias), demonym});
  if (entities_[entity].type == EntityType::kPlace && alias.find(' ') == std::string_view::npos &&
      alias.find('-') == std::string_view::npos && alias.size() >= 3) {
    place_words_.insert(token_key(alias));
  }
  if (entities_[entity].kind == "state" && alias.find(' ') == std::string_view::npos)
    state_words_.insert(token_key(alias));
}

void Gazetteer::index_pending_aliases() {
  for (const PendingAlias& p : pending_) index_alias(p.entity, p.alias, p.demonym);
  pending_.clear();
  pending_.shrink_to_fit();
}

void Gazetteer::index_alias(int entity, std::string_view alias, bool demonym) {
  std::vector<NerToken> tokens = tokenize_phrase(alias, hyphen_splitter_);
  if (tokens.empty()) return;
  std::string key = join_keys(tokens);
  auto& list = aliases_[key];
  for (const auto& a : list) {
    if (a.entity == entity && a.demonym == demonym) return;
  }
  GazAlias a;
  a.entity = entity;
  a.demonym = demonym;
  a.case_sensitive = needs_exact_case(alias);
  a.written = std::string(alias);
  a.tokens = static_cast<int>(tokens.size());
  list.push_back(std::move(a));
  int& longest = max_tokens_by_first_[token_key(tokens[0].text)];
  longest = std::max(longest, static_cast<int>(tokens.size()));
}

Status Gazetteer::load_countries(const std::string& path) {
  return for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    if (f.empty() || f[0].empty()) return;
    GazEntity e{EntityType::kPlace, f[0], "country", f.size() > 1 ? f[1] : "", "", false};
    int id = add_entity(std::move(e));
    add_alias(id, f[0], false);
    if (f.size() > 2) for (const auto& a : split_trimmed(f[2], '|')) add_alias(id, a, false);
    if (f.size() > 3) for (const auto& d : split_trimmed(f[3], '|')) add_alias(id, d, true);
  });
}

Status Gazetteer::load_places(const std::string& path) {
  return for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    if (f.empty() || f[0].empty()) return;
    GazEntity e{EntityType::kPlace, f[0], f.size() > 1 ? f[1] : "", f.size() > 2 ? f[2] : "", "", false};
    int id = add_entity(std::move(e));
    add_alias(id, f[0], false);
    if (f.size() > 3) for (const auto& a : split_trimmed(f[3], '|')) add_alias(id, a, false);
  });
}

Status Gazetteer::load_orgs(const std::string& path) {
  return for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    if (f.empty() || f[0].empty()) return;
    int id = add_entity(GazEntity{EntityType::kOrg, f[0], "", "", "", false});
    add_alias(id, f[0], false);
    if (f.size() > 1) for (const auto& a : split_trimmed(f[1], '|')) add_alias(id, a, false);
  });
}

Status Gazetteer::load_persons(const std::string& path) {
  return for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    if (f.empty() || f[0].empty()) return;
    GazEntity e{EntityType::kPerson, f[0], "", f.size() > 3 ? f[3] : "", f.size() > 2 ? f[2] : "", false};
    std::vector<NerToken> name = tokenize_phrase(f[0], hyphen_splitter_);
    if (f.size() > 4 && !f[4].empty()) {
      e.eastern_order = ascii_lower(f[4]) == "eastern";
    } else {
      e.eastern_order = looks_family_name_first(name, *this);
    }
    int id = add_entity(std::move(e));
    add_alias(id, f[0], false);
    if (f.size() > 1) for (const auto& a : split_trimmed(f[1], '|')) add_alias(id, a, false);
    std::string family = family_name_key(name, entities_[id].eastern_order);
    if (!family.empty() && name.size() > 1) family_names_[family].push_back(id);
  });
}

void Gazetteer::load_words(const std::string& path, bool titles) {
  // A missing list leaves it empty.
  (void)for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    const std::string& t = f[0];
    if (!titles) {
      first_names_.insert(token_key(t));
      return;
    }
    std::vector<NerToken> tokens = tokenize_phrase(t);
    if (tokens.empty()) return;
    titles_.Insert(join_keys(tokens), 1);
    int& longest = max_title_tokens_by_first_[token_key(tokens[0].text)];
    longest = std::max(longest, static_cast<int>(tokens.size()));
  });
}

Status Gazetteer::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) {
    return Status::NotFound("gazetteer directory " + dir +
                            " not found (set DOSSIER_DATA_DIR to the data/ folder)");
  }
  // First names and titles first: person name order depends on them.
  for (const char* f : {"first_names.txt"}) {
    if (fs::exists(dir + "/" + f)) load_words(dir + "/" + f, false);
  }
  if (fs::exists(dir + "/titles.txt")) load_words(dir + "/titles.txt", true);
  for (std::string_view t : builtin_titles()) {
    std::vector<NerToken> tokens = tokenize_phrase(t);
    titles_.Insert(join_keys(tokens), 1);
    int& longest = max_title_tokens_by_first_[token_key(tokens[0].text)];
    longest = std::max(longest, static_cast<int>(tokens.size()));
  }
  struct File {
    const char* name;
    Status (Gazetteer::*load)(const std::string&);
  };
  // Places first: their one-word names decide hyphen splitting for everything after.
  for (File f : {File{"countries.tsv", &Gazetteer::load_countries}, File{"places.tsv", &Gazetteer::load_places}}) {
    std::string path = dir + "/" + f.name;
    if (!fs::exists(path)) continue;
    Status s = (this->*f.load)(path);
    if (!s.ok()) return s;
  }
  hyphen_splitter_ = [this](std::string_view left, std::string_view right) {
    return place_words_.count(token_key(left)) > 0 || place_words_.count(token_key(right)) > 0 ||
           (left.size() == 1 && state_words_.count(token_key(right)) > 0);  // "R-Ky."
  };
  for (File f : {File{"orgs.tsv", &Gazetteer::load_orgs}, File{"persons.tsv", &Gazetteer::load_persons}}) {
    std::string path = dir + "/" + f.name;
    if (!fs::exists(path)) continue;
    Status s = (this->*f.load)(path);
    if (!s.ok()) return s;
  }
  index_pending_aliases();
  for (const auto& [key, list] : aliases_) {
    alias_index_.Insert(key, static_cast<int>(alias_lists_.size()));
    alias_lists_.push_back(&list);
  }
  alias_firsts_.Reset(max_tokens_by_first_.size());
  for (const auto& [first, longest] : max_tokens_by_first_) alias_firsts_.Add(first);
  title_firsts_.Reset(max_title_tokens_by_first_.size());
  for (const auto& [first, longest] : max_title_tokens_by_first_) title_firsts_.Add(first);
  if (fs::exists(dir + "/countries_i18n.tsv")) return localized_.Load(dir + "/countries_i18n.tsv", *this);
  return Status::OK();
}

bool Gazetteer::aliases_of(const std::vector<NerToken>& tokens, const std::vector<std::string>& keys, size_t start,
                           size_t len, uint64_t hash, std::vector<const GazAlias*>* out) const {
  const int found = alias_index_.Find(hash, keys, start, len);
  if (found < 0) return false;
  for (const GazAlias& a : *alias_lists_[found]) {
    if (a.case_sensitive) {
      // Compare the surface without spaces to the alias as written.
      std::string surface;
      for (size_t i = start; i < start + len; ++i) surface += tokens[i].text;
      std::string written;
      for (char c : a.written) if (c != ' ') written += c;
      if (surface != written) continue;
    }
    out->push_back(&a);
  }
  return !out->empty();
}

bool Gazetteer::match_at(const std::vector<NerToken>& tokens, const std::vector<std::string>& keys, size_t start,
                         GazMatch* out) const {
  out->aliases.clear();
  if (!alias_firsts_.MayContain(keys[start])) return false;
  auto it = max_tokens_by_first_.find(keys[start]);
  if (it == max_tokens_by_first_.end()) return false;
  const size_t longest = std::min({static_cast<size_t>(it->second), keys.size() - start, PhraseTable::kMaxTokens});
  uint64_t hashes[PhraseTable::kMaxTokens];
  PhraseTable::PrefixHashes(keys, start, longest, hashes);
  for (size_t len = longest; len >= 1; --len) {
    if (aliases_of(tokens, keys, start, len, hashes[len - 1], &out->aliases)) {
      out->begin = start;
      out->end = start + len;
      return true;
    }
  }
  return false;
}

std::vector<const GazAlias*> Gazetteer::lookup_span(const std::vector<NerToken>& tokens,
                                                    const std::vector<std::string>& keys, size_t begin,
                                                    size_t end) const {
  std::vector<const GazAlias*> out;
  if (begin >= end || !alias_firsts_.MayContain(keys[begin])) return out;
  aliases_of(tokens, keys, begin, end - begin, PhraseTable::Hash(keys, begin, end - begin), &out);
  return out;
}

std::vector<const GazAlias*> Gazetteer::lookup(std::string_view phrase) const {
  std::vector<NerToken> tokens = tokenize_phrase(phrase, hyphen_splitter_);
  std::vector<const GazAlias*> out;
  if (tokens.empty()) return out;
  std::vector<std::string> keys;
  for (const auto& t : tokens) keys.push_back(token_key(t.text));
  GazMatch m;
  if (match_at(tokens, keys, 0, &m) && m.end == tokens.size()) out = std::move(m.aliases);
  return out;
}

const std::vector<int>* Gazetteer::persons_with_family_name(const std::string& key) const {
  auto it = family_names_.find(key);
  return it == family_names_.end() ? nullptr : &it->second;
}

size_t Gazetteer::title_length_at(const std::vector<std::string>& keys, size_t start) const {
  if (!title_firsts_.MayContain(keys[start])) return 0;
  auto it = max_title_tokens_by_first_.find(keys[start]);
  if (it == max_title_tokens_by_first_.end()) return 0;
  const size_t longest = std::min({static_cast<size_t>(it->second), keys.size() - start, PhraseTable::kMaxTokens});
  uint64_t hashes[PhraseTable::kMaxTokens];
  PhraseTable::PrefixHashes(keys, start, longest, hashes);
  for (size_t len = longest; len >= 1; --len) {
    if (titles_.Find(hashes[len - 1], keys, start, len) >= 0) return len;
  }
  return 0;
}

}  // namespace dossier
