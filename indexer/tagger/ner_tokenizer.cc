// NER tokenizer: whitespace chunks, then punctuation, clitics and name-hyphens
// peeled off each chunk; then sentence boundaries.
#include "indexer/tagger/ner_tokenizer.h"

#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "indexer/tagger/rules.h"  // starts_upper

namespace dossier {
namespace {

constexpr std::array<std::string_view, 12> kOpeners = {
    "\"", "'", "`", "(", "[", "{", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xC2\xBF", "\xC2\xA1", "<"};
constexpr std::array<std::string_view, 16> kClosers = {
    ")", "]", "}", "\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", "\xC2\xBB", ",", ";", ":", "!", "?",
    "\xE2\x80\xA6", ">", "*"};
constexpr std::array<std::string_view, 6> kClitics = {"'s", "'ll", "'re", "'ve", "'m", "'d"};
constexpr std::array<std::string_view, 2> kDashes = {"\xE2\x80\x94", "\xE2\x80\x93"};  // — –

// Abbreviations that keep their period, compared case-sensitively without it.
constexpr std::array<std::string_view, 58> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
    "Cmdr", "Rep", "Reps", "Sen", "Sens", "Gov", "Pres", "Amb", "Rev", "Msgr", "Fr", "St",
    "Ste", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn",
    "vs", "etc", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "Gov", "Atty", "Supt"};

inline bool is_space_at(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c > ' ' && c < 0x80) return false;  // the common case: a visible ASCII byte
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // no-break space
    return true;
  }
  if (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") {  // ideographic space
    *len = 3;
    return true;
  }
  return false;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

// Replaces a curly apostrophe with ASCII for clitic comparison.
std::string straight_quotes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string ascii_lower_copy(std::string_view s);

// Bytes that can begin an opener / end a closer (or a period, "...", "--"): a
// chunk whose first / last byte is not one of them has nothing to peel there.
constexpr std::array<bool, 256> byte_table(std::string_view bytes) {
  std::array<bool, 256> t{};
  for (char c : bytes) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kOpenerFirstBytes = byte_table("\"'`([{<\xE2\xC2");
constexpr std::array<bool, 256> kCloserLastBytes = byte_table(")]}\"'\x9D\x99\xBB,;:!?\xA6>*.-");

bool has_apostrophe(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\'') return true;
    if (s[i] == '\xE2' && s.substr(i + 1, 2) == "\x80\x99") return true;
  }
  return false;
}

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<NerToken>* out, const HyphenSplitter& hyphens)
      : text_(text), out_(out), hyphens_(hyphens) {}

  void emit_whole(size_t b, size_t e) { emit(b, e); }

  void split(size_t b, size_t e) {
    // Most chunks are plain words or numbers: nothing to peel or split.
    bool plain = true;
    for (size_t i = b; i < e && plain; ++i) {
      const char c = text_[i];
      plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (plain) {
      emit(b, e);
      return;
    }
    // Leading openers, except a chunk that is itself a clitic ("'s" in CoNLL text).
    while (b < e) {
      std::string_view chunk = text_.substr(b, e - b);
      if (!kOpenerFirstBytes[static_cast<unsigned char>(chunk[0])]) break;
      if (chunk.size() <= 6 && has_apostrophe(chunk)) {
        std::string low = straight_quotes(chunk);
        bool is_clitic = false;
        for (auto c : kClitics) is_clitic |= ends_with_ci(low, c) && low.size() == c.size();
        if (is_clitic || low == "n't") break;
      }
      size_t n = match_prefix(b, e, kOpeners);
      if (n == 0 || b + n == e) break;
      emit(b, b + n);
      b += n;
    }
    // Trailing closers and periods, collected right to left (a few at most, so
    // no heap allocation per chunk; a longer run keeps its innermost part whole).
    std::pair<size_t, size_t> tail[kMaxTail];
    size_t tails = 0;
    while (b < e && tails < kMaxTail) {
      std::string_view core = text_.substr(b, e - b);
      if (!kCloserLastBytes[static_cast<unsigned char>(core.back())]) break;
      size_t n = match_suffix(core, kClosers);
      if (n == 0 && core.ends_with("...")) n = 3;
      if (n == 0 && core.ends_with(".") && core.size() > 1 && !is_abbreviation(core)) n = 1;
      if (n == 0 && core.ends_with("--") && core.size() > 2) n = 2;
      if (n == 0 || n == core.size()) break;
      tail[tails++] = {e - n, e};
      e -= n;
    }
    split_core(b, e);
    while (tails > 0) {
      --tails;
      emit(tail[tails].first, tail[tails].second);
    }
  }

 private:
  static constexpr size_t kMaxTail = 16;

  size_t match_prefix(size_t b, size_t e, const auto& list) const {
    std::string_view s = text_.substr(b, e - b);
    for (std::string_view p : list) if (s.starts_with(p)) return p.size();
    return 0;
  }
  static size_t match_suffix(std::string_view s, const auto& list) {
    for (std::string_view p : list) if (s.ends_with(p)) return p.size();
    return 0;
  }

  // Clitics, dashes and name hyphens inside what is left of the chunk.
  void split_core(size_t b, size_t e) {
    if (b >= e) return;
    std::string_view core = text_.substr(b, e - b);
    // Brackets, quotes and semicolons inside a chunk separate: "Ministry)(Kyodo".
    for (size_t i = 1; i + 1 < core.size(); ++i) {
      char c = core[i];
      bool comma_split = c == ',' && !(std::isdigit(static_cast<unsigned char>(core[i - 1])) &&
                                       std::isdigit(static_cast<unsigned char>(core[i + 1])));
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';' || comma_split) {
        split(b, b + i);
        emit(b + i, b + i + 1);
        split(b + i + 1, e);
        return;
      }
    }
    // A slash before a capital separates names in photo credits and polls
    // ("Olson/Getty Images", "Reuters/Ipsos", "CNN/ORC"), but not in web
    // addresses, dates ("9/11") or lower-case pairs ("and/or").
    if (core.find("://") == std::string_view::npos && !core.starts_with("www.")) {
      for (size_t i = 1; i + 1 < core.size(); ++i) {
        if (core[i] != '/') continue;
        const unsigned char before = core[i - 1], after = core[i + 1];
        if (std::isalpha(before) && std::isupper(after)) {
          split_core(b, b + i);
          emit(b + i, b + i + 1);
          split(b + i + 1, e);
          return;
        }
      }
    }
    // Unicode dashes and "--" always separate.
    for (size_t i = 1; i + 1 < core.size(); ++i) {
      if (core[i] != '\xE2' && core[i] != '-') continue;
      size_t n = 0;
      for (auto d : kDashes) if (core.substr(i).starts_with(d)) n = d.size();
      if (n == 0 && core.substr(i).starts_with("--")) n = 2;
      if (n > 0 && i + n < core.size()) {
        split_core(b, b + i);
        emit(b + i, b + i + n);
        split_core(b + i + n, e);
        return;
      }
    }
    // Clitics: "Japan's" -> "Japan" "'s"; "don't" -> "do" "n't".
    if (!has_apostrophe(core)) {
      split_hyphens(b, e);
      return;
    }
    std::string low = straight_quotes(core);
    std::string_view clitic;
    for (auto c : kClitics) {
      if (low.size() > c.size() + 1 && ends_with_ci(low, c)) clitic = c;
    }
    if (clitic.empty() && low.size() > 4 && ends_with_ci(low, "n't")) clitic = "n't";
    if (!clitic.empty()) {
      std::string curly(clitic);
      curly.replace(curly.find('\''), 1, "\xE2\x80\x99");
      size_t cut = ends_with_ci(core, clitic) ? e - clitic.size() : e - curly.size();
      split_hyphens(b, cut);
      emit(cut, e);
      return;
    }
    split_hyphens(b, e);
  }

  // "U.S.-China", "Korea-Russia", "Indo-Pacific": a hyphen between two capitalised
  // names separates them; "G-7", "Al-Qaeda", "all-rounder" stay whole. A party's
  // letter before a place is cut off too: "R-Texas", "D-Calif.".
  void split_hyphens(size_t b, size_t e) {
    std::string_view core = text_.substr(b, e - b);
    for (size_t i = 1; i + 2 < core.size(); ++i) {
      if (core[i] != '-') continue;
      if (i < 3 && !(i == 1 && is_party_letter(core.substr(0, 1)))) continue;
      std::string_view left = core.substr(0, i), right = core.substr(i + 1);
      size_t right_len = right.find('-');
      if (right_len == std::string_view::npos) right_len = right.size();
      if (!starts_upper(left) || !starts_upper(right) || right_len < 2) continue;
      size_t left_start = left.rfind('-');
      std::string_view left_part = left_start == std::string_view::npos ? left : left.substr(left_start + 1);
      bool split_here = left.ends_with('.') && is_abbreviation(left);
      if (!split_here && hyphens_) {
        split_here = hyphens_(ascii_lower_copy(left_part), ascii_lower_copy(right.substr(0, right_len)));
      }
      if (split_here) {
        emit(b, b + i);
        emit(b + i, b + i + 1);
        split_hyphens(b + i + 1, e);
        return;
      }
    }
    emit(b, e);
  }

  void emit(size_t b, size_t e) {
    if (b >= e) return;
    NerToken& t = out_->emplace_back();
    t.text.assign(text_.data() + b, e - b);
    t.begin = b;
    t.end = e;
  }

  std::string_view text_;
  std::vector<NerToken>* out_;
  const HyphenSplitter& hyphens_;
};

std::string ascii_lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when only spaces separate position i from the previous newline (or the start).
bool b_is_line_start(std::string_view text, size_t i) {
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n';
}

// "1." .. "999.": the number of a list line.
bool is_list_number(std::string_view chunk) {
  if (chunk.size() < 2 || chunk.size() > 4 || chunk.back() != '.') return false;
  for (size_t i = 0; i + 1 < chunk.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(chunk[i]))) return false;
  }
  return true;
}

bool is_sentence_final(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6";
}

bool is_closing_quote(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99";
}

bool can_start_sentence(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = t[0];
  if (std::isdigit(c) || c == '"' || c == '(' || c == '\'' || c == '[') return true;
  if (t.starts_with("\xE2\x80\x9C") || t.starts_with("\xE2\x80\x98")) return true;
  return starts_upper(t);
}

}  // namespace

bool is_abbreviation(std::string_view token) {
  if (!token.ends_with('.') || token.size() < 2) return false;
  std::string_view core = token.substr(0, token.size() - 1);
  if (core.find('.') != std::string_view::npos) {
    // "U.S", "a.m", "U.N": letters separated by periods, no long words.
    size_t run = 0;
    for (char c : core) {
      run = c == '.' ? 0 : run + 1;
      if (run > 3) return false;
    }
    return true;
  }
  if (core.size() == 1 && std::isalpha(static_cast<unsigned char>(core[0]))) return true;
  for (auto a : kAbbreviations) if (core == a) return true;
  return false;
}

std::vector<NerToken> tokenize_phrase(std::string_view phrase, const HyphenSplitter& hyphens) {
  std::vector<NerToken> tokens;
  ChunkSplitter splitter(phrase, &tokens, hyphens);
  size_t i = 0, n = phrase.size(), sp = 0;
  while (i < n) {
    while (i < n && is_space_at(phrase, i, &sp)) i += sp;
    size_t b = i;
    while (i < n && !is_space_at(phrase, i, &sp)) ++i;
    if (b < i) splitter.split(b, i);
  }
  return tokens;
}

namespace {

// The first place in `word` (ASCII letters, capitalised) where a name word of
// four or more letters ends and another capitalised word or a number starts
// with no space ("PelosiOn", "McConnellGOP", "Clinton2020"; not the "Mc" of
// "McConnell"), or 0.
size_t glued_word_end(std::string_view word, size_t from) {
  for (size_t i = std::max<size_t>(from, 4); i + 2 <= word.size(); ++i) {
    const char before = word[i - 1], here = word[i];
    if (before >= 'a' && before <= 'z' && ((here >= 'A' && here <= 'Z') || (here >= '0' && here <= '9'))) return i;
  }
  return 0;
}

// Capitalised ASCII letters, possibly followed by digits ("Clinton2020").
bool is_capitalised_ascii_word(std::string_view word) {
  if (word.size() < 6 || word[0] < 'A' || word[0] > 'Z') return false;
  bool digits = false;
  for (char c : word) {
    const bool digit = c >= '0' && c <= '9';
    if (!digit && (digits || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))) return false;
    digits |= digit;
  }
  return true;
}

// Scraped pages glue a link's text to the next words: The Hill's hover cards
// make "Speaker Nancy Pelosi Nancy PelosiOn The Money", and the tagger took
// "Nancy Pelosi Nancy PelosiOn The Money" for a person (1,476 such persons in
// 37,554 AllSides articles). A token is cut where a word that the text also has
// as a token of its own ends ("Pelosi"): brand names ("WikiLeaks", "BuzzFeed")
// are not, since their first part never stands alone. Returns the new index of
// every old token's first piece, for indices kept elsewhere.
std::vector<size_t> split_glued_names(std::vector<NerToken>* tokens) {
  std::vector<size_t> moved;
  bool any = false;
  for (const NerToken& t : *tokens) any |= is_capitalised_ascii_word(t.text) && glued_word_end(t.text, 0) != 0;
  if (!any) return moved;
  std::unordered_set<std::string_view> words;
  for (const NerToken& t : *tokens)
    if (t.text.size() >= 4 && t.text[0] >= 'A' && t.text[0] <= 'Z') words.insert(t.text);
  std::vector<NerToken> out;
  out.reserve(tokens->size() + 16);
  moved.reserve(tokens->size() + 1);
  for (const NerToken& t : *tokens) {
    moved.push_back(out.size());
    size_t b = 0;
    if (is_capitalised_ascii_word(t.text)) {
      for (size_t cut = glued_word_end(t.text, 4); cut != 0; cut = glued_word_end(t.text, cut + 1)) {
        if (cut - b < 4 || !words.count(std::string_view(t.text).substr(b, cut - b))) continue;
        out.push_back({t.text.substr(b, cut - b), t.begin + b, t.begin + cut});
        b = cut;
      }
    }
    out.push_back({t.text.substr(b), t.begin + b, t.end});
  }
  moved.push_back(out.size());
  *tokens = std::move(out);
  return moved;
}

}  // namespace

std::vector<NerSentence> tokenize_for_ner(std::string_view text, const HyphenSplitter& hyphens) {
  std::vector<NerToken> tokens;
  tokens.reserve(text.size() / 5 + 16);  // news runs about 5.5 bytes a token
  std::vector<size_t> paragraph_starts;  // token indices that follow a blank line
  ChunkSplitter splitter(text, &tokens, hyphens);
  size_t i = 0, n = text.size(), sp = 0;
  while (i < n) {
    int newlines = 0;
    while (i < n && is_space_at(text, i, &sp)) {
      newlines += text[i] == '\n';
      i += sp;
    }
    bool line_start = b_is_line_start(text, i);
    if (newlines >= 2) paragraph_starts.push_back(tokens.size());
    size_t b = i;
    while (i < n && !is_space_at(text, i, &sp)) ++i;
    if (b < i && line_start && is_list_number(text.substr(b, i - b))) {
      splitter.emit_whole(b, i);  // "3." numbering a list line, as in results tables
    } else if (b < i) {
      splitter.split(b, i);
    }
  }

  const std::vector<size_t> moved = split_glued_names(&tokens);
  if (!moved.empty())
    for (size_t& p : paragraph_starts) p = moved[p];

  // Sentence ends (exclusive token indices) first, then each sentence built at its size.
  std::vector<size_t> ends;
  size_t start = 0, next_paragraph = 0;
  constexpr size_t kMaxSentenceTokens = 200;
  for (size_t t = 0; t < tokens.size(); ++t) {
    while (next_paragraph < paragraph_starts.size() && paragraph_starts[next_paragraph] < t) ++next_paragraph;
    bool paragraph = next_paragraph < paragraph_starts.size() && paragraph_starts[next_paragraph] == t;
    if ((paragraph || t - start >= kMaxSentenceTokens) && t > start) {
      ends.push_back(t);
      start = t;
    }
    if (!is_sentence_final(tokens[t].text)) continue;
    // Closing quotes and brackets stay with the sentence they close.
    while (t + 1 < tokens.size() && is_closing_quote(tokens[t + 1].text) && tokens[t + 1].begin == tokens[t].end) {
      ++t;
    }
    if (t + 1 < tokens.size() && can_start_sentence(tokens[t + 1].text)) {
      ends.push_back(t + 1);
      start = t + 1;
    }
  }
  if (start < tokens.size()) ends.push_back(tokens.size());

  std::vector<NerSentence> sentences(ends.size());
  size_t b = 0;
  for (size_t s = 0; s < ends.size(); ++s) {
    sentences[s].reserve(ends[s] - b);
    for (size_t t = b; t < ends[s]; ++t) sentences[s].push_back(std::move(tokens[t]));
    b = ends[s];
  }
  return sentences;
}

}  // namespace dossier
