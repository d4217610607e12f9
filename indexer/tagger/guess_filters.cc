// Guess filters: headline-only model entities and one-word common-word guesses.
#include "indexer/tagger/guess_filters.h"

#include <cctype>
#include <cstdint>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "indexer/tagger/coreference.h"
#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/headline_guesses.h"
#include "indexer/tagger/one_word_guesses.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Words of the article that are ordinary English words: common words, and words
// written in lowercase in the article itself, inflections included ("Agree" for
// "agreed", "Meet" for "meeting", "Defeats" for "defeated").
class OrdinaryWords {
 public:
  explicit OrdinaryWords(const ArticleTokens& article) : article_(article) {}

  // The word itself: a common word or written in lowercase.
  bool contains_exact(std::string_view key) const {
    return is_common_word(key) || is_common_guess_word(key) || article_.written_lowercase(key);
  }
  bool contains(std::string_view key) const { return contains_exact(key) || contains_inflected(key); }

  // Another form of it written in lowercase.
  bool contains_inflected(std::string_view key) const {
    if (key.size() < 4) return false;
    // Strip one inflection, then try the others on the stem.
    std::string_view stems[4] = {key};
    size_t n = 1;
    for (std::string_view suffix : {"s", "es", "ed", "d", "ing"}) {
      if (key.size() > suffix.size() + 2 && key.ends_with(suffix) && n < 4) {
        stems[n++] = key.substr(0, key.size() - suffix.size());
      }
    }
    std::string form;
    for (size_t i = 0; i < n; ++i) {
      for (std::string_view suffix : {"", "s", "es", "ed", "d", "ing", "e"}) {
        form.assign(stems[i]);
        form += suffix;
        if (form != key && article_.written_lowercase(form)) return true;
      }
    }
    return false;
  }

 private:
  const ArticleTokens& article_;
};

std::vector<bool> find_headlines(const ArticleTokens& article, OrdinaryWords* ordinary);

// Tokens [begin, end) of sentence `sent` appear in ordinary sentence `t` at `j`
// written as a name: same keys, capitalised where the span has a capitalised word.
bool written_as_name_at(const ArticleTokens& article, const TaggerSpan& span, size_t t, size_t j) {
  const NerSentence& src = article.sentences[span.sent];
  const NerSentence& dst = article.sentences[t];
  const size_t len = span.size();
  if (j + len > dst.size()) return false;
  for (size_t k = 0; k < len; ++k) {
    if (article.keys[t][j + k] != article.keys[span.sent][span.begin + k]) return false;
    const std::string& word = src[span.begin + k].text;
    if (starts_with_letter(word) && !is_title_case_minor_word(article.keys[span.sent][span.begin + k]) &&
        !starts_upper(dst[j + k].text)) {
      return false;
    }
  }
  if (len == 1) {
    // A capitalised word opening a sentence says nothing about it being a name.
    bool initial = true;
    for (size_t k = 0; k < j && initial; ++k) initial = !starts_with_letter_or_digit(dst[k].text);
    if (initial) return false;
  }
  return true;
}

}  // namespace

bool is_model_guess(const TaggerSpan& s) {
  return (s.source == SpanSource::kModel || s.source == SpanSource::kCoref) && s.gaz_entity < 0 && !s.honorific &&
         s.role.empty();
}

bool written_like_a_headline(const ArticleTokens& article, int sent) {
  if (article.all_caps[sent]) return true;
  const NerSentence& tokens = article.sentences[sent];
  int capitalised = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!starts_with_letter(tokens[i].text)) continue;
    if (starts_upper(tokens[i].text)) {
      ++capitalised;
    } else if (!is_title_case_minor_word(article.keys[sent][i])) {
      return false;
    }
  }
  return capitalised >= 3;
}

std::vector<bool> find_headline_sentences(const ArticleTokens& article) {
  OrdinaryWords ordinary(article);
  return find_headlines(article, &ordinary);
}

namespace {

std::vector<bool> find_headlines(const ArticleTokens& article, OrdinaryWords* ordinary) {
  std::vector<bool> headline(article.sentences.size(), false);
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    const NerSentence& tokens = article.sentences[s];
    const auto& keys = article.keys[s];
    if (!written_like_a_headline(article, static_cast<int>(s))) continue;
    // Two ordinary words: as written first (cheap), then inflected.
    int seen_lowercase = 0;
    for (int inflected = 0; inflected < 2 && seen_lowercase < 2; ++inflected) {
      for (size_t i = 0; i < tokens.size() && seen_lowercase < 2; ++i) {
        if (!starts_with_letter(tokens[i].text) || !starts_upper(tokens[i].text) || is_title_case_minor_word(keys[i])) {
          continue;
        }
        if (inflected ? !ordinary->contains_exact(keys[i]) && ordinary->contains_inflected(keys[i])
                      : ordinary->contains_exact(keys[i])) {
          ++seen_lowercase;
        }
      }
    }
    // The title (the first sentence, when the article has one) needs one: a
    // results line or a list of names is no title.
    headline[s] = seen_lowercase >= (s == 0 ? 1 : 2);
  }
  return headline;
}

}  // namespace

namespace {

// A gazetteer name a longer model guess replaced (kept, dropped, in case the
// guess goes: entity_tagger.cc). The gazetteer finder takes longest matches, so such
// names never nest.
bool swallowed_by(const TaggerSpan& inner, const TaggerSpan& guess) {
  return inner.dropped && inner.source == SpanSource::kGazetteer && !inner.misc && guess.contains(inner) &&
         inner.size() < guess.size();
}

// The gazetteer names longer guesses replaced (dropped, kept in case the guess
// goes), by sentence: a long article has many guesses, and each asks only its
// own sentence's.
class SwallowedNames {
 public:
  SwallowedNames(const ArticleTokens& article, const std::vector<TaggerSpan>& spans)
      : by_sentence_(article.sentences.size()) {
    for (size_t i = 0; i < spans.size(); ++i)
      if (spans[i].dropped && spans[i].source == SpanSource::kGazetteer && !spans[i].misc)
        by_sentence_[spans[i].sent].push_back(i);
  }
  const std::vector<size_t>& in(int sent) const { return by_sentence_[sent]; }

 private:
  std::vector<std::vector<size_t>> by_sentence_;
};

// Drops a guess and gives back the gazetteer names it had swallowed.
void drop_guess_keeping_names(TaggerSpan& guess, const SwallowedNames& swallowed, std::vector<TaggerSpan>* spans) {
  guess.dropped = true;
  for (size_t i : swallowed.in(guess.sent)) {
    TaggerSpan& inner = (*spans)[i];
    if (swallowed_by(inner, guess)) inner.dropped = false;
  }
}

bool looks_like_verb_form(std::string_view key) {
  if (key.size() < 4) return false;
  return key.ends_with("s") || key.ends_with("ed") || key.ends_with("ing");
}

}  // namespace

void repair_glued_person_spans(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans) {
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson || s.gaz_entity >= 0 || s.size() < 2) continue;
    const NerSentence& tokens = article.sentences[s.sent];
    const std::vector<std::string>& keys = article.keys[s.sent];
    size_t b = s.begin, e = s.end;
    // Two words with no space between: only the tokenizer's glue split makes them.
    for (size_t k = b + 1; k < e; ++k) {
      if (tokens[k].begin == tokens[k - 1].end && starts_with_letter(tokens[k].text) &&
          starts_with_letter(tokens[k - 1].text)) {
        e = k;
        break;
      }
    }
    // "Nancy Pelosi Nancy Pelosi", "Hillary Clinton Hillary Diane Rodham Clinton".
    for (size_t j = b + 2; j + 1 < e; ++j) {
      if (keys[j] == keys[b] && keys[j - 1] == keys[e - 1]) {
        e = j;
        break;
      }
    }
    // "Trump Donald John Trump", "Haley Nikki Haley".
    if (e - b >= 3 && keys[b] == keys[e - 1]) ++b;
    if (b == s.begin && e == s.end) continue;
    s.begin = b;
    s.end = e;
    s.canonical.clear();
    for (const GazAlias* a : gaz.lookup_span(tokens, keys, b, e)) {
      const GazEntity& known = gaz.entity(a->entity);
      if (known.type != EntityType::kPerson) continue;
      s.canonical = known.canonical;
      s.gaz_entity = a->entity;
      break;
    }
  }
}

void retype_person_guesses_by_head_word(const ArticleTokens& article, const Gazetteer& gaz,
                                        std::vector<TaggerSpan>* spans) {
  // Measured on 37,554 AllSides articles: such "persons" were in 4,000 articles,
  // "Trump Tower" alone in 556, and each one widened --person Trump.
  static const WordSet org_heads = {
      "foundation", "university", "organization", "organisation", "institute", "administration", "campaign",
      "committee",  "college",    "school",       "hospital",     "company",   "corporation",    "corp",
      "group",      "club",       "council",      "network",      "association", "society",      "agency",
      "department", "ministry",   "commission",   "party",        "center",    "centre",         "church",
      "post",       "news",       "times"};
  static const WordSet place_heads = {"tower", "plaza", "hotel", "street", "avenue", "square", "building",
                                      "airport", "bridge", "boulevard", "stadium", "arena"};
  static const WordSet dropped_heads = {"republican", "republicans", "democrat", "democrats", "act",
                                        "report",     "show"};
  // Heads that are family names too.
  static const WordSet family_names = {"tower", "church", "post", "street", "bridge", "arena"};
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson || !is_model_guess(s) || s.size() < 2) continue;
    const std::string& head = article.keys[s.sent][s.end - 1];
    const bool org = org_heads.count(head) > 0, place = place_heads.count(head) > 0;
    if (!org && !place && !dropped_heads.count(head)) continue;
    if (family_names.count(head) && s.size() == 2 && gaz.is_first_name(article.keys[s.sent][s.begin])) continue;
    if (org || place) {
      s.type = org ? EntityType::kOrg : EntityType::kPlace;
      s.model_per = false;
    } else {
      s.dropped = true;
    }
  }
}

void trim_ordinary_words_off_person_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                            std::vector<TaggerSpan>* spans) {
  if (article.labels.empty()) return;  // no model, no model guesses
  OrdinaryWords ordinary(article);
  // A word that may be cut: an ordinary word (common, or written in lowercase
  // in the article), not a first name ("Will", "Mark", "Bill" open names), not
  // a title (titles are roles, found elsewhere).
  auto ordinary_edge = [&](const TaggerSpan& s, size_t t) {
    const std::string& key = article.keys[s.sent][t];
    return starts_with_letter(key) && !is_title_case_minor_word(key) && !gaz.is_first_name(key) &&
           ordinary.contains(key) && gaz.title_length_at(article.keys[s.sent], t) == 0;
  };
  auto candidate = [&](const TaggerSpan& s) {
    return !s.dropped && !s.misc && s.type == EntityType::kPerson && s.source == SpanSource::kModel &&
           is_model_guess(s) && s.size() >= 2 && (ordinary_edge(s, s.begin) || ordinary_edge(s, s.end - 1));
  };
  // Family names of the article's other persons named in two or more words.
  // (Not the gazetteer's: "Will Smith" must not become some known Smith.)
  std::unordered_set<std::string> families;
  std::vector<char> is_candidate(spans->size(), 0);  // looked up twice below, and not cheap
  for (size_t i = 0; i < spans->size(); ++i) {
    const TaggerSpan& s = (*spans)[i];
    if (s.dropped || s.misc || s.type != EntityType::kPerson || s.size() < 2) continue;
    is_candidate[i] = candidate(s);
    if (!is_candidate[i]) families.insert(article.keys[s.sent][s.end - 1]);
  }
  if (families.empty()) return;
  for (size_t i = 0; i < spans->size(); ++i) {
    TaggerSpan& s = (*spans)[i];
    if (!is_candidate[i]) continue;
    size_t b = s.begin, e = s.end;
    while (b < e && ordinary_edge(s, b)) ++b;
    // After the name only verbs of headlines ("Says", "Calls", "Offered"): a
    // trailing ordinary word may be the family name itself ("George Will").
    while (e > b && ordinary_edge(s, e - 1) && looks_like_verb_form(article.keys[s.sent][e - 1])) --e;
    if (b == e || !families.count(article.keys[s.sent][e - 1])) continue;
    s.begin = b;
    s.end = e;
    s.canonical.clear();
  }
}

namespace {

// Family names of persons the article names in full: after a first name, or
// found by the gazetteer or a title rather than by the model alone.
std::unordered_set<std::string_view> family_names_of_full_names(const ArticleTokens& article, const Gazetteer& gaz,
                                                                const std::vector<TaggerSpan>& spans) {
  std::unordered_set<std::string_view> families;
  for (const TaggerSpan& s : spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson || s.size() < 2) continue;
    if (is_model_guess(s) && !gaz.is_first_name(article.keys[s.sent][s.begin])) continue;
    families.insert(article.keys[s.sent][s.end - 1]);
  }
  return families;
}

}  // namespace

void end_person_guesses_at_run_together_headlines(const ArticleTokens& article, const Gazetteer& gaz,
                                                  std::vector<TaggerSpan>* spans) {
  if (article.labels.empty()) return;  // no model, no model guesses
  const std::unordered_set<std::string_view> families = family_names_of_full_names(article, gaz, *spans);
  if (families.empty()) return;
  // Two words inside a longer name of the article are a double family name
  // ("Wasserman Schultz" of Debbie Wasserman Schultz, "Colbert Busch").
  std::unordered_set<std::string> inside_longer_names;
  for (const TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson || s.size() < 3) continue;
    for (size_t t = s.begin; t + 1 < s.end; ++t)
      inside_longer_names.insert(article.keys[s.sent][t] + ' ' + article.keys[s.sent][t + 1]);
  }
  static const WordSet generation = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};  // "Trump Jr."
  OrdinaryWords ordinary(article);
  auto family_name = [&](const std::string& key) { return families.count(key) && !gaz.is_first_name(key); };
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kPerson || !is_model_guess(s) || s.size() != 2) continue;
    const std::string& first = article.keys[s.sent][s.begin];
    const std::string& second = article.keys[s.sent][s.begin + 1];
    if (!family_name(first) || generation.count(second) || inside_longer_names.count(first + ' ' + second)) continue;
    // An organization's head word makes it one ("Clinton Foundation"): the head
    // word retypes it later (retype_person_guesses_by_head_word).
    if (is_org_head(second)) continue;
    const bool ordinary_word = starts_with_letter(second) && !is_title_case_minor_word(second) &&
                               !gaz.is_first_name(second) && ordinary.contains(second);
    if (second != first && !ordinary_word && !family_name(second)) continue;
    s.end = s.begin + 1;
    s.canonical.clear();
  }
}

void drop_headline_and_common_word_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                           std::vector<TaggerSpan>* spans) {
  if (article.labels.empty()) return;  // no model, no model guesses
  const SwallowedNames swallowed(article, *spans);  // spans are only dropped or given back below
  // 1. Entities the model alone found, only in headlines.
  OrdinaryWords ordinary(article);
  std::vector<bool> headline;
  bool any_headline_guess = false;
  for (const TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || !is_model_guess(s)) continue;
    if (headline.empty()) headline = find_headlines(article, &ordinary);
    any_headline_guess |= headline[s.sent];
  }
  if (any_headline_guess) {
    struct Group {
      std::vector<size_t> spans;
      bool candidate = true;  // every mention a model guess in a headline so far
    };
    std::unordered_map<std::string, Group> groups;
    for (size_t i = 0; i < spans->size(); ++i) {
      const TaggerSpan& s = (*spans)[i];
      if (s.dropped || s.misc || s.begin >= s.end) continue;
      std::string canonical =
          s.canonical.empty() ? span_surface(article.text, article.sentences[s.sent], s.begin, s.end) : s.canonical;
      std::string id = std::to_string(static_cast<int>(s.type)) + "\x1f" + cached_entity_key(canonical);
      Group& g = groups[id];
      g.spans.push_back(i);
      g.candidate &= is_model_guess(s) && headline[s.sent];
    }
    // Where a key is written in the article's ordinary sentences, in reading
    // order: a scan for the first few lookups (most articles need one or two),
    // then an index (a long article may have many guesses).
    std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> ordinary_positions;
    int scans = 0;
    auto written_as_name_in_ordinary_sentences = [&](const TaggerSpan& s) {
      const std::string_view first = article.keys[s.sent][s.begin];
      if (scans < 8) {
        ++scans;
        for (size_t t = 0; t < article.sentences.size(); ++t) {
          if (headline[t]) continue;
          const auto& keys = article.keys[t];
          for (size_t j = 0; j < keys.size(); ++j)
            if (std::string_view(keys[j]) == first && written_as_name_at(article, s, t, j)) return true;
        }
        return false;
      }
      if (ordinary_positions.empty()) {
        for (size_t t = 0; t < article.sentences.size(); ++t) {
          if (headline[t]) continue;
          for (size_t j = 0; j < article.sentences[t].size(); ++j)
            ordinary_positions[article.keys[t][j]].emplace_back(static_cast<uint32_t>(t), static_cast<uint32_t>(j));
        }
        ordinary_positions[std::string_view()];  // indexed, even when empty
      }
      auto at = ordinary_positions.find(first);
      if (at == ordinary_positions.end()) return false;
      for (const auto& [t, j] : at->second)
        if (written_as_name_at(article, s, t, j)) return true;
      return false;
    };
    for (auto& [id, g] : groups) {
      if (!g.candidate) continue;
      // Only guesses made of ordinary words: a name such as "Harry Milling" in a
      // byline has none and stays.
      bool ordinary_word = false;
      for (size_t i : g.spans) {
        const TaggerSpan& s = (*spans)[i];
        for (size_t k = s.begin; k < s.end && !ordinary_word; ++k) {
          const std::string& key = article.keys[s.sent][k];
          ordinary_word = starts_with_letter(key) && !is_title_case_minor_word(key) && ordinary.contains(key);
        }
      }
      // Or words that only make up the title ("Raising Fears").
      if (!ordinary_word && !made_up_by_the_title(article, gaz, headline, *spans, g.spans)) continue;
      // Where the guess's first word is written in the article's ordinary
      // sentences, it may be written as a name there.
      bool written_as_name = false;
      for (size_t i : g.spans) {
        written_as_name = written_as_name_in_ordinary_sentences((*spans)[i]);
        if (written_as_name) break;
      }
      if (written_as_name) continue;
      // Gazetteer names the guess had swallowed come back ("North Korea" of
      // "North Korea Ahead").
      for (size_t i : g.spans) drop_guess_keeping_names((*spans)[i], swallowed, spans);
    }
  }
  // 2. Page furniture copied with the article ("Story Continued Below", "Replay
  // More Videos", "Click"): a guess made only of such words is no name, and no
  // guess in a newsletter's pitch is one: a sentence with "inbox" ("Get the
  // Monitor Stories you care about delivered to your inbox": 1,165 articles at
  // 37,554).
  std::vector<int8_t> pitch(article.sentences.size(), -1);  // -1: not looked at yet
  auto is_pitch = [&](int sent) {
    if (pitch[sent] < 0) {
      const auto& keys = article.keys[sent];
      pitch[sent] = std::find(keys.begin(), keys.end(), "inbox") != keys.end();
    }
    return pitch[sent] == 1;
  };
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.source != SpanSource::kModel || !is_model_guess(s)) continue;
    if (is_pitch(s.sent)) {
      s.dropped = true;
      continue;
    }
    // A name with a credit's or a player's words after it: "Getty Images Image",
    // "AP Photo", "Google Privacy Policy" are the names alone.
    const auto& keys = article.keys[s.sent];
    size_t end = s.end;
    while (end > s.begin && is_trailing_furniture_word(keys[end - 1])) --end;
    if (end > s.begin + 2 && keys[end - 1] == "policy" && keys[end - 2] == "privacy") end -= 2;
    if (end != s.end && end > s.begin) {
      s.end = end;
      s.canonical.clear();
      const auto aliases = gaz.lookup_span(article.sentences[s.sent], keys, s.begin, s.end);
      if (!aliases.empty()) {
        s.gaz_entity = aliases.front()->entity;
        s.type = gaz.entity(s.gaz_entity).type;
        s.canonical = gaz.entity(s.gaz_entity).canonical;
        continue;
      }
    }
    bool furniture = true;
    for (size_t t = s.begin; t < s.end && furniture; ++t) {
      const std::string& key = article.keys[s.sent][t];
      furniture = is_page_furniture_word(key) || !starts_with_letter_or_digit(article.sentences[s.sent][t].text);
    }
    if (furniture) s.dropped = true;
  }
  // Social networks in a byline or a share box ("Follow Matt on Twitter
  // @mattmcgrathbbc.", "Twitter: @csaid", "Share on Facebook"): no mention of
  // the company, whoever found the name.
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kOrg || s.size() != 1) continue;
    const auto& keys = article.keys[s.sent];
    if (!is_social_network(keys[s.begin])) continue;
    const NerSentence& tokens = article.sentences[s.sent];
    const std::string& opener = keys[0];
    const bool box = opener == "follow" || opener == "share" || opener == "like" || opener == "subscribe";
    const bool handle = s.end < tokens.size() && (tokens[s.end].text == ":" || tokens[s.end].text[0] == '@');
    if (box || handle) s.dropped = true;
  }
  // 3. A person or place guess that swallowed known names together with
  // ordinary words only, as headlines in Title Case make ("Will Trump Call
  // California", "China Ready", "White House Briefing") and lists of countries
  // run together: the known names come back and the guess goes. Organizations
  // keep such words ("Trump Organization").
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.source != SpanSource::kModel || !is_model_guess(s)) continue;
    if (s.type == EntityType::kOrg) continue;
    if (s.size() > 64) continue;
    uint64_t covered = 0;  // token bits from s.begin
    for (size_t i : swallowed.in(s.sent)) {
      const TaggerSpan& inner = (*spans)[i];
      if (swallowed_by(inner, s))
        for (size_t t = inner.begin; t < inner.end; ++t) covered |= uint64_t{1} << (t - s.begin);
    }
    if (covered == 0) continue;
    // A place's name may begin with an ordinary word ("New Jersey", "West
    // Germany"): only words after the last known name count there.
    size_t last_covered = 0;
    for (size_t k = 0; k < s.size(); ++k)
      if (covered & (uint64_t{1} << k)) last_covered = k;
    bool ordinary_rest = true;
    for (size_t t = s.begin; t < s.end && ordinary_rest; ++t) {
      if (covered & (uint64_t{1} << (t - s.begin))) continue;
      if (s.type == EntityType::kPlace && t - s.begin < last_covered) {
        ordinary_rest = false;
        break;
      }
      const std::string& key = article.keys[s.sent][t];
      ordinary_rest = starts_with_letter(key) && !is_title_case_minor_word(key) && ordinary.contains(key);
    }
    if (!ordinary_rest) continue;
    drop_guess_keeping_names(s, swallowed, spans);
  }
  // 4. Laws the model reads as organizations ("Affordable Care Act" in 1,691
  // articles at 37,554, "First Amendment" in 696): CoNLL's MISC; and a person's
  // description ("New York Democrat": 220 articles), whose place comes back.
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kOrg || s.source != SpanSource::kModel || s.size() < 2 ||
        !is_model_guess(s))
      continue;
    const std::string& head = article.keys[s.sent][s.end - 1];
    if (head == "act" || head == "amendment") s.dropped = true;
    // "a New York Democrat", "the Ohio Republican": a description of a person.
    if (head == "democrat" || head == "republican") drop_guess_keeping_names(s, swallowed, spans);
  }
  // 5. One-word guesses that are common words or titles (one_word_guesses.h).
  drop_common_word_one_word_guesses(article, gaz, headline, spans);
}

}  // namespace dossier
