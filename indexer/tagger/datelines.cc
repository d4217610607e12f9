#include "indexer/tagger/datelines.h"

#include <cctype>
#include <string>

#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool is_dash(const NerSentence& tokens, size_t t) {
  return t < tokens.size() && (tokens[t].text == "\u2014" || tokens[t].text == "\u2013" || tokens[t].text == "--");
}

// The index of the ")" closing an agency's name in brackets that opens at `t`,
// or kNone: "(AP)", "(AFP)", "(Reuters)", "(Xinhua)", "(Kyodo News) —"; not a
// transcript's speaker note, "JAKE TAPPER (ANCHOR):", "STEVE DOOCY (CO-HOST):".
size_t agency_close(const NerSentence& tokens, size_t t) {
  if (t + 2 >= tokens.size() || tokens[t].text != "(") return kNone;
  if (tokens[t + 2].text == ")") {
    const std::string& name = tokens[t + 1].text;
    if (name.size() > 10 || !std::isupper(static_cast<unsigned char>(name[0]))) return kNone;
    if (is_all_caps(name) && name.size() > 4) return kNone;
    return t + 3 < tokens.size() && tokens[t + 3].text == ":" ? kNone : t + 2;
  }
  // Two or three words in mixed case, then the dash.
  size_t close = t + 1;
  while (close < tokens.size() && close - t <= 3) {
    const std::string& w = tokens[close].text;
    if (w == ")") break;
    if (!std::isupper(static_cast<unsigned char>(w[0])) || is_all_caps(w)) return kNone;
    ++close;
  }
  if (close >= tokens.size() || tokens[close].text != ")" || close - t < 3) return kNone;
  return is_dash(tokens, close + 1) ? close : kNone;
}

// The index of the agency's "(" after a dateline's place [0, end), `end` itself
// when a dash follows the place instead, or kNone when no dateline ends there.
size_t dateline_end(const NerSentence& tokens, size_t end) {
  if (end == 0 || end > 4) return kNone;
  for (size_t t = 0; t < end; ++t)
    if (!std::isalpha(static_cast<unsigned char>(tokens[t].text[0])) || !is_all_caps(tokens[t].text)) return kNone;
  if (end < tokens.size() && tokens[end].text == ",") {
    // A state or country: capitalized words in mixed case, or abbreviations
    // with periods ("Fla.", "N.Y.", "South Korea").
    size_t next = end + 1, words = 0;
    for (; next < tokens.size() && words < 3; ++next, ++words) {
      const std::string& w = tokens[next].text;
      if (w == ".") continue;
      const bool abbreviation = w.size() > 1 && w.back() == '.';
      if (!std::isupper(static_cast<unsigned char>(w[0])) || (!abbreviation && is_all_caps(w))) break;
    }
    if (words == 0) return kNone;
    if (agency_close(tokens, next) != kNone) return next;
    return is_dash(tokens, next) ? end : kNone;
  }
  return agency_close(tokens, end) != kNone ? end : kNone;
}

}  // namespace

bool in_results_line(const ArticleTokens& article, int sent, size_t begin, size_t end) {
  if (article.all_caps[sent]) return true;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  auto score_or_at = [&](size_t t) {
    const char c = tokens[t].text[0];
    return (c >= '0' && c <= '9') || keys[t] == "at";
  };
  return (end < tokens.size() && score_or_at(end)) || (begin > 0 && score_or_at(begin - 1));
}

bool is_dateline_name(const NerSentence& tokens, size_t begin, size_t end) {
  return begin == 0 && dateline_end(tokens, end) != kNone;
}

bool is_dateline_agency(const NerSentence& tokens, size_t begin, size_t end) {
  if (begin < 2 || end >= tokens.size() || tokens[begin - 1].text != "(" || tokens[end].text != ")") return false;
  if (agency_close(tokens, begin - 1) != end) return false;
  // The place: the words in capitals before the bracket, or before the comma.
  size_t place_end = 0;
  while (place_end < 4 && place_end < begin && std::isalpha(static_cast<unsigned char>(tokens[place_end].text[0])) &&
         is_all_caps(tokens[place_end].text)) {
    ++place_end;
  }
  return dateline_end(tokens, place_end) == begin - 1;
}

}  // namespace dossier
