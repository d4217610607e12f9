#include "indexer/tagger/headline_guesses.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/org_names.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

std::string joined_keys(const ArticleTokens& article, int sent, size_t begin, size_t end) {
  std::string out;
  for (size_t t = begin; t < end; ++t) {
    if (t > begin) out += ' ';
    out += article.keys[sent][t];
  }
  return out;
}

// Persons or organizations that the article's ordinary sentences name, by
// their words, their gazetteer entities and, for persons, their family names.
// Persons only where the gazetteer, a title or a first name says so: the model
// reads "the Clinton Foundation" as a person too, until the head word retypes
// it (retype_person_guesses_by_head_word), and that is an organization here.
class NamesOutsideHeadlines {
 public:
  NamesOutsideHeadlines(const ArticleTokens& article, const Gazetteer& gaz, const std::vector<bool>& headline,
                        const std::vector<TaggerSpan>& spans, EntityType type)
      : type_(type) {
    for (const TaggerSpan& s : spans) {
      if (s.dropped || s.misc || headline[s.sent] || s.begin >= s.end) continue;
      // A person guess ending in an organization's head word is one, though the
      // head word retypes it only later ("the Clinton Foundation").
      const bool retyped_later = type == EntityType::kOrg && s.type == EntityType::kPerson && s.size() >= 2 &&
                                 is_model_guess(s) && is_org_head(article.keys[s.sent][s.end - 1]);
      if (s.type != type && !retyped_later) continue;
      const bool person = type == EntityType::kPerson;
      if (person && is_model_guess(s) && !gaz.is_first_name(article.keys[s.sent][s.begin])) continue;
      names_.insert(joined_keys(article, s.sent, s.begin, s.end));
      if (person && s.size() >= 2) {
        // "Xi" of Xi Jinping, "Kishida" of Fumio Kishida.
        const std::vector<NerToken> name(article.sentences[s.sent].begin() + s.begin,
                                         article.sentences[s.sent].begin() + s.end);
        families_.insert(looks_family_name_first(name, gaz) ? article.keys[s.sent][s.begin]
                                                            : article.keys[s.sent][s.end - 1]);
      }
      if (s.gaz_entity >= 0) entities_.insert(s.gaz_entity);
    }
  }

  bool empty() const { return names_.empty(); }

  // Tokens [begin, end) of sentence `sent` name one of them: all its words, or
  // one word that is a family name ("Kishida"; "John McCain Demands Donald
  // Trump" is no name of Donald Trump's).
  bool named_by(const ArticleTokens& article, const Gazetteer& gaz, int sent, size_t begin, size_t end) const {
    if (names_.count(joined_keys(article, sent, begin, end)) ||
        (end == begin + 1 && families_.count(article.keys[sent][begin]))) {
      return true;
    }
    for (const GazAlias* alias : gaz.lookup_span(article.sentences[sent], article.keys[sent], begin, end)) {
      if (gaz.entity(alias->entity).type == type_ && entities_.count(alias->entity)) return true;
    }
    return false;
  }

 private:
  EntityType type_;
  std::unordered_set<std::string> names_;
  std::unordered_set<std::string> families_;
  std::unordered_set<int> entities_;
};

// Whether the article's ordinary sentences write a word as a name: capitalised
// where it does not open its sentence. Remembered per word.
class NameWordsOutsideHeadlines {
 public:
  NameWordsOutsideHeadlines(const ArticleTokens& article, const std::vector<bool>& headline)
      : article_(article), headline_(headline) {}

  bool contains(const std::string& key) {
    auto [it, inserted] = seen_.emplace(key, false);
    if (inserted) it->second = look(key);
    return it->second;
  }

 private:
  bool look(const std::string& key) const {
    for (size_t s = 0; s < article_.sentences.size(); ++s) {
      if (headline_[s]) continue;
      bool opening = true;  // no letter or digit before this token yet
      for (size_t t = 0; t < article_.sentences[s].size(); ++t) {
        const std::string& text = article_.sentences[s][t].text;
        if (!opening && article_.keys[s][t] == key && starts_upper(text)) return true;
        opening = opening && !starts_with_letter_or_digit(text);
      }
    }
    return false;
  }

  const ArticleTokens& article_;
  const std::vector<bool>& headline_;
  std::unordered_map<std::string, bool> seen_;
};

}  // namespace

void trim_headline_words_off_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                     std::vector<TaggerSpan>* spans) {
  if (article.labels.empty()) return;  // no model, no model guesses
  auto candidate = [](const TaggerSpan& s) {
    return !s.dropped && !s.misc && (s.type == EntityType::kPerson || s.type == EntityType::kOrg) &&
           s.source == SpanSource::kModel && is_model_guess(s) && s.size() >= 2;
  };
  // Most articles have no candidate in a sentence in capitals or Title Case:
  // that cheap test comes before finding the headlines and the names.
  std::vector<int8_t> capitalised(article.sentences.size(), -1);
  std::vector<size_t> todo;
  for (size_t i = 0; i < spans->size(); ++i) {
    const TaggerSpan& s = (*spans)[i];
    if (!candidate(s)) continue;
    if (capitalised[s.sent] < 0) capitalised[s.sent] = written_like_a_headline(article, s.sent);
    if (capitalised[s.sent]) todo.push_back(i);
  }
  if (todo.empty()) return;
  const std::vector<bool> headline = find_headline_sentences(article);
  std::erase_if(todo, [&](size_t i) { return !headline[(*spans)[i].sent]; });
  if (todo.empty()) return;
  const NamesOutsideHeadlines persons(article, gaz, headline, *spans, EntityType::kPerson);
  const NamesOutsideHeadlines orgs(article, gaz, headline, *spans, EntityType::kOrg);
  NameWordsOutsideHeadlines name_words(article, headline);
  auto cuttable = [&](const TaggerSpan& s, size_t t) {
    const std::string& key = article.keys[s.sent][t];
    // "Labour Party" and "Augusta Chronicle" stay whole.
    if (s.type == EntityType::kOrg && (is_org_head(key) || is_newspaper_short_name(key))) return false;
    return starts_with_letter(article.sentences[s.sent][t].text) && !is_title_case_minor_word(key) &&
           !is_name_suffix(key) && !is_name_particle(key) && !gaz.is_first_name(key) &&
           gaz.title_length_at(article.keys[s.sent], t) == 0 && !name_words.contains(key);
  };
  for (size_t i : todo) {
    TaggerSpan& s = (*spans)[i];
    const NamesOutsideHeadlines& known = s.type == EntityType::kPerson ? persons : orgs;
    if (known.empty() && orgs.empty()) continue;
    // A name the gazetteer knows whole is no name run on ("Al Qaeda").
    if (!gaz.lookup_span(article.sentences[s.sent], article.keys[s.sent], s.begin, s.end).empty()) continue;
    // The longest start of the guess that names a person (an organization) of
    // the article, with only cuttable words after it. A person guess may also
    // start with an organization of two or more words: "Clinton Foundation
    // Probe" is the Clinton Foundation.
    for (size_t e = s.end - 1; e > s.begin && cuttable(s, e); --e) {
      const bool organization = s.type == EntityType::kPerson && e - s.begin >= 2 &&
                                orgs.named_by(article, gaz, s.sent, s.begin, e);
      // Never down to a first name: "Michael Barbaro" is no "Michael".
      if (!organization && s.type == EntityType::kPerson && gaz.is_first_name(article.keys[s.sent][e - 1])) continue;
      if (organization || known.named_by(article, gaz, s.sent, s.begin, e)) {
        if (organization) {
          s.type = EntityType::kOrg;
          s.model_per = false;
        }
        s.end = e;
        s.canonical.clear();
        // A name the gazetteer knows takes its written form ("Francois
        // Hollande" is François Hollande).
        const auto aliases = gaz.lookup_span(article.sentences[s.sent], article.keys[s.sent], s.begin, s.end);
        if (aliases.size() == 1 && gaz.entity(aliases.front()->entity).type == s.type) {
          s.gaz_entity = aliases.front()->entity;
          s.canonical = gaz.entity(s.gaz_entity).canonical;
        }
        break;
      }
    }
  }
}

bool made_up_by_the_title(const ArticleTokens& article, const Gazetteer& gaz, const std::vector<bool>& headline,
                          const std::vector<TaggerSpan>& spans, const std::vector<size_t>& group) {
  if (group.empty()) return false;
  for (size_t i : group)
    if (spans[i].sent != 0) return false;
  const TaggerSpan& first = spans[group.front()];
  const NerSentence& tokens = article.sentences[first.sent];
  const auto& keys = article.keys[first.sent];
  if (first.size() >= 2 && gaz.is_first_name(keys[first.begin])) return false;
  for (size_t k = first.begin; k < first.end && !article.all_caps[first.sent]; ++k) {
    const std::string& word = tokens[k].text;
    if (word.size() >= 2 && starts_with_letter(word) && is_all_caps(word)) return false;  // an acronym
  }
  for (size_t k = first.begin; k < first.end; ++k) {
    if (!starts_with_letter(keys[k])) continue;
    for (size_t s = 0; s < article.sentences.size(); ++s) {
      if (headline[s]) continue;
      for (const std::string& other : article.keys[s])
        if (other == keys[k]) return false;
    }
  }
  return true;
}

}  // namespace dossier
