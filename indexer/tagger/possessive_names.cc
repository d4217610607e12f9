// Possessives at the edges of the model's names: see possessive_names.h.
#include "indexer/tagger/possessive_names.h"

#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

bool is_gazetteer_span(const TaggerSpan& s, const TaggerSpan& m) {
  return !s.dropped && s.sent == m.sent && s.source == SpanSource::kGazetteer;
}

// A gazetteer organization or person inside `m` ("NATO" of "America’s NATO").
bool holds_known_org_or_person(const std::vector<TaggerSpan>& spans, const TaggerSpan& m) {
  for (const TaggerSpan& s : spans)
    if (is_gazetteer_span(s, m) && s.type != EntityType::kPlace && s.begin >= m.begin && s.end <= m.end) return true;
  return false;
}

bool is_rank_number(std::string_view t) { return t == "No." || t == "No"; }

}  // namespace

bool bound_name_at_possessives(const NerSentence& tokens, const std::vector<TaggerSpan>& spans, TaggerSpan* m) {
  if (!m->misc && !holds_known_org_or_person(spans, *m)) {
    if (m->size() > 1 && is_possessive(tokens[m->begin].text) && m->begin > 0 &&
        tokens[m->begin - 1].text == "America") {
      --m->begin;
    } else if (m->type == EntityType::kOrg && m->begin > 1 && is_possessive(tokens[m->begin - 1].text) &&
               tokens[m->begin - 2].text == "America" && tokens[m->begin - 1].begin == tokens[m->begin - 2].end) {
      m->begin -= 2;
    }
  }
  while (m->size() > 1 && is_possessive(tokens[m->begin].text)) ++m->begin;
  if (is_rank_number(tokens[m->begin].text) && (tokens[m->begin].text == "No." || m->size() == 1)) return false;
  for (size_t p = m->begin + 1; p + 1 < m->end; ++p) {
    if (!is_possessive(tokens[p].text)) continue;
    bool known = false;
    for (const TaggerSpan& s : spans) known |= is_gazetteer_span(s, *m) && s.begin == m->begin && s.end == p;
    if (!known || (p == m->begin + 1 && tokens[m->begin].text == "America")) return true;
    m->begin = p + 1;
    const std::string_view first = tokens[m->begin].text;
    return !is_rank_number(first) && (starts_upper(first) || (first[0] >= '0' && first[0] <= '9'));
  }
  return true;
}

}  // namespace dossier
