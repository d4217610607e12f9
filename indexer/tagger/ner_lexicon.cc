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

uint64_t NerLexicon::ExtendHash(uint64_t h, std::string_view word, bool first) {
  if (!first) h = fnv1a64(" ", h);
  return fnv1a64(word, h);
}

namespace {
size_t SlotOf(uint64_t h, size_t mask) { return static_cast<size_t>((h ^ (h >> 31)) * 0x9e3779b97f4a7c15ULL >> 20) & mask; }
}  // namespace

int NerLexicon::Find(uint64_t h) const {
  if (slots_.empty()) return -1;
  if (h == 0) h = 1;
  const size_t mask = slots_.size() - 1;
  for (size_t i = SlotOf(h, mask);; i = (i + 1) & mask) {
    if (slots_[i].hash == h) return slots_[i].bits;
    if (slots_[i].hash == 0) return -1;
  }
}

uint8_t& NerLexicon::Insert(uint64_t h) {
  if (h == 0) h = 1;
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, 2 * old.size()), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = SlotOf(s.hash, mask);
      while (slots_[i].hash != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = SlotOf(h, mask);
  while (slots_[i].hash != 0 && slots_[i].hash != h) i = (i + 1) & mask;
  if (slots_[i].hash == 0) {
    slots_[i].hash = h;
    ++used_;
  }
  return slots_[i].bits;
}

void NerLexicon::Add(Category c, std::string_view phrase) {
  std::vector<std::string> toks = SplitTokens(AsciiLower(phrase));
  if (toks.empty()) return;
  first_tokens_.Add(toks[0]);
  // Register every proper prefix (with no category) so MatchSpans can stop
  // extending a span as soon as no entry starts with it.
  uint64_t h = kFnvOffsetBasis;
  for (size_t k = 0; k < toks.size(); ++k) {
    h = ExtendHash(h, toks[k], k == 0);
    if (k + 1 < toks.size()) (void)Insert(h);
  }
  uint8_t& bits = Insert(h);
  if (!(bits & (1u << c))) ++counts_[c];
  bits |= static_cast<uint8_t>(1u << c);
  max_tokens_ = std::max(max_tokens_, std::min(static_cast<int>(toks.size()), 8));
}

bool NerLexicon::Contains(Category c, std::string_view phrase) const {
  std::vector<std::string> toks = SplitTokens(AsciiLower(phrase));
  if (toks.empty()) return false;
  uint64_t h = kFnvOffsetBasis;
  for (size_t k = 0; k < toks.size(); ++k) h = ExtendHash(h, toks[k], k == 0);
  const int bits = Find(h);
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
  if (slots_.empty()) return;
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
      h = ExtendHash(h, lower_words[i + len - 1], len == 1);
      const int bits = Find(h);
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
