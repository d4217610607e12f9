#include "indexer/tagger/ner_features.h"

#include <algorithm>

namespace dossier {

namespace {

// Feature templates. The numbers are part of the model file's meaning: renumbering
// them invalidates trained models (bump kModelVersion in sequence_weights.h).
enum Template : uint8_t {
  kBias = 1, kLower, kExact, kShape, kShortShape, kPrefix, kSuffix = kPrefix + 4,
  kFirstCap = kSuffix + 4, kCapsSentence, kPrev1Word, kNext1Word, kPrev2Word, kNext2Word,
  kPrev1Shape, kNext1Shape, kPrev2Shape, kNext2Shape, kPrevWordPair, kNextWordPair,
  kShapeTrigram, kGazetteer, kGazetteerShape, kPrevGazetteer, kNextGazetteer, kPrevWordShape,
  kLongWord, kWordNextShape, kPrevShapeWord, kNextSuffix3, kHistPrev1 = 60, kHistPrev2, kHistPrev1Word, kHistPrev1Shape,
};

// FNV-1a over the template byte and the text, then a splitmix finalizer so that
// the low bits used by hash tables are well mixed. Stable across platforms.
uint64_t Mix(uint64_t h) {
  h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27; h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}
uint64_t FnvAdd(uint64_t h, std::string_view s) {
  for (unsigned char c : s) { h ^= c; h *= 0x100000001b3ULL; }
  return h;
}
uint64_t Key(uint8_t tmpl, std::string_view a) {
  uint64_t h = 0xcbf29ce484222325ULL ^ tmpl;
  h *= 0x100000001b3ULL;
  return Mix(FnvAdd(h, a));
}
uint64_t Key(uint8_t tmpl, std::string_view a, std::string_view b) {
  uint64_t h = 0xcbf29ce484222325ULL ^ tmpl;
  h *= 0x100000001b3ULL;
  h = FnvAdd(h, a);
  h ^= 0x1f; h *= 0x100000001b3ULL;  // separator so ("ab","c") != ("a","bc")
  return Mix(FnvAdd(h, b));
}
uint64_t Key(uint8_t tmpl, uint64_t n) { return Mix((uint64_t{tmpl} << 56) ^ (n * 0x9e3779b97f4a7c15ULL) ^ 0x5bd1e995); }

// The same hashes taken apart, so that one pass over a word's bytes feeds every
// template that hashes it: Key(t, a) == Mix(FnvAdd(Seed(t), a)) and
// Key(t, a, b) == Mix(FnvAdd(Sep(FnvAdd(Seed(t), a)), b)).
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr uint64_t Seed(uint8_t tmpl) { return (0xcbf29ce484222325ULL ^ tmpl) * kFnvPrime; }
inline uint64_t Sep(uint64_t h) { return (h ^ 0x1f) * kFnvPrime; }

// FNV-1a of `s` continued from K states at once (independent chains, so the
// multiplications overlap).
template <size_t K>
inline void FnvMulti(std::string_view s, uint64_t (&h)[K]) {
  for (unsigned char c : s) {
    for (size_t k = 0; k < K; ++k) h[k] = (h[k] ^ c) * kFnvPrime;
  }
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// A token that looks like the start of a name: "Blinken", "BRUSSELS", "Ökonom".
bool Capitalized(std::string_view w) {
  if (w.empty()) return false;
  // Latin-1 capitals À..Þ are 0xC3 0x80..0x9E in UTF-8 ("Ökonom", "Élysée").
  const unsigned char c0 = w[0], c1 = w.size() > 1 ? w[1] : 0;
  return IsUpper(w[0]) || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E);
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string WordShape(std::string_view w, bool collapse) {
  std::string out;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char u = w[i];
    char c;
    if (IsUpper(w[i])) c = 'X';
    else if (IsLower(w[i])) c = 'x';
    else if (u >= '0' && u <= '9') c = 'd';
    else if (u >= 0xC0) c = 'u';       // start of a non-ASCII character
    else if (u >= 0x80) continue;      // UTF-8 continuation byte
    else c = w[i];
    if (c == last) {
      ++run;
      if (collapse || run >= 4) continue;
    } else {
      run = 0;
    }
    out.push_back(c);
    last = c;
  }
  return out;
}

namespace {

// Lower-cased word, full shape and short shape of one token, written in one pass
// (the same strings as AsciiLower and WordShape). Returns the shape lengths.
void LowerAndShapes(std::string_view w, char* lower, char* shape, size_t* shape_len, char* short_shape,
                    size_t* short_len) {
  size_t ns = 0, nss = 0;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    const char b = w[i];
    const unsigned char u = b;
    lower[i] = IsUpper(b) ? static_cast<char>(b - 'A' + 'a') : b;
    char c;
    if (IsUpper(b)) c = 'X';
    else if (IsLower(b)) c = 'x';
    else if (u >= '0' && u <= '9') c = 'd';
    else if (u >= 0xC0) c = 'u';       // start of a non-ASCII character
    else if (u >= 0x80) continue;      // UTF-8 continuation byte
    else c = b;
    if (c == last) {
      if (++run >= 4) continue;
      shape[ns++] = c;  // the short shape collapses the run
      continue;
    }
    run = 0;
    shape[ns++] = c;
    short_shape[nss++] = c;
    last = c;
  }
  *shape_len = ns;
  *short_len = nss;
}

// Per-word hash chains: every template that hashes a whole (lower-cased) word,
// continued from that template's seed. Indices into WordChains::h.
enum WordChain { kWcLower, kWcPrev1, kWcNext1, kWcPrev2, kWcNext2, kWcPrevPair, kWcNextPair, kWcPrevWordShape,
                 kWcWordNextShape, kNumWordChains };
constexpr uint8_t kWordChainTemplate[kNumWordChains] = {kLower,        kPrev1Word,    kNext1Word,
                                                        kPrev2Word,    kNext2Word,    kPrevWordPair,
                                                        kNextWordPair, kPrevWordShape, kWordNextShape};
enum ShapeChain { kScShort, kScPrev1, kScNext1, kScPrev2, kScNext2, kScTrigram, kScPrevShapeWord, kScCaps,
                  kNumShapeChains };
constexpr uint8_t kShapeChainTemplate[kNumShapeChains] = {kShortShape, kPrev1Shape,  kNext1Shape,
                                                          kPrev2Shape, kNext2Shape,  kShapeTrigram,
                                                          kPrevShapeWord, kCapsSentence};

struct PositionHashes {
  uint64_t word[kNumWordChains];
  uint64_t shape[kNumShapeChains];
};

struct FeatureScratch {
  std::string arena;
  std::vector<std::string_view> lower, shape, short_shape;  // n + 4: two <s> before, two </s> after
  std::vector<uint8_t> cap, gaz;
  std::vector<uint8_t> used, starts;  // with `wanted`: positions hashed, words matched from
  std::vector<PositionHashes> hashes;                         // n + 4, like the views
};

}  // namespace

uint64_t ExactTextKey(std::string_view text) { return Key(kExact, text); }

namespace {

// Function words that start sentences capitalised ("The", "But"): not a name on
// their own. Only the exact form "Xxxx" counts ("US" and "THE" stay capitals).
bool IsCapitalisedFunctionWord(std::string_view w) {
  static const std::unordered_map<std::string_view, bool> kWords = [] {
    std::unordered_map<std::string_view, bool> m;
    for (std::string_view k :
         {"a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she",
          "his", "her", "they", "their", "we", "our", "you", "your", "i", "my", "who", "what", "which",
          "when", "where", "why", "how", "if", "and", "or", "but", "so", "yet", "for", "of", "in", "on",
          "at", "by", "to", "from", "with", "as", "after", "before", "during", "since", "until", "while",
          "although", "though", "because", "not", "no", "all", "some", "both", "only", "even", "also",
          "just", "now", "then", "still", "however", "meanwhile", "instead", "is", "are", "was", "were",
          "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "should", "may",
          "might", "must", "many", "most", "more", "one", "two", "three"}) {
      m.emplace(k, true);
    }
    return m;
  }();
  if (w.size() < 2 || w.size() > 9 || !IsUpper(w[0])) return false;
  char lower[10];
  lower[0] = static_cast<char>(w[0] - 'A' + 'a');
  for (size_t i = 1; i < w.size(); ++i) {
    if (!IsLower(w[i])) return false;
    lower[i] = w[i];
  }
  return kWords.count(std::string_view(lower, w.size())) > 0;
}

bool MayBeNamePart(std::string_view w) {
  for (unsigned char c : w) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF)) return true;
  }
  return false;
}

}  // namespace

namespace {

// Lower-case words that continue a name after a capitalised word ("Bank of
// America", "Johnson & Johnson", "Osama bin Laden"); other words right after a
// name end it.
bool MayContinueName(std::string_view w) {
  static const std::unordered_map<std::string_view, bool> kWords = [] {
    std::unordered_map<std::string_view, bool> m;
    for (std::string_view k : {"of", "and", "for", "&", "'s", "de", "da", "do", "dos", "das", "du", "del",
                               "della", "di", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al",
                               "el", "on", "in", "at", "the", "y", "e", "(", ")", "'", "/", "."}) {
      m.emplace(k, true);
    }
    return m;
  }();
  return w.size() <= 5 && kWords.count(w) > 0;
}

}  // namespace

size_t MarkTokensNearNames(const std::vector<NerToken>& sentence, std::vector<uint8_t>* near_name) {
  const size_t n = sentence.size();
  near_name->assign(n, 0);
  size_t marked = 0;
  uint8_t* mark = near_name->data();
  for (size_t j = 0; j < n; ++j) {
    if (!MayBeNamePart(sentence[j].text) || (j == 0 && IsCapitalisedFunctionWord(sentence[j].text))) continue;
    if (j >= 1 && !mark[j - 1]) { mark[j - 1] = 1; ++marked; }
    if (!mark[j]) { mark[j] = 1; ++marked; }
    if (j + 1 < n && !mark[j + 1] && MayContinueName(sentence[j + 1].text)) { mark[j + 1] = 1; ++marked; }
  }
  return marked;
}

void ExtractSentenceFeatures(const std::vector<NerToken>& sentence, const NerLexicon& lexicon,
                             SentenceFeatures* out, const uint8_t* skip_text_only, const uint8_t* wanted) {
  const size_t n = sentence.size();
  out->keys.clear();
  out->begin.clear();
  out->ids.resize(n);
  out->intrinsic.resize(n);
  if (n == 0) {
    out->begin.push_back(0);
    return;
  }
  thread_local FeatureScratch scratch;
  FeatureScratch& sc = scratch;
  size_t bytes = 0;
  for (const NerToken& t : sentence) bytes += t.text.size();
  if (sc.arena.size() < 3 * bytes) sc.arena.resize(3 * bytes);
  char* arena = sc.arena.data();
  static constexpr std::string_view kBos = "<s>", kEos = "</s>";
  const size_t positions = n + 4;
  sc.lower.assign(positions, kBos);
  sc.short_shape.assign(positions, kBos);
  sc.shape.resize(positions);
  for (size_t p = n + 2; p < positions; ++p) sc.lower[p] = sc.short_shape[p] = kEos;
  sc.cap.resize(n);
  // With `wanted`: position p (token p - 2) feeds the features of tokens p-4 .. p,
  // and only matches from words next to a wanted one can tag wanted words or
  // their neighbours.
  const uint8_t* used = nullptr;
  const uint8_t* starts = nullptr;
  if (wanted) {
    sc.used.assign(positions, 0);
    sc.starts.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      if (!wanted[i]) continue;
      for (size_t p = i; p <= i + 4; ++p) sc.used[p] = 1;
      for (size_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < n; ++j) sc.starts[j] = 1;
    }
    used = sc.used.data();
    starts = sc.starts.data();
  }
  size_t letters = 0, upper_words = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = sentence[i].text;
    char* lower = arena;
    char* shape = arena + w.size();
    char* short_shape = arena + 2 * w.size();
    size_t shape_len = 0, short_len = 0;
    if (used && !used[i + 2]) {
      for (size_t k = 0; k < w.size(); ++k) lower[k] = IsUpper(w[k]) ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
    } else {
      LowerAndShapes(w, lower, shape, &shape_len, short_shape, &short_len);
    }
    arena += 3 * w.size();
    sc.lower[i + 2] = std::string_view(lower, w.size());
    sc.shape[i + 2] = std::string_view(shape, shape_len);
    sc.short_shape[i + 2] = std::string_view(short_shape, short_len);
    sc.cap[i] = Capitalized(w);
    bool has_lower = false, has_upper = false;
    for (char c : w) { has_lower |= IsLower(c); has_upper |= IsUpper(c); }
    if (has_lower || has_upper) ++letters;
    if (has_upper && !has_lower) ++upper_words;
  }
  // Headlines and datelines ("BRUSSELS 1996-08-22") are all capitals, where shape
  // says little; the model learns separate weights for them.
  const bool caps_sentence = letters >= 2 && upper_words * 10 >= letters * 8;
  constexpr int kCats = NerLexicon::kNumCategories;
  sc.gaz.resize(n * kCats);
  lexicon.MatchSpans(sc.lower.data() + 2, sc.cap.data(), n, sc.gaz.data(), starts);
  const uint8_t* gaz = sc.gaz.data();

  // Every template over a whole word or short shape, for every position.
  sc.hashes.resize(positions);
  for (size_t p = 0; p < positions; ++p) {
    if (used && !used[p]) continue;
    PositionHashes& ph = sc.hashes[p];
    for (int k = 0; k < kNumWordChains; ++k) ph.word[k] = Seed(kWordChainTemplate[k]);
    FnvMulti(sc.lower[p], ph.word);
    for (int k = 0; k < kNumShapeChains; ++k) ph.shape[k] = Seed(kShapeChainTemplate[k]);
    FnvMulti(sc.short_shape[p], ph.shape);
  }

  static const uint64_t kBiasKey = Key(kBias, uint64_t{0});
  static const uint64_t kLongWordKey = Key(kLongWord, uint64_t{1});
  static const uint64_t kFirstState = Sep(FnvAdd(Seed(kFirstCap), "first"));
  static const uint64_t kInnerState = Sep(FnvAdd(Seed(kFirstCap), "inner"));
  out->keys.reserve(n * 48);
  uint64_t buf[128];
  for (size_t i = 0; i < n; ++i) {
    if (wanted && !wanted[i]) {
      out->begin.push_back(static_cast<uint32_t>(out->keys.size()));
      out->intrinsic[i] = 0;
      out->ids[i] = TokenIds{};
      continue;
    }
    const size_t p = i + 2;
    const PositionHashes& prev2 = sc.hashes[p - 2];
    const PositionHashes& prev = sc.hashes[p - 1];
    const PositionHashes& cur = sc.hashes[p];
    const PositionHashes& next = sc.hashes[p + 1];
    const PositionHashes& next2 = sc.hashes[p + 2];
    const std::string_view l = sc.lower[p], ss = sc.short_shape[p];
    size_t m = 0;
    const uint64_t word_id = Mix(cur.word[kWcLower]);
    const uint64_t shape_id = Mix(cur.shape[kScShort]);
    if (!skip_text_only || !skip_text_only[i]) {
      buf[m++] = kBiasKey;
      buf[m++] = word_id;
      buf[m++] = Key(kExact, sentence[i].text);
      buf[m++] = Key(kShape, sc.shape[p]);
      buf[m++] = shape_id;
      for (size_t k = 1; k <= 4 && k <= l.size(); ++k) {
        buf[m++] = Key(static_cast<uint8_t>(kPrefix + k - 1), l.substr(0, k));
        buf[m++] = Key(static_cast<uint8_t>(kSuffix + k - 1), l.substr(l.size() - k));
      }
    }
    out->intrinsic[i] = static_cast<uint8_t>(m);
    // Chains over this token's short shape and word that continue a neighbour's.
    // Sentence-initial capitals are weak evidence: give them their own weights.
    uint64_t over_shape[3] = {i == 0 ? kFirstState : kInnerState, Sep(prev.shape[kScTrigram]),
                              Sep(prev.word[kWcPrevWordShape])};
    FnvMulti(ss, over_shape);
    uint64_t over_word[2] = {Sep(prev.word[kWcPrevPair]), Sep(prev.shape[kScPrevShapeWord])};
    FnvMulti(l, over_word);
    uint64_t over_next_shape[2] = {Sep(over_shape[1]), Sep(cur.word[kWcWordNextShape])};
    FnvMulti(sc.short_shape[p + 1], over_next_shape);
    uint64_t over_next_word[1] = {Sep(cur.word[kWcNextPair])};
    FnvMulti(sc.lower[p + 1], over_next_word);

    buf[m++] = Mix(over_shape[0]);  // kFirstCap
    if (caps_sentence) buf[m++] = Mix(cur.shape[kScCaps]);
    buf[m++] = Mix(prev.word[kWcPrev1]);
    buf[m++] = Mix(next.word[kWcNext1]);
    buf[m++] = Mix(prev2.word[kWcPrev2]);
    buf[m++] = Mix(next2.word[kWcNext2]);
    buf[m++] = Mix(prev.shape[kScPrev1]);
    buf[m++] = Mix(next.shape[kScNext1]);
    buf[m++] = Mix(prev2.shape[kScPrev2]);
    buf[m++] = Mix(next2.shape[kScNext2]);
    buf[m++] = Mix(over_word[0]);          // kPrevWordPair
    buf[m++] = Mix(over_next_word[0]);     // kNextWordPair
    buf[m++] = Mix(over_next_shape[0]);    // kShapeTrigram
    buf[m++] = Mix(over_shape[2]);         // kPrevWordShape
    if (l.size() >= 12) buf[m++] = kLongWordKey;
    buf[m++] = Mix(over_next_shape[1]);    // kWordNextShape
    buf[m++] = Mix(over_word[1]);          // kPrevShapeWord
    const std::string_view nw = sc.lower[p + 1];
    buf[m++] = Key(kNextSuffix3, nw.substr(nw.size() > 3 ? nw.size() - 3 : 0));
    for (int c = 0; c < kCats; ++c) {
      const uint8_t t = gaz[i * kCats + c];
      if (t) {
        buf[m++] = Key(kGazetteer, static_cast<uint64_t>(c * 8 + t));
        const char code = static_cast<char>(c * 8 + t);
        buf[m++] = Key(kGazetteerShape, std::string_view(&code, 1), ss);
      }
      if (i > 0 && gaz[(i - 1) * kCats + c]) {
        buf[m++] = Key(kPrevGazetteer, static_cast<uint64_t>(c * 8 + gaz[(i - 1) * kCats + c]));
      }
      if (i + 1 < n && gaz[(i + 1) * kCats + c]) {
        buf[m++] = Key(kNextGazetteer, static_cast<uint64_t>(c * 8 + gaz[(i + 1) * kCats + c]));
      }
    }
    out->begin.push_back(static_cast<uint32_t>(out->keys.size()));
    out->keys.insert(out->keys.end(), buf, buf + m);
    out->ids[i] = TokenIds{word_id, shape_id};
  }
  out->begin.push_back(static_cast<uint32_t>(out->keys.size()));
}

void ExtractStaticFeatures(const std::vector<NerToken>& sentence, const NerLexicon& lexicon,
                           std::vector<std::vector<uint64_t>>* out) {
  thread_local SentenceFeatures features;
  ExtractSentenceFeatures(sentence, lexicon, &features);
  // Keep the inner vectors' capacity when the caller reuses *out.
  out->resize(sentence.size());
  for (size_t i = 0; i < sentence.size(); ++i) {
    (*out)[i].assign(features.keys.begin() + features.begin[i], features.keys.begin() + features.begin[i + 1]);
  }
}

void ExtractTokenIds(const std::vector<NerToken>& sentence, std::vector<TokenIds>* out) {
  out->resize(sentence.size());
  for (size_t i = 0; i < sentence.size(); ++i) {
    (*out)[i].word = Key(kLower, AsciiLower(sentence[i].text));
    (*out)[i].shape = Key(kShortShape, WordShape(sentence[i].text, true));
  }
}

void HistoryFeatures(NerLabel prev1, NerLabel prev2, const TokenIds& token, uint64_t* keys) {
  const uint64_t p1 = static_cast<uint64_t>(prev1), p2 = static_cast<uint64_t>(prev2);
  keys[0] = Key(kHistPrev1, p1);
  keys[1] = Key(kHistPrev2, p2 * 16 + p1);
  keys[2] = Key(kHistPrev1Word, token.word + p1 * 0x9e3779b97f4a7c15ULL);
  keys[3] = Key(kHistPrev1Shape, token.shape + p1 * 0x9e3779b97f4a7c15ULL);
}

namespace {
constexpr std::string_view kLabelNames[kNumNerLabels] = {"O",     "B-PER", "I-PER", "B-ORG", "I-ORG",
                                                         "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
}

std::string_view NerLabelName(NerLabel l) { return kLabelNames[static_cast<int>(l)]; }

bool ParseNerLabel(std::string_view name, NerLabel* out) {
  for (int i = 0; i < kNumNerLabels; ++i) {
    if (kLabelNames[i] == name) { *out = static_cast<NerLabel>(i); return true; }
  }
  return false;
}

}  // namespace dossier
