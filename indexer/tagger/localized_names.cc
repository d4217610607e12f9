#include "indexer/tagger/localized_names.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/gazetteer_rows.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

// Length of a French or Italian elided article or preposition glued to the
// token ("l'", "d'", "dell'", "all'"), 0 when none: "l'Allemagne" is Allemagne.
size_t elision_length(std::string_view key) {
  const size_t apostrophe = key.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe + 1 >= key.size()) return 0;
  static const std::string_view kElided[] = {"l", "d", "qu", "dell", "dall", "nell", "sull", "all", "un"};
  const std::string_view head = key.substr(0, apostrophe);
  return std::find(std::begin(kElided), std::end(kElided), head) != std::end(kElided) ? apostrophe + 1 : 0;
}

// The same in the token's text, whose apostrophe may be curly (3 bytes).
std::string_view after_elision(std::string_view text) {
  for (std::string_view apostrophe : {"'", "\xE2\x80\x99"}) {
    const size_t at = text.find(apostrophe);
    if (at != std::string_view::npos && at <= 4) return text.substr(at + apostrophe.size());
  }
  return text;
}

}  // namespace

Status LocalizedNames::Load(const std::string& path, const Gazetteer& gaz) {
  std::string unknown;
  Status s = for_each_gazetteer_row(path, [&](const std::vector<std::string>& f) {
    if (f.size() < 3 || f[0].empty()) return;
    int country = -1;
    for (const GazAlias* a : gaz.lookup(f[1])) {
      if (!a->demonym && gaz.entity(a->entity).kind == "country") {
        country = a->entity;
        break;
      }
    }
    if (country < 0) {
      if (unknown.empty()) unknown = f[1];
      return;
    }
    Language& language = languages_[primary_language(f[0])];
    auto add = [&](const std::string& name, bool demonym) {
      const std::vector<NerToken> tokens = tokenize_phrase(name, gaz.hyphen_splitter());
      if (tokens.empty()) return;
      language.names.try_emplace(join_keys(tokens), Name{country, gaz.entity(country).canonical, demonym});
      language.longest = std::max(language.longest, tokens.size());
    };
    for (const std::string& name : split_trimmed(f[2], '|')) add(name, false);
    if (f.size() > 3)
      for (const std::string& demonym : split_trimmed(f[3], '|')) add(demonym, true);
  });
  if (!s.ok()) return s;
  if (!unknown.empty()) {
    return Status::Corruption(path + ": country '" + unknown +
                              "' is not in countries.tsv; rebuild data/gazetteer with tools/gazetteer/build_gazetteer.py");
  }
  return Status::OK();
}

size_t LocalizedNames::size() const {
  size_t n = 0;
  for (const auto& [lang, language] : languages_) n += language.names.size();
  return n;
}

void LocalizedNames::find_spans(const ArticleTokens& article, int sent, const std::string& language,
                                std::vector<TaggerSpan>* spans) const {
  const auto found = languages_.find(language);
  if (found == languages_.end()) return;
  const Language& names = found->second;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  std::vector<bool> taken(tokens.size(), false);
  for (const TaggerSpan& s : *spans)
    if (s.sent == sent && !s.dropped)
      for (size_t t = s.begin; t < s.end && t < tokens.size(); ++t) taken[t] = true;
  std::string key;
  std::vector<TaggerSpan> found_here;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (taken[i] || !starts_with_letter(after_elision(tokens[i].text))) continue;
    const size_t most = std::min(names.longest, tokens.size() - i);
    for (size_t len = most; len >= 1; --len) {
      bool free = true;
      for (size_t t = i; t < i + len && free; ++t) free = !taken[t];
      if (!free) continue;
      key.assign(keys[i].substr(elision_length(keys[i])));
      for (size_t t = i + 1; t < i + len; ++t) key.append(" ").append(keys[t]);
      const auto name = names.names.find(key);
      if (name == names.names.end()) continue;
      // Names are written with a capital; French adjectives are not.
      if (!name->second.demonym && !starts_upper(after_elision(tokens[i].text))) continue;
      TaggerSpan span;
      span.sent = sent;
      span.begin = i;
      span.end = i + len;
      span.type = EntityType::kPlace;
      span.source = SpanSource::kGazetteer;
      span.gaz_entity = name->second.entity;
      span.canonical = name->second.canonical;
      span.demonym = name->second.demonym;
      found_here.push_back(span);
      for (size_t t = i; t < i + len; ++t) taken[t] = true;
      i += len - 1;
      break;
    }
  }
  spans->insert(spans->end(), found_here.begin(), found_here.end());
}

}  // namespace dossier
