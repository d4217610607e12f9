// Candidate span finders: gazetteer, titles, first names, organization heads and
// the sequence model, each over one sentence's spans.
#include "indexer/tagger/span_finders.h"

#include <algorithm>

#include "indexer/tagger/coreference.h"
#include "indexer/tagger/datelines.h"
#include "indexer/tagger/org_names.h"
#include "indexer/tagger/possessive_names.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

bool is_free(const std::vector<TaggerSpan>& spans, size_t b, size_t e) {
  for (const TaggerSpan& s : spans) {
    if (!s.dropped && s.begin < e && b < s.end) return false;
  }
  return true;
}

// Which tokens of a sentence existing spans cover, for finders that test every token.
struct Coverage {
  std::vector<char> covered;
  Coverage(const std::vector<TaggerSpan>& spans, size_t n) : covered(n, 0) {
    for (const TaggerSpan& s : spans) {
      if (!s.dropped) mark(s.begin, s.end);
    }
  }
  void mark(size_t b, size_t e) {
    for (size_t i = b; i < e && i < covered.size(); ++i) covered[i] = 1;
  }
  bool is_free(size_t b, size_t e) const {
    for (size_t i = b; i < e && i < covered.size(); ++i) {
      if (covered[i]) return false;
    }
    return true;
  }
};

TaggerSpan* span_at(std::vector<TaggerSpan>* spans, size_t i) {
  for (TaggerSpan& s : *spans) {
    if (!s.dropped && s.begin <= i && i < s.end) return &s;
  }
  return nullptr;
}

// Punctuation that never closes a name (an opener, a dash, a separator) and
// that never opens one (a closer, a dash, a separator). Brackets count only when
// unmatched inside the span: CoNLL's "Sporting (Gijon)" keeps both.
bool is_separator_token(std::string_view t) {
  static constexpr std::string_view kSeparators[] = {
      "-", "--", "\xE2\x80\x94", "\xE2\x80\x93", "|", "/", ",", ";", ":", "&", "\xE2\x80\xA2", "\xE2\x80\xA6", "\""};
  for (std::string_view s : kSeparators) if (t == s) return true;
  return false;
}
bool is_opener_token(std::string_view t) {
  return t == "(" || t == "[" || t == "{" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x98";
}
bool is_closer_token(std::string_view t) {
  return t == ")" || t == "]" || t == "}" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99";
}
bool span_has(const NerSentence& tokens, size_t b, size_t e, bool (*pred)(std::string_view)) {
  for (size_t i = b; i < e; ++i) if (pred(tokens[i].text)) return true;
  return false;
}

bool capitalised_or_digit(std::string_view t) {
  return !t.empty() && (starts_upper(t) || (t[0] >= '0' && t[0] <= '9'));
}

// Picks the alias that fits the context: a person alias when the model says
// PER, a non-demonym over a demonym, otherwise the first (country > place > org > person).
const GazAlias* pick_alias(const std::vector<const GazAlias*>& aliases, const Gazetteer& gaz, bool model_per) {
  if (model_per) {
    for (const GazAlias* a : aliases) if (gaz.entity(a->entity).type == EntityType::kPerson) return a;
  }
  for (const GazAlias* a : aliases) {
    if (gaz.entity(a->entity).type != EntityType::kPerson || aliases.size() == 1) return a;
  }
  return aliases.front();
}

// "https://t.co/x", "www.state.gov", "press@state.gov" ("Amazon.com" may be a
// company, so a bare domain is left to the model).
bool looks_like_address(std::string_view t) {
  if (t.find("://") != std::string_view::npos || t.starts_with("www.") || t.starts_with("WWW.")) return true;
  const size_t at = t.find('@');
  return at != std::string_view::npos && at > 0 && t.find('.', at) != std::string_view::npos;
}

bool model_says_per(const ArticleTokens& article, int sent, size_t b, size_t e) {
  if (article.labels.empty()) return false;
  for (size_t i = b; i < e; ++i) {
    NerLabel l = article.labels[sent][i];
    if (l != NerLabel::B_PER && l != NerLabel::I_PER) return false;
  }
  return true;
}

void apply_alias(const GazAlias* a, const Gazetteer& gaz, TaggerSpan* span) {
  const GazEntity& e = gaz.entity(a->entity);
  span->type = e.type;
  span->canonical = e.canonical;
  span->demonym = a->demonym;
  span->gaz_entity = a->entity;
}


// A US state's name that is one piece of a longer name: "Virginia Foxx", "Joe
// Montana", "Texas Tribune", "University of Texas". The gazetteer leaves those
// to the title, first-name and organization rules and the model; a state on
// its own or before a title ("Texas Sen. Ted Cruz") is matched.
bool state_inside_longer_name(const ArticleTokens& article, int sent, const Gazetteer& gaz, const GazMatch& m) {
  for (const GazAlias* a : m.aliases)
    if (gaz.entity(a->entity).kind != "state") return false;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  auto name_word = [&](size_t t) {
    return is_name_word(tokens[t].text, keys[t]) && gaz.title_length_at(keys, t) == 0;
  };
  if (m.end < tokens.size() && name_word(m.end)) return true;
  if (m.begin == 0) return false;
  const size_t before = m.begin - 1;
  if (name_word(before)) return true;
  // "University of Texas", "Attorney General of Texas": the phrase is another rule's.
  return before > 0 && (keys[before] == "of" || keys[before] == "de") && starts_upper(tokens[before - 1].text);
}

}  // namespace

void find_gazetteer_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                          std::vector<TaggerSpan>* spans) {
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  GazMatch m;  // reused: its alias list keeps its capacity
  for (size_t i = 0; i < tokens.size();) {
    if (!capitalised_or_digit(tokens[i].text)) {
      ++i;
      continue;
    }
    bool found = gaz.match_at(tokens, keys, i, &m);
    if (found && article.all_caps[sent]) {
      // In a headline in capitals "IS" or "ST" is a word, not an alias.
      std::erase_if(m.aliases, [](const GazAlias* a) { return a->case_sensitive; });
      found = !m.aliases.empty();
    }
    if (!found) {
      ++i;
      continue;
    }
    if (state_inside_longer_name(article, sent, gaz, m)) {
      i = m.end;
      continue;
    }
    TaggerSpan span;
    span.sent = sent;
    span.begin = m.begin;
    span.end = m.end;
    span.source = SpanSource::kGazetteer;
    span.model_per = model_says_per(article, sent, m.begin, m.end);
    apply_alias(pick_alias(m.aliases, gaz, span.model_per), gaz, &span);
    spans->push_back(span);
    i = m.end;
  }
}

void find_title_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                      std::vector<TaggerSpan>* spans) {
  if (article.all_caps[sent]) return;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  Coverage coverage(*spans, tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!coverage.is_free(i, i + 1)) continue;
    size_t title_len = gaz.title_length_at(keys, i);
    if (title_len == 0 || !coverage.is_free(i, i + title_len)) continue;
    // "Martin Luther King Jr.", "Billie Jean King": after a name word, "King" is the name.
    if (title_len == 1 && i > 0 && is_nobility_title(keys[i]) && is_name_word(tokens[i - 1].text, keys[i - 1])) {
      const TaggerSpan* before = span_at(spans, i - 1);
      if (!before || before->type == EntityType::kPerson) continue;
    }
    // A rank in lowercase is an adjective: "a major Democratic donor", "general Motors".
    if (title_len == 1 && !starts_upper(tokens[i].text) &&
        (keys[i] == "major" || keys[i] == "general" || keys[i] == "private"))
      continue;
    size_t b = i + title_len, e = b;
    // A person the gazetteer knows: give it the role.
    if (TaggerSpan* known = span_at(spans, b); known && known->begin == b) {
      if (known->type == EntityType::kPerson) {
        bool honorific = title_len == 1 && is_honorific(keys[i]);
        if (!honorific && known->role.empty()) known->role = span_surface(article.text, tokens, i, b);
        known->honorific = true;
      }
      continue;
    }
    while (e < tokens.size() && e - b < 4 && coverage.is_free(e, e + 1)) {
      if (is_name_word(tokens[e].text, keys[e]) && gaz.title_length_at(keys, e) == 0) {
        ++e;
      } else if (e == b && starts_upper(tokens[e].text) && is_east_asian_surname(keys[e]) && e + 1 < tokens.size() &&
                 is_name_word(tokens[e + 1].text, keys[e + 1]) && coverage.is_free(e + 1, e + 2)) {
        e += 2;  // a surname that is also a word: "Vice Premier He Lifeng"
      } else if (e > b && is_name_particle(keys[e]) && e + 1 < tokens.size() &&
                 is_name_word(tokens[e + 1].text, keys[e + 1])) {
        e += 2;
      } else {
        break;
      }
    }
    if (e == b) continue;
    TaggerSpan span;
    span.sent = sent;
    span.begin = b;
    span.end = e;
    span.type = EntityType::kPerson;
    span.source = SpanSource::kTitle;
    span.honorific = true;
    span.model_per = model_says_per(article, sent, b, e);
    bool honorific = title_len == 1 && is_honorific(keys[i]);
    if (!honorific) span.role = span_surface(article.text, tokens, i, b);
    spans->push_back(span);
    coverage.mark(b, e);
    i = e - 1;
  }
}

void find_first_name_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                           std::vector<TaggerSpan>* spans) {
  // With a model, its PER spans (which already see first-name features) are
  // better bounded than this rule ("Finn Juha Kankkunen").
  if (article.all_caps[sent] || !article.labels.empty()) return;
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  Coverage coverage(*spans, tokens.size());
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!coverage.is_free(i, i + 1) || !starts_upper(tokens[i].text) || !gaz.is_first_name(keys[i]) ||
        !is_name_word(tokens[i].text, keys[i])) {
      continue;
    }
    size_t e = i + 1;
    while (e < tokens.size() && e - i < 4 && coverage.is_free(e, e + 1) &&
           is_name_word(tokens[e].text, keys[e]) && gaz.title_length_at(keys, e) == 0) {
      ++e;
    }
    if (e == i + 1) continue;
    // A following organization word means "Kennedy Center", not a person.
    if (is_org_head(keys[e - 1])) continue;
    TaggerSpan span;
    span.sent = sent;
    span.begin = i;
    span.end = e;
    span.type = EntityType::kPerson;
    span.source = SpanSource::kFirstName;
    span.model_per = model_says_per(article, sent, i, e);
    spans->push_back(span);
    coverage.mark(i, e);
    i = e - 1;
  }
}

void find_org_rule_spans(const ArticleTokens& article, int sent, std::vector<TaggerSpan>* spans) {
  if (!article.labels.empty()) return;  // the model's ORG spans are better bounded
  const NerSentence& tokens = article.sentences[sent];
  const auto& keys = article.keys[sent];
  auto joins = [&](size_t i) {
    return keys[i] == "of" || keys[i] == "for" || keys[i] == "and" || keys[i] == "&";
  };
  for (size_t h = 1; h < tokens.size(); ++h) {
    if (!is_org_head(keys[h]) || !starts_upper(tokens[h].text) || !is_free(*spans, h, h + 1)) continue;
    size_t b = h;
    while (b > 0 && is_free(*spans, b - 1, b) && starts_upper(tokens[b - 1].text) &&
           !is_possessive(tokens[b - 1].text) && keys[b - 1] != "the") {
      --b;
    }
    if (b > 0 && b == h && is_possessive(tokens[b - 1].text) && b >= 2 && is_free(*spans, b - 2, b - 1) &&
        starts_upper(tokens[b - 2].text)) {
      b -= 2;  // "Workers' Party"
    }
    size_t e = h + 1;
    // "Ministry of Foreign Affairs", "Bank of England".
    while (e + 1 < tokens.size() && joins(e) && starts_upper(tokens[e + 1].text)) {
      size_t f = e + 1;
      while (f < tokens.size() && starts_upper(tokens[f].text)) ++f;
      e = f;
    }
    if (e - b < 2 || !is_free(*spans, b, e)) continue;
    TaggerSpan span;
    span.sent = sent;
    span.begin = b;
    span.end = e;
    span.type = EntityType::kOrg;
    span.source = SpanSource::kOrgRule;
    spans->push_back(span);
    h = e - 1;
  }
}

void trim_name_punctuation(const NerSentence& tokens, size_t* begin, size_t* end) {
  for (bool trimmed = true; trimmed && *begin < *end;) {
    const std::string_view last = tokens[*end - 1].text, first = tokens[*begin].text;
    trimmed = false;
    if (is_separator_token(last) || is_opener_token(last) ||
        (is_closer_token(last) && !span_has(tokens, *begin, *end - 1, is_opener_token))) {
      --*end;
      trimmed = true;
    } else if (is_separator_token(first) || is_closer_token(first) ||
               (is_opener_token(first) && !span_has(tokens, *begin + 1, *end, is_closer_token))) {
      ++*begin;
      trimmed = true;
    }
  }
}

namespace {

// Whether the tokens of `m`, two words or more, lie inside a title (titles.txt)
// that a person span directly follows, and do not end in an organization's head
// word: the model reads parts of long roles as organizations ("Senate Majority"
// of "Senate Majority Leader Mitch McConnell", "National Security Adviser"),
// while "Foreign Ministry" of "German Foreign Ministry spokesman Martin Erdmann"
// is one, and so are one-word departments ("House" of "House Speaker Nancy
// Pelosi", "Treasury").
bool inside_title_before_person(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                                const std::vector<TaggerSpan>& spans, const TaggerSpan& m) {
  constexpr size_t kLongestTitle = 6;
  const auto& keys = article.keys[sent];
  if (m.size() < 2 || is_org_head(keys[m.end - 1])) return false;
  for (size_t j = m.begin > kLongestTitle ? m.begin - kLongestTitle : 0; j <= m.begin; ++j) {
    const size_t len = gaz.title_length_at(keys, j);
    if (len == 0 || j + len < m.end) continue;
    for (const TaggerSpan& p : spans)
      if (!p.dropped && p.sent == sent && p.type == EntityType::kPerson && p.begin == j + len) return true;
  }
  return false;
}

}  // namespace

void merge_model_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                       std::vector<TaggerSpan>* spans) {
  if (article.labels.empty()) return;
  const NerSentence& tokens = article.sentences[sent];
  const std::vector<NerLabel>& labels = article.labels[sent];
  auto kind = [](NerLabel l) { return (static_cast<int>(l) + 1) / 2; };  // 0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC
  auto is_begin = [](NerLabel l) { return l != NerLabel::O && static_cast<int>(l) % 2 == 1; };
  for (size_t i = 0; i < labels.size();) {
    int k = kind(labels[i]);
    // A lone slash joins two names, never two halves of one ("AFP/Getty Images",
    // "Reuters/Ipsos"): the model's span stops there and resumes after it.
    if (k == 0 || tokens[i].text == "/") {
      ++i;
      continue;
    }
    size_t e = i + 1;
    while (e < labels.size() && kind(labels[e]) == k && !is_begin(labels[e]) && tokens[e].text != "/") ++e;
    TaggerSpan m;
    m.sent = sent;
    m.begin = i;
    m.end = e;
    m.source = SpanSource::kModel;
    m.misc = k == 4;
    m.type = k == 1 ? EntityType::kPerson : k == 2 ? EntityType::kOrg : EntityType::kPlace;
    m.model_per = k == 1;
    i = e;
    // Possessive "'s" never belongs to a name, nor punctuation at either end
    // ("Congress (", "Arizona —"), nor a party's letter before a state ("R-Texas").
    while (m.end > m.begin + 1 && is_possessive(tokens[m.end - 1].text)) --m.end;
    if (!bound_name_at_possessives(tokens, *spans, &m)) continue;
    // A role's adjective starts no organization ("Acting Homeland Security
    // Secretary Chad Wolf"), unless a title and a name follow it in the span:
    // they are the person and the role ("Acting Attorney General Sally Yates";
    // split_organization_at_title).
    const std::string& first_key = article.keys[sent][m.begin];
    if (m.type == EntityType::kOrg && m.size() > 1 && (first_key == "acting" || first_key == "former")) {
      const size_t title_len = gaz.title_length_at(article.keys[sent], m.begin + 1);
      if (title_len == 0 || m.begin + 1 + title_len >= m.end) ++m.begin;
    }
    if (m.size() > 2 && is_party_letter(tokens[m.begin].text) && tokens[m.begin + 1].text == "-" &&
        tokens[m.begin + 1].begin == tokens[m.begin].end)
      m.begin += 2;
    trim_name_punctuation(tokens, &m.begin, &m.end);
    if (m.begin == m.end || (m.size() == 1 && is_possessive(tokens[m.begin].text))) continue;
    if (!m.misc && is_dateline_name(tokens, m.begin, m.end)) {
      m.type = EntityType::kPlace;
      m.model_per = false;
      m.dateline = true;
    } else if (!m.misc && is_dateline_agency(tokens, m.begin, m.end)) {
      m.type = EntityType::kOrg;  // "(Pacific Dispatch)" after "HIROSHIMA"
      m.model_per = false;
    }
    // Web addresses and e-mail addresses are no names, whatever the model says.
    bool address = false;
    for (size_t t = m.begin; t < m.end && !address; ++t) address = looks_like_address(tokens[t].text);
    if (address) continue;
    // "Mr Thomas", "Foreign Minister Park Jin": the title is a role, not the name.
    while (m.model_per && m.size() > 1) {
      size_t title_len = gaz.title_length_at(article.keys[sent], m.begin);
      if (title_len == 0 || m.begin + title_len >= m.end || is_nobility_title(article.keys[sent][m.begin])) break;
      if (!is_honorific(article.keys[sent][m.begin]) || title_len > 1) {
        m.role = span_surface(article.text, tokens, m.begin, m.begin + title_len);
      }
      m.honorific = true;
      m.begin += title_len;
    }

    if (m.type == EntityType::kOrg && !m.misc && !split_organization_at_title(article, sent, gaz, &m, spans)) continue;
    std::vector<TaggerSpan*> overlapping;
    for (TaggerSpan& s : *spans) if (!s.dropped && s.overlaps(m)) overlapping.push_back(&s);
    bool contains_all = !overlapping.empty();
    bool same_extent = false;
    for (TaggerSpan* s : overlapping) {
      contains_all &= m.contains(*s);
      same_extent |= s->begin == m.begin && s->end == m.end;
    }
    if (!overlapping.empty() && (!contains_all || same_extent)) {
      for (TaggerSpan* s : overlapping) {
        if (m.model_per && s->type == EntityType::kPerson) {
          s->model_per = true;
          // The model bounds names better than the title rule ("Sheikh Hasina"),
          // but not past a surname that is also a word ("He Lifeng").
          const bool word_surname = m.begin == s->begin + 1 && is_common_word(article.keys[sent][s->begin]) &&
                                    is_east_asian_surname(article.keys[sent][s->begin]);
          if (s->source == SpanSource::kTitle && m.begin >= s->begin && overlapping.size() == 1 && !word_surname) {
            s->begin = m.begin;
            s->end = m.end;
          }
        }
        // Same tokens: a city the model reads as an organization is a sports team
        // or a newsroom ("NEW YORK 72 53"); countries stay places ("Japan said"),
        // and so do US states outside results lines ("Texas Sen. Ted Cruz", but
        // "TEXAS 75 58 .564" and "COLORADO AT ST LOUIS" are teams).
        const std::string_view kind = s->gaz_entity < 0 ? std::string_view() : gaz.entity(s->gaz_entity).kind;
        bool city_as_org = s->type == EntityType::kPlace && m.type == EntityType::kOrg && kind != "country" &&
                           (kind != "state" || in_results_line(article, sent, m.begin, m.end));
        bool guess_retyped = s->source != SpanSource::kGazetteer && s->source != SpanSource::kTitle;
        if (same_extent && !m.misc && s->type != m.type && !s->demonym && (city_as_org || guess_retyped) &&
            s->begin == m.begin && s->end == m.end) {
          s->type = m.type;
          if (s->gaz_entity >= 0 && gaz.entity(s->gaz_entity).type != m.type) {
            s->gaz_entity = -1;
            s->canonical.clear();
          }
        }
      }
      continue;
    }
    if (!overlapping.empty()) {
      // The model's span is longer ("Bank of Japan" over "Japan", "General Motors"
      // over a title rule's "Motors"): it wins.
      for (TaggerSpan* s : overlapping) s->dropped = true;
    }
    if (!m.misc) {
      auto aliases = gaz.lookup_span(tokens, article.keys[sent], m.begin, m.end);
      if (!aliases.empty()) {
        const GazAlias* pick = nullptr;
        for (const GazAlias* a : aliases) {
          if (!pick && gaz.entity(a->entity).type == m.type) pick = a;
        }
        apply_alias(pick ? pick : aliases.front(), gaz, &m);
        m.source = SpanSource::kGazetteer;
      } else if (m.type == EntityType::kOrg && inside_title_before_person(article, sent, gaz, *spans, m)) {
        continue;  // "Senate Majority" of "Senate Majority Leader Mitch McConnell" is his role
      }
    }
    spans->push_back(m);
  }
}

void join_organizations_ending_in_of(const ArticleTokens& article, int sent, std::vector<TaggerSpan>* spans) {
  const auto& keys = article.keys[sent];
  for (TaggerSpan& org : *spans) {
    if (org.dropped || org.misc || org.sent != sent || org.type != EntityType::kOrg || org.gaz_entity >= 0 ||
        org.size() < 2 || keys[org.end - 1] != "of")
      continue;
    for (TaggerSpan& next : *spans) {
      if (next.dropped || next.misc || next.sent != sent || next.begin != org.end ||
          (next.type != EntityType::kPlace && next.type != EntityType::kOrg) || next.demonym)
        continue;
      org.end = next.end;
      org.canonical.clear();
      next.dropped = true;
      break;
    }
  }
}

void qualify_ministries(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans) {
  std::vector<TaggerSpan> added;
  for (TaggerSpan& s : *spans) {
    if (s.dropped || s.misc || s.type != EntityType::kOrg || s.gaz_entity >= 0) continue;
    const NerSentence& tokens = article.sentences[s.sent];
    const auto& keys = article.keys[s.sent];
    bool ministry = false;
    for (size_t i = s.begin; i < s.end; ++i) ministry |= keys[i] == "ministry";
    if (!ministry) continue;
    // A leading demonym or country inside the span becomes its own place mention.
    int country = -1;
    GazMatch m;
    const bool found = gaz.match_at(tokens, keys, s.begin, &m);
    if (found && m.end < s.end) {
      for (const GazAlias* a : m.aliases) {
        if (country < 0 && gaz.entity(a->entity).kind == "country") {
          country = a->entity;
          TaggerSpan place = s;
          place.end = m.end;
          place.source = SpanSource::kGazetteer;
          apply_alias(a, gaz, &place);
          added.push_back(place);
        }
      }

    }
    if (country < 0) {
      // The country just before: "Japan's Foreign Ministry", "Japanese Foreign Ministry".
      size_t before = s.begin;
      if (before > 0 && is_possessive(tokens[before - 1].text)) --before;
      for (const TaggerSpan& p : *spans) {
        if (p.dropped || p.sent != s.sent || p.end != before || p.gaz_entity < 0) continue;
        if (gaz.entity(p.gaz_entity).kind == "country") country = p.gaz_entity;
      }
    }
    if (country >= 0) {
      size_t name_begin = s.begin;
      if (found && m.end < s.end && m.begin == s.begin) name_begin = m.end;
      if (name_begin < s.end && is_possessive(tokens[name_begin].text)) ++name_begin;
      if (name_begin < s.end) {
        s.canonical =
            span_surface(article.text, tokens, name_begin, s.end) + " of " + gaz.entity(country).canonical;
      }
    }
  }
  spans->insert(spans->end(), added.begin(), added.end());
}

}  // namespace dossier
