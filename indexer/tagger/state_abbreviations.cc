// US states by their abbreviations in party notes and datelines: see state_abbreviations.h.
#include "indexer/tagger/state_abbreviations.h"

#include <string>
#include <unordered_map>

#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

// AP style abbreviations and postal codes, folded and without periods.
const std::unordered_map<std::string_view, std::string_view>& abbreviations() {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"al", "Alabama"}, {"ala", "Alabama"}, {"ak", "Alaska"}, {"az", "Arizona"}, {"ariz", "Arizona"},
      {"ar", "Arkansas"}, {"ark", "Arkansas"}, {"ca", "California"}, {"cal", "California"},
      {"calif", "California"}, {"co", "Colorado"}, {"colo", "Colorado"}, {"ct", "Connecticut"},
      {"conn", "Connecticut"}, {"de", "Delaware"}, {"del", "Delaware"}, {"fl", "Florida"}, {"fla", "Florida"},
      {"ga", "Georgia"}, {"hi", "Hawaii"}, {"id", "Idaho"}, {"il", "Illinois"}, {"ill", "Illinois"},
      {"in", "Indiana"}, {"ind", "Indiana"}, {"ia", "Iowa"}, {"ks", "Kansas"}, {"kan", "Kansas"},
      {"kans", "Kansas"}, {"ky", "Kentucky"}, {"la", "Louisiana"}, {"me", "Maine"}, {"md", "Maryland"},
      {"ma", "Massachusetts"}, {"mass", "Massachusetts"}, {"mi", "Michigan"}, {"mich", "Michigan"},
      {"mn", "Minnesota"}, {"minn", "Minnesota"}, {"ms", "Mississippi"}, {"miss", "Mississippi"},
      {"mo", "Missouri"}, {"mt", "Montana"}, {"mont", "Montana"}, {"ne", "Nebraska"}, {"neb", "Nebraska"},
      {"nebr", "Nebraska"}, {"nv", "Nevada"}, {"nev", "Nevada"}, {"nh", "New Hampshire"}, {"nj", "New Jersey"},
      {"nm", "New Mexico"}, {"ny", "New York"}, {"nc", "North Carolina"}, {"nd", "North Dakota"},
      {"oh", "Ohio"}, {"ok", "Oklahoma"}, {"okla", "Oklahoma"}, {"or", "Oregon"}, {"ore", "Oregon"},
      {"pa", "Pennsylvania"}, {"ri", "Rhode Island"}, {"sc", "South Carolina"}, {"sd", "South Dakota"},
      {"tn", "Tennessee"}, {"tenn", "Tennessee"}, {"tx", "Texas"}, {"tex", "Texas"}, {"ut", "Utah"},
      {"vt", "Vermont"}, {"va", "Virginia"}, {"wa", "Washington"}, {"wash", "Washington"},
      {"wv", "West Virginia"}, {"wva", "West Virginia"}, {"wi", "Wisconsin"}, {"wis", "Wisconsin"},
      {"wisc", "Wisconsin"}, {"wy", "Wyoming"}, {"wyo", "Wyoming"}};
  return m;
}

std::string folded_without_periods(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '.') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

// The gazetteer's entry for a state's name: the state where there is one (the
// country Georgia else, whose name is the same).
int state_entity(const Gazetteer& gaz, std::string_view name) {
  int found = -1;
  for (const GazAlias* a : gaz.lookup(name)) {
    const GazEntity& e = gaz.entity(a->entity);
    if (e.type != EntityType::kPlace) continue;
    if (e.kind == "state") return a->entity;
    if (found < 0) found = a->entity;
  }
  return found;
}

void make_state(const Gazetteer& gaz, std::string_view state, int sent, size_t token, std::vector<size_t>* in_sentence,
                std::vector<TaggerSpan>* spans) {
  const int entity = state_entity(gaz, state);
  TaggerSpan* at = nullptr;
  for (size_t i : *in_sentence) {
    TaggerSpan& s = (*spans)[i];
    if (!s.dropped && s.begin <= token && token < s.end) at = &s;
  }
  if (at && (at->begin != token || at->end != token + 1)) return;  // inside a longer name: leave it
  if (!at) {
    in_sentence->push_back(spans->size());
    at = &spans->emplace_back();
    at->sent = sent;
    at->begin = token;
    at->end = token + 1;
  }
  at->type = EntityType::kPlace;
  at->misc = false;
  at->model_per = false;
  at->demonym = false;
  at->gaz_entity = entity;
  at->source = entity >= 0 ? SpanSource::kGazetteer : at->source;
  at->canonical = std::string(state);
}

}  // namespace

std::string_view state_of_abbreviation(std::string_view abbreviation) {
  const std::string key = folded_without_periods(abbreviation);
  auto it = abbreviations().find(key);
  return it == abbreviations().end() ? std::string_view() : it->second;
}

void resolve_state_abbreviations(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans) {
  std::vector<std::vector<size_t>> by_sentence(article.sentences.size());
  for (size_t i = 0; i < spans->size(); ++i) by_sentence[(*spans)[i].sent].push_back(i);
  for (size_t sent = 0; sent < article.sentences.size(); ++sent) {
    const NerSentence& tokens = article.sentences[sent];
    std::vector<size_t>& in_sentence = by_sentence[sent];
    for (size_t t = 0; t < tokens.size(); ++t) {
      const std::string& text = tokens[t].text;
      std::string_view state;
      if (text.size() >= 4 && text.size() <= 8 && is_party_letter(text.substr(0, 1)) && text[1] == '-' &&
          starts_upper(std::string_view(text).substr(2))) {
        state = state_of_abbreviation(std::string_view(text).substr(2));  // "R-La", "D-Ca."
      } else if (t >= 2 && text.size() <= 5 && starts_upper(text) && tokens[t - 1].text == "," &&
                 !state_of_abbreviation(text).empty()) {
        // "Boston, Mass.": after a place and a comma. A state's own alias matched
        // already ("Calif"): nothing to do. The model's one-word place there
        // counts as a place before ("Jackson, Miss.").
        bool place_before = false, known = false, place_here = false;
        for (size_t i : in_sentence) {
          const TaggerSpan& s = (*spans)[i];
          if (s.dropped) continue;
          place_before |= s.type == EntityType::kPlace && s.end == t - 1;
          if (s.begin != t) continue;
          known |= s.gaz_entity >= 0;
          place_here |= s.type == EntityType::kPlace && s.end == t + 1;
        }
        if ((place_before || place_here) && !known) state = state_of_abbreviation(text);
      }
      if (!state.empty()) make_state(gaz, state, static_cast<int>(sent), t, &in_sentence, spans);
    }
  }
}

}  // namespace dossier
