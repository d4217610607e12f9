// Organization names the model leaves short or bare: see org_names.h.
#include "indexer/tagger/org_names.h"

#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "indexer/tagger/coreference.h"
#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Heads of names that go on with "for" or "on" (folded keys). Chambers and
// forces are not among them: "the Senate on Tuesday", "the Army for years".
bool takes_for_or_on(std::string_view key) {
  static const WordSet s = {"center", "centre", "committee", "council", "institute", "foundation", "coalition",
                            "campaign", "alliance", "fund", "project", "partnership", "association",
                            "organization", "organisation", "society", "league", "commission", "office",
                            "bureau", "court", "network", "movement", "federation", "americans", "citizens",
                            "forum", "initiative", "board", "agency", "union"};
  return s.count(key) > 0;
}

// A date word ends a name: "the Committee on Monday", "Council on January 5".
bool is_date_word(std::string_view key) {
  static const WordSet s = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december", "jan.", "feb.", "aug.",
                            "sept.", "sep.", "oct.", "nov.", "dec."};
  return s.count(key) > 0;
}

// Nouns that name the kind of an organization, not one (folded keys).
bool is_generic_org_word(std::string_view key) {
  static const WordSet s = {"committee", "commission", "council", "court", "center", "centre", "institute",
                            "university", "college", "school", "foundation", "administration", "department",
                            "agency", "ministry", "bureau", "board", "authority", "association", "organization",
                            "organisation", "society", "alliance", "coalition", "league", "network", "group",
                            "company", "corporation", "fund", "project", "campaign", "media", "press", "state",
                            "attorney", "nation", "government", "assembly", "federation", "service", "movement",
                            "party", "caucus", "panel", "subcommittee", "conference", "program", "programme",
                            "pac"};
  return s.count(key) > 0;
}

// Words after a family name that make it a modifier: "the Trump administration".
bool makes_modifier(std::string_view key) {
  static const WordSet s = {"administration", "administration's", "campaign", "campaign's", "presidency",
                            "era", "government", "aides", "allies", "officials", "loyalists", "team",
                            "transition", "camp", "doctrine", "years", "cabinet", "white"};
  return s.count(key) > 0;
}

// Roles written in lowercase before a name: "Fox News host Sean Hannity".
bool is_lowercase_role(std::string_view key) {
  static const WordSet s = {"host", "co-host", "cohost", "anchor", "co-anchor", "contributor", "correspondent",
                            "commentator", "columnist", "reporter", "analyst", "pundit", "editor", "producer",
                            "spokesman", "spokeswoman", "spokesperson", "comedian", "actor", "actress", "singer",
                            "rapper", "author", "novelist", "activist", "lawyer", "attorney", "strategist",
                            "pollster", "economist", "historian", "journalist", "blogger", "publisher"};
  return s.count(key) > 0;
}

// One word, or "The" and one word ("The Times").
bool is_one_word_org_guess(const ArticleTokens& article, const TaggerSpan& s) {
  if (s.dropped || s.misc || s.type != EntityType::kOrg || !is_model_guess(s)) return false;
  return s.size() == 1 || (s.size() == 2 && article.keys[s.sent][s.begin] == "the");
}

}  // namespace

std::string organization_name(const ArticleTokens& article, const TaggerSpan& span) {
  if (!span.canonical.empty()) return span.canonical;
  std::string name = span_surface(article.text, article.sentences[span.sent], span.begin, span.end);
  if (name.size() > 4 && (name.starts_with("The ") || name.starts_with("THE ")) && name.find(' ', 4) != std::string::npos)
    name.erase(0, 4);
  return name;
}

void extend_organizations_through_for_and_on(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                                             std::vector<TaggerSpan>* spans) {
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  constexpr size_t kMaxWords = 12;
  for (size_t i = 0; i < spans->size(); ++i) {
    TaggerSpan& org = (*spans)[i];
    if (org.dropped || org.misc || org.sent != sent || org.type != EntityType::kOrg || org.gaz_entity >= 0) continue;
    size_t e = org.end;
    // "Office of" + "the Inspector General": a title that no person follows ends
    // the name (the model stops before a title).
    if (keys[e - 1] == "of" && e < tokens.size()) {
      const size_t title = keys[e] == "the" ? e + 1 : e;
      const size_t len = title < tokens.size() ? gaz.title_length_at(keys, title) : 0;
      bool person_after = false;
      for (const TaggerSpan& p : *spans)
        person_after |= !p.dropped && p.sent == sent && p.type == EntityType::kPerson && p.begin == title + len;
      const size_t end = title + len;
      bool clear = true;  // no span runs past the title
      for (const TaggerSpan& o : *spans)
        if (&o != &org && !o.dropped && o.sent == sent && o.begin < end && e < o.end && o.end > end) clear = false;
      if (len > 0 && !person_after && clear && starts_upper(tokens[title].text)) {
        for (TaggerSpan& o : *spans)
          if (&o != &org && !o.dropped && o.sent == sent && o.begin >= e && o.end <= end) o.dropped = true;
        org.end = end;
        org.canonical.clear();
      }
      continue;
    }
    if (e + 1 >= tokens.size() || !takes_for_or_on(keys[e - 1]) || (keys[e] != "for" && keys[e] != "on")) continue;
    size_t f = e + 1;
    if (keys[f] == "a" || keys[f] == "an" || keys[f] == "the") ++f;
    // A title or a person ends the name: "Council on Foreign Relations President Richard Haass".
    auto name_word = [&](size_t t) {
      if (t >= tokens.size() || !starts_upper(tokens[t].text) || is_date_word(keys[t]) || gaz.title_length_at(keys, t))
        return false;
      // A person the model alone guessed, with no first name, may be the name's
      // words ("Islamic Relations" of "Council on American-Islamic Relations").
      for (const TaggerSpan& p : *spans)
        if (!p.dropped && p.sent == sent && p.type == EntityType::kPerson && p.begin <= t && t < p.end &&
            (!is_model_guess(p) || gaz.is_first_name(keys[p.begin])))
          return false;
      return true;
    };
    auto glued = [&](size_t t) { return tokens[t].begin == tokens[t - 1].end; };
    size_t end = f;  // one past the last capitalised word taken
    while (f < tokens.size() && f - org.begin < kMaxWords) {
      if (name_word(f)) {
        end = ++f;
        continue;
      }
      if (end != f || f == e + 1) break;
      // "American-Islamic", "and Policy", "of the Press"
      if (keys[f] == "-" && glued(f) && f + 1 < tokens.size() && glued(f + 1) && name_word(f + 1)) {
        ++f;
      } else if (keys[f] == "and" || keys[f] == "&" || keys[f] == "of") {
        // "of the Press"; not "and the": a list goes on there ("... and the Reporters Committee").
        const size_t next = keys[f] == "of" && f + 1 < tokens.size() && keys[f + 1] == "the" ? f + 2 : f + 1;
        if (!name_word(next)) break;
        f = next;
      } else {
        break;
      }
    }
    if (end <= e + 1 || !starts_upper(tokens[end - 1].text)) continue;
    // A place after "on" or "for" is where, not a name: "the Judiciary Committee
    // on Capitol Hill".
    bool place_only = false;
    for (const TaggerSpan& s : *spans)
      place_only |= !s.dropped && s.sent == sent && s.type == EntityType::kPlace && !s.demonym && s.gaz_entity >= 0 &&
                    s.begin == e + 1 && s.end == end;
    if (place_only || keys[e + 1] == "capitol") continue;
    // Only spans wholly inside the new extent give way; one that runs past it
    // ("on Foreign Relations Committee Chairman Bob Corker") means the words
    // belong elsewhere.
    bool clear = true;
    for (const TaggerSpan& s : *spans)
      if (&s != &org && !s.dropped && s.sent == sent && s.begin < end && e < s.end && s.end > end) clear = false;
    if (!clear) continue;
    for (TaggerSpan& s : *spans)
      if (&s != &org && !s.dropped && s.sent == sent && s.begin >= e && s.end <= end) s.dropped = true;
    org.end = end;
    org.canonical.clear();
  }
}

bool split_organization_at_title(const ArticleTokens& article, int sent, const Gazetteer& gaz, TaggerSpan* m,
                                 std::vector<TaggerSpan>* spans) {
  if (m->size() < 2) return true;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  for (size_t j = m->begin + 1; j < m->end; ++j) {
    const size_t len = gaz.title_length_at(keys, j);
    if (len == 0 || j + len > m->end) continue;
    const size_t name = j + len;
    TaggerSpan* known = nullptr;
    for (TaggerSpan& p : *spans)
      if (!p.dropped && p.type == EntityType::kPerson && p.begin == name) known = &p;
    if (!(known && known->gaz_entity >= 0) && (name == m->end || !gaz.is_first_name(keys[name]))) continue;
    bool org_left = !gaz.lookup_span(tokens, keys, m->begin, j).empty();
    for (size_t t = m->begin; t < j && !org_left; ++t) org_left = is_org_head(keys[t]);
    const size_t role_begin = org_left ? j : m->begin;
    if (known) {
      known->role = span_surface(article.text, tokens, role_begin, name);
      known->honorific = true;
    } else {
      TaggerSpan person;
      person.sent = sent;
      person.begin = name;
      person.end = m->end;
      person.type = EntityType::kPerson;
      person.source = SpanSource::kTitle;
      person.honorific = true;
      person.role = span_surface(article.text, tokens, role_begin, name);
      spans->push_back(person);
    }
    m->end = org_left ? j : m->begin;
    break;
  }
  return m->begin != m->end;
}

void retype_family_names_used_as_modifiers(const ArticleTokens& article, std::vector<TaggerSpan>* spans) {
  std::unordered_set<std::string_view> families;
  for (const TaggerSpan& s : *spans)
    if (!s.dropped && !s.misc && s.type == EntityType::kPerson) families.insert(article.keys[s.sent][s.end - 1]);
  if (families.empty()) return;
  for (TaggerSpan& s : *spans) {
    if (!is_one_word_org_guess(article, s)) continue;
    const auto& keys = article.keys[s.sent];
    if (s.end >= keys.size() || !families.count(keys[s.end - 1]) || !makes_modifier(keys[s.end])) continue;
    if (keys[s.end] == "white" && (s.end + 1 >= keys.size() || keys[s.end + 1] != "house")) continue;
    s.type = EntityType::kPerson;
    s.model_per = true;  // for coreference, as if the model had said so
    s.canonical.clear();
  }
}

void retype_named_persons_read_as_organizations(const ArticleTokens& article, const Gazetteer& gaz,
                                                std::vector<TaggerSpan>* spans) {
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kOrg || s.size() > 3 || !is_model_guess(s)) continue;
    const auto& keys = article.keys[s.sent];
    const NerSentence& tokens = article.sentences[s.sent];
    if (!gaz.is_first_name(keys[s.begin])) continue;
    bool head = false;
    for (size_t t = s.begin; t < s.end; ++t) head |= is_org_head(keys[t]);
    if (head) continue;
    // "Sean" + person "Hannity": one person.
    TaggerSpan* next = nullptr;
    for (TaggerSpan& p : *spans)
      if (!p.dropped && !p.misc && p.sent == s.sent && p.type == EntityType::kPerson && p.begin == s.end &&
          tokens[p.begin].begin == tokens[s.end - 1].end + 1)
        next = &p;
    if (s.size() == 1 && next) {
      next->begin = s.begin;
      next->canonical.clear();
      s.dropped = true;
      continue;
    }
    if (s.size() < 2 || s.begin == 0) continue;
    const std::string& before = tokens[s.begin - 1].text;
    if (!std::islower(static_cast<unsigned char>(before[0])) || !is_lowercase_role(keys[s.begin - 1])) continue;
    s.type = EntityType::kPerson;
    s.model_per = true;
    s.role = before;
  }
}

void resolve_one_word_organizations(const ArticleTokens& article, std::vector<TaggerSpan>* spans) {
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kOrg || !is_model_guess(s)) continue;
    const auto& keys = article.keys[s.sent];
    const bool show = s.begin >= 2 && keys[s.begin - 1] == "the" &&
                      (keys[s.begin - 2] == "meet" || keys[s.begin - 2] == "face");
    const bool caption = s.size() == 1 && s.end < keys.size() && (keys[s.end] == "caption" || keys[s.end] == "playback");
    if (show || caption) s.dropped = true;
  }
  // The longer organization names of the article, by the words in them; names
  // made when first asked for.
  struct Candidate {
    size_t span;
    std::string name, key;  // empty until needed
  };
  std::vector<Candidate> candidates;
  std::unordered_map<std::string_view, std::vector<size_t>> by_word;  // key -> candidates
  for (size_t i = 0; i < spans->size(); ++i) {
    const TaggerSpan& o = (*spans)[i];
    if (o.dropped || o.misc || o.type != EntityType::kOrg || o.size() < 2 || is_one_word_org_guess(article, o)) continue;
    for (size_t t = o.begin; t < o.end; ++t) {
      auto& list = by_word[article.keys[o.sent][t]];
      if (list.empty() || list.back() != candidates.size()) list.push_back(candidates.size());
    }
    candidates.push_back({i, {}, {}});
  }
  for (TaggerSpan& s : *spans) {
    if (!is_one_word_org_guess(article, s)) continue;
    const std::string& word = article.keys[s.sent][s.end - 1];
    const bool generic = is_generic_org_word(word);
    const bool resolvable = generic || is_newspaper_short_name(word);
    std::string only, only_key;
    bool several = false;
    if (auto it = by_word.find(word); resolvable && it != by_word.end()) {
      for (size_t c : it->second) {
        Candidate& candidate = candidates[c];
        if (candidate.name.empty()) {
          candidate.name = organization_name(article, (*spans)[candidate.span]);
          candidate.key = cached_entity_key(candidate.name);
        }
        if (candidate.key.empty()) continue;
        if (only_key.empty()) {
          only = candidate.name;
          only_key = candidate.key;
        } else if (candidate.key != only_key) {
          several = true;
          break;
        }
      }
    }
    if (!resolvable) continue;
    if (!only_key.empty() && !several) {
      s.canonical = only;
    } else if (generic) {
      s.dropped = true;
    }
  }
}

bool is_newspaper_short_name(std::string_view key) {
  static const WordSet s = {"times", "post", "journal", "tribune", "herald", "globe", "telegraph", "examiner",
                            "chronicle", "inquirer", "gazette", "observer", "register", "dispatch", "courier",
                            "bulletin", "beacon", "sentinel", "enquirer", "star", "sun", "mail", "express"};
  return s.count(key) > 0;
}

}  // namespace dossier
