// One-word guesses the words around them correct: see one_word_guesses.h.
#include "indexer/tagger/one_word_guesses.h"

#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

#include "indexer/tagger/coreference.h"
#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

bool is_deity(std::string_view key) { return key == "god" || key == "jesus" || key == "allah" || key == "christ"; }

// Countries that are also given names in English ("Chad Pergram", "Jordan Sekulow").
bool is_country_given_name(std::string_view key) {
  return key == "chad" || key == "jordan" || key == "israel" || key == "india";
}

// Words that make a country's name a place of its own ("Jordan Valley", "Israel Museum").
bool is_place_head(std::string_view key) {
  static const std::unordered_set<std::string_view> heads = {
      "valley", "river", "sea", "basin", "lake", "bay", "gulf", "region", "province", "state", "city", "coast",
      "desert", "strip", "heights", "border", "embassy", "mountains", "island", "islands", "north", "south",
      "east", "west", "central", "museum", "hospital"};
  return heads.count(key) > 0;
}

}  // namespace

void correct_one_word_guesses_by_context(const ArticleTokens& article, const Gazetteer& gaz,
                                         std::vector<TaggerSpan>* spans) {
  // Family names (last words) of the article's persons named in full, and of
  // those named by a title or known to the gazetteer ("President Trump").
  std::unordered_set<std::string_view> families, full_name_families, full_name_givens;
  for (const TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson) continue;
    const std::string& family = article.keys[s.sent][s.end - 1];
    if (s.size() >= 2) full_name_families.insert(family);
    if (s.size() >= 2 && s.gaz_entity >= 0) full_name_givens.insert(article.keys[s.sent][s.begin]);
    if (s.size() >= 2 || !is_model_guess(s)) families.insert(family);
  }
  for (TaggerSpan& s : *spans) {
    // "Chad Pergram": the model read a country that is also a given name, and
    // the family name after it, as one place.
    if (!s.dropped && !s.misc && s.size() == 2 && s.type == EntityType::kPlace && is_model_guess(s) &&
        is_country_given_name(article.keys[s.sent][s.begin]) && starts_upper(article.sentences[s.sent][s.begin + 1].text) &&
        !is_place_head(article.keys[s.sent][s.begin + 1]) && !is_org_head(article.keys[s.sent][s.begin + 1]) &&
        !is_common_word(article.keys[s.sent][s.begin + 1])) {
      s.type = EntityType::kPerson;
      s.model_per = true;
    }
  }
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.size() != 1 || !is_model_guess(s)) continue;
    const auto& keys = article.keys[s.sent];
    const NerSentence& tokens = article.sentences[s.sent];
    const std::string& key = keys[s.begin];
    // "the Clintons", "the Bidens'": a family, not one of its persons.
    if (key.size() > 3 && key.back() == 's' && full_name_families.count(std::string_view(key).substr(0, key.size() - 1))) {
      s.dropped = true;
      continue;
    }
    const bool bracketed = s.begin > 0 && s.end < tokens.size() && tokens[s.begin - 1].text == "(" &&
                           tokens[s.end].text == ")";
    if (bracketed && s.type != EntityType::kOrg && gaz.is_first_name(key)) {
      s.dropped = true;
      continue;
    }
    // Not a name that is mostly a person's: one the gazetteer knows as a family
    // name ("faith in Obama") or as a first name ("in Martha"), or a deity.
    // Nor one a possessive follows: "in Clinton's brain".
    const bool possessive = s.end < keys.size() && (keys[s.end] == "'s" || keys[s.end] == "\xE2\x80\x99s");
    if (s.type == EntityType::kPerson && s.begin > 0 && (keys[s.begin - 1] == "in" || keys[s.begin - 1] == "near") &&
        !possessive && !families.count(key) && !gaz.persons_with_family_name(key) && !gaz.is_first_name(key) &&
        !is_deity(key)) {
      s.type = EntityType::kPlace;
      s.model_per = false;
    } else if (s.type == EntityType::kPlace && (full_name_families.count(key) || full_name_givens.count(key))) {
      s.type = EntityType::kPerson;
      s.model_per = true;  // for coreference, as if the model had said so
    }
  }
}

void drop_common_word_one_word_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                       const std::vector<bool>& headline, std::vector<TaggerSpan>* spans) {
  std::unordered_set<std::string_view> gazetteer_families;
  for (const TaggerSpan& s : *spans)
    if (!s.dropped && !s.misc && s.type == EntityType::kPerson && (s.gaz_entity >= 0 || !s.role.empty()))
      gazetteer_families.insert(article.keys[s.sent][s.end - 1]);
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.source != SpanSource::kModel || s.size() != 1 || !is_model_guess(s)) continue;
    if (s.type == EntityType::kPlace) {
      const std::string& key = article.keys[s.sent][s.begin];
      const std::string& word = article.sentences[s.sent][s.begin].text;
      // Two capitals are a state's postal code ("Columbus, OH"; "IN", "ME", "OK").
      const bool postal_code = word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0])) &&
                               std::isupper(static_cast<unsigned char>(word[1]));
      // A generic noun for a place alone ("County" of a cut-off "Orange County",
      // "City", "Nation") names none: 308, 239 and 54 articles at 37,554.
      // "Wall" is the border wall of "Trump's Wall".
      static const std::unordered_set<std::string_view> generic_places = {
          "county", "city", "state", "district", "province", "region", "island",
          "nation", "country", "valley", "town", "village", "capital", "wall"};
      if (!postal_code && (is_common_word(key) || is_common_guess_word(key) || is_faith_or_people_word(key) ||
                           generic_places.count(key) ||
                           gazetteer_families.count(key)))
        s.dropped = true;
      // A chamber the model read as a place ("the House passed"): 423 articles at 37,554.
      if (!s.dropped && (key == "house" || key == "senate")) s.type = EntityType::kOrg;
      continue;
    }
    if (s.type != EntityType::kOrg && s.type != EntityType::kPerson) continue;
    const NerSentence& tokens = article.sentences[s.sent];
    if (!s.canonical.empty() && s.type == EntityType::kPerson) {
      // Joined to a full name by coreference ("Blinken" -> Antony Blinken): keep.
      if (s.canonical != span_surface(article.text, tokens, s.begin, s.end)) continue;
    }
    const std::string& key = article.keys[s.sent][s.begin];
    bool weak_capital = headline.empty() ? false : headline[s.sent];
    if (!weak_capital) {
      weak_capital = true;
      for (size_t k = 0; k < s.begin && weak_capital; ++k) weak_capital = !starts_with_letter_or_digit(tokens[k].text);
    }
    // Nouns such as "times", "house" or "party" name organizations when written
    // with a capital inside a sentence ("the Times", "the House"): for them the
    // general common-word list counts only where capitals are weak evidence.
    const bool common = is_common_word(key) && (s.type == EntityType::kPerson || weak_capital);
    // A person is never initials or a suffix alone: a party's letter ("Sherrod
    // Brown (D., Ohio)"), a bill ("H.R."), "Jr." split off "Martin Luther King Jr.".
    const bool name_piece = s.type == EntityType::kPerson && (is_name_suffix(key) || is_initials(tokens[s.begin].text));
    if (common || name_piece || is_common_guess_word(key) || is_faith_or_people_word(key) ||
        gaz.title_length_at(article.keys[s.sent], s.begin) == 1 ||
        (weak_capital && article.written_lowercase(key))) {
      s.dropped = true;
    }
  }
}

}  // namespace dossier
