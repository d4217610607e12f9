// CoNLL-2003 evaluation of the entity tagger: reads a CoNLL file (token first,
// NER tag last, IOB1 or IOB2, -DOCSTART- between documents), tags each document as
// one article (so in-article coreference applies), and scores exact-span
// precision, recall and F1 per type the way conlleval does. PER, ORG and LOC are
// scored; gold MISC and predicted demonyms (which CoNLL calls MISC) are left out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/entity_tagger.h"

namespace dossier {

struct ConllDocument {
  std::vector<std::vector<std::string>> tokens;  // per sentence
  std::vector<std::vector<std::string>> tags;    // NER tag per token ("B-PER", "O")
};

Status read_conll_file(const std::string& path, std::vector<ConllDocument>* docs);

// A labelled token span [begin, end) in sentence `sent`.
struct ConllSpan {
  int sent = 0;
  int begin = 0, end = 0;
  std::string type;  // PER, ORG, LOC, MISC
  auto operator<=>(const ConllSpan&) const = default;
};

// Chunks of one sentence's tags, IOB1 or IOB2.
std::vector<ConllSpan> conll_chunks(const std::vector<std::string>& tags, int sent);

struct NerScore {
  int gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / predicted : 0.0; }
  double recall() const { return gold ? double(correct) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct NerEvaluation {
  std::map<std::string, NerScore> by_type;  // "PER", "ORG", "LOC"
  NerScore overall;
  int documents = 0, sentences = 0, tokens = 0;
  double seconds = 0;  // tagging time only
};

// Tags one document and returns its predicted spans (demonyms as MISC).
std::vector<ConllSpan> tag_conll_document(const EntityTagger& tagger, const ConllDocument& doc);

NerEvaluation evaluate_conll(const EntityTagger& tagger, const std::vector<ConllDocument>& docs);

}  // namespace dossier
