#include "indexer/tagger/ner_lexicon.h"

#include <filesystem>

#include "common/fnv_hash.h"
#include "common/text.h"
#include "indexer/tagger/gazetteer_rows.h"
#include "indexer/tagger/ner_features.h"  // AsciiLower: features and lexicon fold alike

namespace dossier {
namespace {

std::vector<std::string> SplitTokens(std::string_view phrase) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) out.emplace_back(phrase.substr(i, j - i));
    i = j;
  }
  return out;
}

// Adds each '|'-separated alias in field.
void AddAliases(NerLexicon* lex, NerLexicon::Category c, std::string_view field) {
  for (const std::string& a : split_trimmed(field, '|'))
    if (!a.empty()) lex->Add(c, a);
}

void AddPerson(NerLexicon* lex, std::string_view name) {
  name = trim(name);
  if (name.empty()) return;
  lex->Add(NerLexicon::kPerson, name);
  for (const std::string& tok : SplitTokens(name)) {
    if (tok.size() > 1) lex->Add(NerLexicon::kPersonToken, tok);
  }
}

}  // namespace

namespace {
std::string JoinWords(const std::vector<std::string>& toks, size_t n) {
  std::string key;
  for (size_t k = 0; k < n; ++k) {
    if (k) key.push_back(' ');
    key += toks[k];
  }
  return key;
}
}  // namespace

void NerLexicon::Add(Category c, std::string_view phrase) {
  std::vector<std::string> toks = SplitTokens(AsciiLower(phrase));
  if (toks.empty()) return;
  first_tokens_.Add(toks[0]);
  for (size_t k = 1; k < toks.size(); ++k) (void)phrases_.Upsert(JoinWords(toks, k), 0);
  int& bits = phrases_.Upsert(JoinWords(toks, toks.size()), 0);
  if (!(bits & (1 << c))) ++counts_[c];
  bits |= 1 << c;
  max_tokens_ = std::max(max_tokens_, std::min(static_cast<int>(toks.size()), 8));
}

bool NerLexicon::Contains(Category c, std::string_view phrase) const {
  std::vector<std::string> toks = SplitTokens(AsciiLower(phrase));
  if (toks.empty()) return false;
  const int bits = phrases_.Find(PhraseTable::Hash(toks, 0, toks.size()), toks, 0, toks.size());
  return bits > 0 && (bits & (1 << c));
}

Status NerLexicon::Load(const std::string& dir, NerLexicon* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("gazetteer directory not found: " + dir);
  const fs::path d(dir);
  (void)for_each_gazetteer_row((d / "countries.tsv").string(), [&](const std::vector<std::string>& f) {
    out->Add(kCountry, f[0]);
    if (f.size() > 2) AddAliases(out, kCountry, f[2]);
    if (f.size() > 3) {
      for (std::string_view dem : split_trimmed(f[3], '|')) {
        if (dem.empty()) continue;
        out->Add(kDemonym, dem);
        char last = dem.back();
        if (last != 's' && last != 'h' && !dem.ends_with("ese")) out->Add(kDemonym, std::string(dem) + "s");
      }
    }
  });
  (void)for_each_gazetteer_row((d / "places.tsv").string(), [&](const std::vector<std::string>& f) {
    // US states joined the gazetteer after the model was trained; as features
    // they moved its guesses ("Joe Montana" became a place), so the model keeps
    // the lexicon it learnt with.
    if (f.size() > 1 && f[1] == "state") return;
    out->Add(kPlace, f[0]);
    if (f.size() > 3) AddAliases(out, kPlace, f[3]);
  });
  (void)for_each_gazetteer_row((d / "orgs.tsv").string(), [&](const std::vector<std::string>& f) {
    out->Add(kOrg, f[0]);
    if (f.size() > 1) AddAliases(out, kOrg, f[1]);
  });
  (void)for_each_gazetteer_row((d / "persons.tsv").string(), [&](const std::vector<std::string>& f) {
    AddPerson(out, f[0]);
    if (f.size() > 1) {
      for (std::string_view a : split_trimmed(f[1], '|')) AddPerson(out, a);
    }
  });
  (void)for_each_gazetteer_row((d / "first_names.txt").string(), [&](const std::vector<std::string>& f) {
    out->Add(kFirstName, f[0]);
  });
  (void)for_each_gazetteer_row((d / "titles.txt").string(), [&](const std::vector<std::string>& f) {
    out->Add(kTitle, f[0]);
  });
  return Status::OK();
}

void NerLexicon::MatchSpans(const std::vector<std::string>& lower_words,
                            const std::vector<bool>& capitalized, std::vector<uint8_t>* tags) const {
  const size_t n = lower_words.size();
  std::vector<std::string_view> words(lower_words.begin(), lower_words.end());
  std::vector<uint8_t> caps(capitalized.begin(), capitalized.end());
  tags->assign(n * kNumCategories, 0);
  MatchSpans(words.data(), caps.data(), n, tags->data());
}

void NerLexicon::MatchSpans(const std::string_view* lower_words, const uint8_t* capitalized, size_t n,
                            uint8_t* tags, const uint8_t* starts) const {
  std::fill(tags, tags + n * kNumCategories, 0);
  if (phrases_.empty()) return;
  // next_free[c]: first token not yet covered by an accepted match of category c,
  // which makes the scan leftmost-longest per category.
  std::array<size_t, kNumCategories> next_free{};
  std::array<size_t, kNumCategories> best_len;
  for (size_t i = 0; i < n; ++i) {
    if (starts && !starts[i]) continue;
    if (!first_tokens_.MayContain(lower_words[i])) continue;  // no entry starts here
    // Extend the span while some entry starts with it; remember, per category,
    // the longest length that is a whole entry.
    best_len.fill(0);
    bool any = false;
    uint64_t h = kFnvOffsetBasis;
    const size_t max_len = std::min<size_t>(max_tokens_, n - i);
    for (size_t len = 1; len <= max_len; ++len) {
      h = PhraseTable::Extend(h, lower_words[i + len - 1], len == 1);
      const int bits = phrases_.Find(h, lower_words, i, len);
      if (bits < 0) break;
      for (int c = 0; c < kNumCategories; ++c) {
        if (bits & (1 << c)) { best_len[c] = len; any = true; }
      }
    }
    if (!any) continue;
    for (int c = 0; c < kNumCategories; ++c) {
      const size_t len = best_len[c];
      if (len == 0 || next_free[c] > i) continue;
      if (c != kTitle && !capitalized[i]) continue;
      for (size_t k = 0; k < len; ++k) {
        uint8_t pos = len == 1 ? 1 : (k == 0 ? 2 : (k + 1 == len ? 4 : 3));
        tags[(i + k) * kNumCategories + c] = pos;
      }
      next_free[c] = i + len;
    }
  }
}

}  // namespace dossier
