// Hover cards of scraped pages: see hover_cards.h.
#include "indexer/tagger/hover_cards.h"

#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

constexpr size_t kLongestName = 4;    // words of a name on either side of the card's start
constexpr size_t kLongestCard = 160;  // tokens from the card's name to its "MORE": three headlines

struct TokenAt {
  size_t sent = 0, token = 0;
  bool operator<(const TokenAt& o) const { return sent != o.sent ? sent < o.sent : token < o.token; }
};

bool glued_to_next(const NerSentence& tokens, size_t i) {
  return i + 1 < tokens.size() && tokens[i + 1].begin == tokens[i].end;
}

// One past the card's closing "MORE" (its headlines end there), if it comes
// within kLongestCard tokens of `from`; else `fallback`.
TokenAt card_end(const ArticleTokens& article, TokenAt from, TokenAt fallback) {
  size_t seen = 0;
  for (size_t s = from.sent; s < article.sentences.size() && seen < kLongestCard; ++s) {
    const NerSentence& tokens = article.sentences[s];
    for (size_t t = s == from.sent ? from.token : 0; t < tokens.size() && seen < kLongestCard; ++t, ++seen)
      if (tokens[t].text == "MORE") return {s, t + 1};
  }
  return fallback;
}

// Drops every span inside [begin, end), and covers the card with blocking
// (MISC) spans so that coreference adds no mention there either; a person
// running into the card from the name before it ends where the card begins.
void drop_card(const ArticleTokens& article, TokenAt begin, TokenAt end, std::vector<TaggerSpan>* spans) {
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc) continue;
    const TokenAt first{static_cast<size_t>(s.sent), s.begin}, last{static_cast<size_t>(s.sent), s.end - 1};
    if (!(first < begin) && last < end) {
      s.dropped = true;  // any name the card's words made ("Swan" of "Robert (Bob) Swan Mueller")
    } else if (s.type == EntityType::kPerson && first < begin && static_cast<size_t>(s.sent) == begin.sent &&
               s.end > begin.token && last < end) {
      s.end = begin.token;
      if (s.gaz_entity < 0) s.canonical.clear();
    }
  }
  for (size_t sent = begin.sent; sent <= end.sent && sent < article.sentences.size(); ++sent) {
    const size_t b = sent == begin.sent ? begin.token : 0;
    const size_t e = sent == end.sent ? end.token : article.sentences[sent].size();
    if (b < e) spans->push_back(blocking_span(static_cast<int>(sent), b, e));
  }
}

// Where the capitalised words just before `first_card_word` (at most
// kLongestName + 1) hold `family`, one past that earlier family name: the end
// of the name shown before the card. 0 when there is none.
size_t shown_name_end(const NerSentence& tokens, const std::vector<std::string>& keys, size_t first_card_word,
                      const std::string& family) {
  for (size_t t = first_card_word; t-- > 0 && first_card_word - t <= kLongestName + 1;) {
    if (!starts_upper(tokens[t].text)) break;
    if (keys[t] == family) return t + 1;
  }
  return 0;
}

}  // namespace

void drop_hover_card_names(const ArticleTokens& article, std::vector<TaggerSpan>* spans) {
  for (size_t sent = 0; sent < article.sentences.size(); ++sent) {
    const NerSentence& tokens = article.sentences[sent];
    const auto& keys = article.keys[sent];
    for (size_t i = 1; i + 1 < tokens.size(); ++i) {
      size_t name_begin = 0, after = 0;  // the card's name: [name_begin, after)
      if (tokens[i].text == "(" && i + 3 < tokens.size() && tokens[i + 2].text == ")" &&
          starts_upper(tokens[i + 1].text)) {
        // "Addison (Mitch) Mitchell McConnellGOP": the capitalised words after the
        // brackets, up to the glued headline; the last one is the family name.
        after = i + 3;
        while (after < tokens.size() && after - (i + 3) < kLongestName && starts_upper(tokens[after].text) &&
               (after == i + 3 || tokens[after].begin != tokens[after - 1].end))
          ++after;
        if (after == i + 3) continue;
        // The card starts with the words before the brackets ("Addison").
        name_begin = i;
        while (name_begin > 0 && i - name_begin < kLongestName && starts_upper(tokens[name_begin - 1].text) &&
               keys[name_begin - 1] != keys[after - 1])
          --name_begin;
      } else if (starts_upper(tokens[i].text) && glued_to_next(tokens, i) &&
                 (starts_upper(tokens[i + 1].text) || (tokens[i + 1].text[0] >= '0' && tokens[i + 1].text[0] <= '9'))) {
        // "Hillary Diane Rodham Clinton2020 Democrats ...": a full name of two or
        // more words whose family name is glued to the first headline.
        after = i + 1;
        name_begin = i;
        while (name_begin > 0 && i - name_begin < kLongestName && starts_upper(tokens[name_begin - 1].text) &&
               keys[name_begin - 1] != keys[i])
          --name_begin;
        if (name_begin == i) continue;
      } else {
        continue;
      }
      const std::string& family = keys[after - 1];
      const size_t shown_end = shown_name_end(tokens, keys, name_begin, family);
      if (shown_end == 0 || shown_end != name_begin) continue;
      // The headlines glued after the name end at the card's "MORE"; without
      // one, the card is the name alone.
      const TokenAt begin{sent, name_begin};
      const TokenAt end = card_end(article, {sent, after}, {sent, after});
      drop_card(article, begin, end, spans);
      if (end.sent != sent) break;  // the next sentences' cards are found in their own turn
      i = end.token - 1;
    }
  }
}

}  // namespace dossier
