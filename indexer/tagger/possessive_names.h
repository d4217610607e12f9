// Possessives at the edges of the sequence model's names. The model joins a
// known name and the name after it through "’s" ("Justice Department’s Office
// of Legal Counsel") and starts names with a stray "’s" ("Trump" "’s Supreme
// Court"), though names in "America’s" are real ("America’s Voice").
#pragma once

#include <vector>

#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Bounds the model's span `m` of sentence `tokens` at possessives before the
// merge, given the spans the gazetteer and rules found so far:
// - "America" "’s Voice" and "America’s" "Voice" become "America’s Voice" when
//   no gazetteer organization or person lies inside ("America’s NATO allies");
// - a leading "’s" is cut off;
// - where the words before a possessive inside the span are a gazetteer name,
//   the span is what follows ("Office of Legal Counsel", "Lewis & Clark College"
//   of "Oregon’s Lewis & Clark College"), except after "America".
// False when what is left is no name ("the Justice Department’s No. 2 official").
bool bound_name_at_possessives(const NerSentence& tokens, const std::vector<TaggerSpan>& spans, TaggerSpan* m);

}  // namespace dossier
