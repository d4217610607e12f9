// Hover cards of scraped pages: see hover_cards.h.
#include "indexer/tagger/hover_cards.h"

#include "indexer/tagger/rules.h"

namespace dossier {

void drop_hover_card_names(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans) {
  constexpr size_t kLongestName = 4;  // words on either side of the brackets
  for (size_t sent = 0; sent < article.sentences.size(); ++sent) {
    const NerSentence& tokens = article.sentences[sent];
    const auto& keys = article.keys[sent];
    for (size_t open = 1; open + 3 < tokens.size(); ++open) {
      if (tokens[open].text != "(" || tokens[open + 2].text != ")" || !gaz.is_first_name(keys[open + 1])) continue;
      // Capitalised words after the brackets: the card's last one is the family name.
      size_t after = open + 3;
      // The card ends where the next headline is glued to it ("McConnellGOP").
      while (after < tokens.size() && after - (open + 3) < kLongestName && starts_upper(tokens[after].text) &&
             (after == open + 3 || tokens[after].begin != tokens[after - 1].end))
        ++after;
      if (after == open + 3) continue;
      const std::string& family = keys[after - 1];
      // The same family name shortly before the brackets ends the name shown.
      size_t shown_end = 0;  // one past the family name before the card; 0: none
      for (size_t t = open; t-- > 0 && open - t <= kLongestName + 1;) {
        if (!starts_upper(tokens[t].text)) break;
        if (keys[t] == family) {
          shown_end = t + 1;
          break;
        }
      }
      if (shown_end == 0) continue;
      const size_t card_begin = shown_end, card_end = after;
      for (TaggerSpan& s : *spans) {
        if (s.dropped || s.misc || s.sent != static_cast<int>(sent)) continue;
        if (s.begin >= card_begin && s.end <= card_end) {
          s.dropped = true;  // any name the card's words made ("Swan" of "Robert (Bob) Swan Mueller")
        } else if (s.type == EntityType::kPerson && s.begin < card_begin && s.end > card_begin &&
                   s.end <= card_end) {
          s.end = card_begin;
          if (s.gaz_entity < 0) s.canonical.clear();
        }
      }
      open = after - 1;
    }
  }
}

}  // namespace dossier
