// In-article coreference for persons (family names) and organizations (acronyms).
#include "indexer/tagger/coreference.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/entity_names.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

// Adjective, adverb and participle endings: a capitalised "Strategic" or
// "Reportedly" opening a sentence is not a surname.
bool looks_like_common_word(std::string_view key) {
  for (std::string_view suffix : {"ly", "ic", "al", "ed", "ing", "ive", "ous", "ful", "less", "ment", "tion"}) {
    if (key.size() > suffix.size() + 2 && key.ends_with(suffix)) return true;
  }
  return false;
}

bool is_determiner(std::string_view key) {
  return key == "a" || key == "an" || key == "the" || key == "this" || key == "that" || key == "these" ||
         key == "those" || key == "no" || key == "every" || key == "each" || key == "its" || key == "their";
}

struct FamilyEntry {
  std::set<std::string> keys;  // distinct entity keys with this family name
  std::string display;         // canonical of the first one
};

}  // namespace

std::string span_surface(std::string_view text, const NerSentence& sentence, size_t begin, size_t end) {
  if (end > begin + 1 && is_possessive(sentence[end - 1].text)) --end;
  if (begin >= end) return "";
  std::string_view raw = text.substr(sentence[begin].begin, sentence[end - 1].end - sentence[begin].begin);
  // Collapse inner whitespace (names broken across lines).
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void resolve_person_coreference(const ArticleTokens& article, const Gazetteer& gaz,
                                std::vector<TaggerSpan>* spans) {
  std::unordered_map<std::string, FamilyEntry> families;
  std::unordered_map<std::string, FamilyEntry> given_names;  // western first names
  // 1. Full names: two or more name tokens.
  for (TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type != EntityType::kPerson) continue;
    const NerSentence& sent = article.sentences[span.sent];
    if (span.canonical.empty()) span.canonical = span_surface(article.text, sent, span.begin, span.end);
    std::vector<NerToken> name = tokenize_phrase(span.canonical);
    if (name.size() < 2) continue;
    bool eastern = span.gaz_entity >= 0 ? gaz.entity(span.gaz_entity).eastern_order
                                        : looks_family_name_first(name, gaz);
    std::string family = family_name_key(name, eastern);
    if (family.empty()) continue;
    FamilyEntry& entry = families[family];
    if (entry.keys.empty()) entry.display = span.canonical;
    entry.keys.insert(cached_entity_key(span.canonical));
    if (!eastern) {
      FamilyEntry& given = given_names[token_key(name.front().text)];
      if (given.keys.empty()) given.display = span.canonical;
      given.keys.insert(cached_entity_key(span.canonical));
    }
  }

  // 2. Uncovered tokens that repeat a family name ("Kamikawa said").
  if (!families.empty()) {
    std::vector<std::vector<bool>> covered(article.sentences.size());
    for (size_t s = 0; s < article.sentences.size(); ++s) covered[s].assign(article.sentences[s].size(), false);
    for (const TaggerSpan& span : *spans) {
      if (span.dropped) continue;
      for (size_t i = span.begin; i < span.end; ++i) covered[span.sent][i] = true;
    }
    for (size_t s = 0; s < article.sentences.size(); ++s) {
      const NerSentence& sent = article.sentences[s];
      for (size_t i = 0; i < sent.size(); ++i) {
        if (covered[s][i]) continue;
        // is_name_word() wants a capital first: skip ASCII lowercase, digits and
        // punctuation before hashing the key.
        const unsigned char first = sent[i].text[0];
        if (first < 0x80 && !(first >= 'A' && first <= 'Z')) continue;
        const std::string& key = article.keys[s][i];
        if (!families.count(key) || !is_name_word(sent[i].text, key)) continue;
        // Not inside a longer capitalised name ("Park Avenue", "Kim Il Sung Square").
        bool next_name = i + 1 < sent.size() && !covered[s][i + 1] && starts_upper(sent[i + 1].text) &&
                         !article.all_caps[s];
        if (next_name) continue;
        // A title before a name is that person's role: "King" of "King Abdullah"
        // is not Martin Luther King.
        if (i + 1 < sent.size() && covered[s][i + 1] && gaz.title_length_at(article.keys[s], i) > 0) continue;
        TaggerSpan span;
        span.sent = static_cast<int>(s);
        span.begin = i;
        span.end = i + 1;
        span.type = EntityType::kPerson;
        span.source = SpanSource::kCoref;
        spans->push_back(span);
      }
    }
  }

  // 3. One-word mentions. A model span of another type that repeats a family
  // name is that person ("South Korea's Park" read as a place).
  for (TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type == EntityType::kPerson || span.source != SpanSource::kModel ||
        span.size() != 1 || span.gaz_entity >= 0) {
      continue;
    }
    if (families.count(article.keys[span.sent][span.begin])) span.type = EntityType::kPerson;
  }
  //     Countries the article names (a country, its demonym, or a place of
  //     it): a lone family name is a known foreign politician only where the
  //     article speaks of that country. "Johnson said" in Washington is not
  //     Boris Johnson, "Sen. Cruz" not Cuba's Manuel Marrero Cruz, "Jesus" not
  //     Jorge Bom Jesus. (Persons of the United States, and those without a
  //     country, need none.)
  std::unordered_set<std::string_view> countries_named;
  for (const TaggerSpan& span : *spans)
    if (!span.dropped && span.type == EntityType::kPlace && span.gaz_entity >= 0)
      countries_named.insert(gaz.entity(span.gaz_entity).iso2);
  auto country_named = [&](const GazEntity& person) {
    return person.iso2.empty() || person.iso2 == "US" || countries_named.count(person.iso2) > 0;
  };
  //     One-word mentions. A word that opens an organization's name in the
  //     article is that organization's short name rather than a person guess
  //     ("Google", "Harvard", "Breitbart"), and rather than the family name of
  //     a person the gazetteer knows when the name is a newsroom's or a
  //     company's: "on Fox" beside "Fox News" is not Liam Fox, but "Trump"
  //     beside the "Trump Administration" is still the president. Not when the
  //     article names a person by the word too ("President Trump").
  std::unordered_set<std::string_view> named_families;
  for (const TaggerSpan& span : *spans)
    if (!span.dropped && !span.misc && span.type == EntityType::kPerson &&
        (span.size() > 1 || span.gaz_entity >= 0 || span.honorific || !span.role.empty()))
      named_families.insert(article.keys[span.sent][span.end - 1]);
  struct OrgByFirstWord {
    std::string name;  // "" when several organizations start with the word
    bool company = false;
  };
  static const std::unordered_set<std::string_view> company_heads = {
      "news", "times", "post", "network", "channel", "business", "corp", "corporation", "inc", "company",
      "group", "media", "broadcasting", "radio", "tv", "television", "journal"};
  std::unordered_map<std::string_view, OrgByFirstWord> org_by_first_word;
  for (const TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type != EntityType::kOrg || span.size() < 2 ||
        named_families.count(article.keys[span.sent][span.begin]))
      continue;
    std::string name = span.canonical.empty()
                           ? span_surface(article.text, article.sentences[span.sent], span.begin, span.end)
                           : span.canonical;
    const bool company = company_heads.count(article.keys[span.sent][span.end - 1]) > 0;
    auto [it, added] = org_by_first_word.emplace(article.keys[span.sent][span.begin], OrgByFirstWord{name, company});
    if (!added && it->second.name != name) {
      it->second.name.clear();
      it->second.company = it->second.company && company;
    }
  }
  //     A one-word place the gazetteer knows or the article's dateline names
  //     ("MIAMI (AP) —") is that place when the model reads the word as a
  //     person elsewhere ("The storm hit Miami"), unless the gazetteer knows a
  //     person of that family name ("Trump", "Austin") or the article names
  //     one in full. (Model-only places are not trusted: "Trump" is one in
  //     "Trump Tower" articles.)
  struct PlaceByWord {
    std::string name;
    int gaz_entity = -1;
  };
  std::unordered_map<std::string_view, PlaceByWord> place_by_word;
  for (const TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type != EntityType::kPlace || span.size() != 1 || span.demonym ||
        (span.gaz_entity < 0 && !span.dateline))
      continue;
    std::string name = span.canonical.empty()
                           ? span_surface(article.text, article.sentences[span.sent], span.begin, span.end)
                           : span.canonical;
    place_by_word.emplace(article.keys[span.sent][span.begin], PlaceByWord{std::move(name), span.gaz_entity});
  }
  //     A family name alone that names the one person of the gazetteer with
  //     it ("Trump said") lends that person's first name to first names alone
  //     ("Donald said"), as a full name would.
  std::unordered_set<std::string_view> lent;  // each family name once ("Trump" comes 50 times)
  for (const TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type != EntityType::kPerson || span.size() != 1 || span.honorific) continue;
    const std::string& key = article.keys[span.sent][span.begin];
    if (families.count(key) || !lent.insert(key).second) continue;
    const std::vector<int>* known = gaz.persons_with_family_name(key);
    if (!known || known->size() != 1 || !country_named(gaz.entity(known->front()))) continue;
    const GazEntity& person = gaz.entity(known->front());
    std::vector<NerToken> name = tokenize_phrase(person.canonical);
    if (name.size() < 2 || person.eastern_order) continue;
    FamilyEntry& given = given_names[token_key(name.front().text)];
    if (given.keys.empty()) given.display = person.canonical;
    given.keys.insert(cached_entity_key(person.canonical));
  }
  for (TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type != EntityType::kPerson) continue;
    const NerSentence& sent = article.sentences[span.sent];
    std::vector<NerToken> name = tokenize_phrase(span_surface(article.text, sent, span.begin, span.end));
    if (name.size() != 1) continue;
    std::string key = token_key(name[0].text);
    if (auto it = families.find(key); it != families.end()) {
      if (it->second.keys.size() == 1) {
        span.canonical = it->second.display;
      } else {
        span.dropped = true;  // "Kim" with Kim Jong Un and Kim Yo Jong: do not guess
      }
      continue;
    }
    if (span.gaz_entity >= 0) continue;  // a gazetteer alias ("Zelensky")
    const std::vector<int>* known = gaz.persons_with_family_name(key);
    bool person_context = span.source != SpanSource::kModel || span.model_per;
    if (auto org = org_by_first_word.find(key);
        org != org_by_first_word.end() && (!known || known->empty() || org->second.company)) {
      if (org->second.name.empty()) {
        span.dropped = true;  // "Fox" beside Fox News and Fox Business: do not guess
      } else {
        span.type = EntityType::kOrg;
        span.canonical = org->second.name;
        span.gaz_entity = -1;
      }
      continue;
    }
    if (auto place = place_by_word.find(key); place != place_by_word.end() && span.source == SpanSource::kModel &&
        !span.honorific && span.role.empty() && !named_families.count(key) && (!known || known->empty())) {
      span.type = EntityType::kPlace;
      span.canonical = place->second.name;
      span.gaz_entity = place->second.gaz_entity;
      span.model_per = false;
      continue;
    }
    if (known && known->size() == 1 && person_context && country_named(gaz.entity(known->front()))) {
      span.canonical = gaz.entity(known->front()).canonical;
      span.gaz_entity = known->front();
      continue;
    }
    if (span.honorific) continue;
    // A known first name alone ("Michael" after "Michael Howard") joins the one
    // full name that starts with it; with two such names it is not guessed.
    if (auto it = given_names.find(key); it != given_names.end() && gaz.is_first_name(key)) {
      if (it->second.keys.size() == 1) {
        span.canonical = it->second.display;
      } else {
        span.dropped = true;
      }
      continue;
    }
    // "a Tory government", "the Rock": a name does not follow an article.
    bool after_determiner = span.begin > 0 && is_determiner(article.keys[span.sent][span.begin - 1]);
    bool junk = after_determiner || is_common_word(key) || article.written_lowercase(key) ||
                !is_name_word(name[0].text, key) ||
                (sentence_initial(sent, span.begin) && looks_like_common_word(key));
    if (span.model_per && !junk) continue;
    span.dropped = true;
  }
}

void resolve_acronyms(const ArticleTokens& article, std::vector<TaggerSpan>* spans) {
  struct Definition {
    EntityType type;
    std::string canonical;
  };
  std::map<std::string, Definition> acronyms;
  for (const TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.type == EntityType::kPerson || span.size() < 2) continue;
    const NerSentence& sent = article.sentences[span.sent];
    if (span.end + 2 >= sent.size() || sent[span.end].text != "(" || sent[span.end + 2].text != ")") continue;
    const std::string& acr = sent[span.end + 1].text;
    if (acr.size() < 2 || acr.size() > 8 || !is_all_caps(acr)) continue;
    std::string initials;
    for (size_t i = span.begin; i < span.end; ++i) {
      if (starts_upper(sent[i].text)) initials += sent[i].text[0];
    }
    std::string letters;
    for (char c : acr) if (c != '.' && c != '&' && c != '-') letters += c;
    if (initials != letters) continue;
    std::string canonical =
        span.canonical.empty() ? span_surface(article.text, sent, span.begin, span.end) : span.canonical;
    acronyms.emplace(acr, Definition{span.type, canonical});
  }
  if (acronyms.empty()) return;
  std::vector<std::vector<bool>> covered(article.sentences.size());
  for (size_t s = 0; s < article.sentences.size(); ++s) covered[s].assign(article.sentences[s].size(), false);
  for (TaggerSpan& span : *spans) {
    if (span.dropped) continue;
    for (size_t i = span.begin; i < span.end; ++i) covered[span.sent][i] = true;
    if (span.size() != 1 || span.misc) continue;
    auto it = acronyms.find(article.sentences[span.sent][span.begin].text);
    if (it != acronyms.end() && span.gaz_entity < 0) {
      span.type = it->second.type;
      span.canonical = it->second.canonical;
    }
  }
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    const NerSentence& sent = article.sentences[s];
    for (size_t i = 0; i < sent.size(); ++i) {
      if (covered[s][i]) continue;
      auto it = acronyms.find(sent[i].text);
      if (it == acronyms.end()) continue;
      TaggerSpan span;
      span.sent = static_cast<int>(s);
      span.begin = i;
      span.end = i + 1;
      span.type = it->second.type;
      span.canonical = it->second.canonical;
      span.source = SpanSource::kAcronym;
      spans->push_back(span);
    }
  }
}

}  // namespace dossier
