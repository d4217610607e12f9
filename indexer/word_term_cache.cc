#include "indexer/word_term_cache.h"

#include <cstring>
#include <functional>

#include "common/text.h"
#include "common/word_tokenizer.h"

namespace dossier {
namespace {

constexpr size_t kInitialSlots = size_t{1} << 16;
constexpr size_t kMaxArenaBytes = size_t{64} << 20;  // offsets stay far below 2^32
constexpr size_t kMaxPartBytes = 0xffff;              // lengths are 16-bit

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

struct Computed {
  std::string stem, folded_stem, spelling;
};

Computed compute(std::string_view raw, bool cjk, const Xapian::Stem& stemmer) {
  Computed c;
  std::string norm = normalize_word(raw);
  if (norm.empty()) return c;
  c.stem = cjk ? norm : stemmer(norm);
  if (!cjk && !is_ascii(norm)) {
    std::string folded = fold_diacritics(norm);
    if (folded != norm) c.folded_stem = stemmer(folded);
  }
  if (!cjk && norm.size() >= 3 && norm.size() <= 30 && !has_digit(norm)) c.spelling = std::move(norm);
  return c;
}

uint64_t hash_word(std::string_view raw) { return std::hash<std::string_view>{}(raw); }

}  // namespace

WordTermCache::WordTermCache() : slots_(kInitialSlots) {}

WordTerms WordTermCache::view(Slot& s) {
  const char* p = arena_.data() + s.offset + s.raw_len;
  WordTerms t;
  t.stem = std::string_view(p, s.stem_len);
  p += s.stem_len;
  t.folded_stem = std::string_view(p, s.folded_len);
  p += s.folded_len;
  t.spelling = std::string_view(p, s.spelling_len);
  t.first_in_document = s.document != document_;
  s.document = document_;
  return t;
}

WordTerms WordTermCache::get(std::string_view raw, bool cjk, const Xapian::Stem& stemmer) {
  const uint64_t h = hash_word(raw);
  const uint32_t fingerprint = static_cast<uint32_t>(h >> 32);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.raw_len == 0) break;
    if (s.hash == fingerprint && s.raw_len == raw.size() && std::memcmp(arena_.data() + s.offset, raw.data(), raw.size()) == 0)
      return view(s);
  }

  Computed c = compute(raw, cjk, stemmer);
  const size_t bytes = raw.size() + c.stem.size() + c.folded_stem.size() + c.spelling.size();
  if (raw.empty() || raw.size() > kMaxPartBytes || c.stem.size() > kMaxPartBytes ||
      c.folded_stem.size() > kMaxPartBytes || c.spelling.size() > kMaxPartBytes) {
    // Not cached (an empty or absurdly long "word"): kept until the next get().
    oversize_ = std::move(c.stem);
    oversize_folded_ = std::move(c.folded_stem);
    oversize_spelling_ = std::move(c.spelling);
    return WordTerms{oversize_, oversize_folded_, oversize_spelling_};
  }
  if (words_ + 1 > kMaxWords || arena_.size() + bytes > kMaxArenaBytes) {
    clear();
    mask = slots_.size() - 1;
    i = h & mask;
  }
  Slot s;
  s.hash = fingerprint;
  s.offset = static_cast<uint32_t>(arena_.size());
  s.raw_len = static_cast<uint16_t>(raw.size());
  s.stem_len = static_cast<uint16_t>(c.stem.size());
  s.folded_len = static_cast<uint16_t>(c.folded_stem.size());
  s.spelling_len = static_cast<uint16_t>(c.spelling.size());
  arena_.append(raw).append(c.stem).append(c.folded_stem).append(c.spelling);
  slots_[i] = s;
  ++words_;
  WordTerms t = view(slots_[i]);
  if (words_ * 2 > slots_.size()) grow();  // t's views are into the arena, not the table
  return t;
}

void WordTermCache::clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  words_ = 0;
}

void WordTermCache::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.raw_len == 0) continue;
    size_t i = hash_word(std::string_view(arena_.data() + s.offset, s.raw_len)) & mask;
    while (slots_[i].raw_len != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace dossier
