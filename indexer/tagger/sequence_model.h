// SequenceModel: the statistical half of the entity tagger. An averaged-perceptron
// tagger trained on CoNLL-2003 train + GMB that labels the tokens of one sentence
// with IOB2 tags over PER, ORG, LOC and MISC. The rule layer (entity_tagger.cc)
// combines its spans with gazetteers and in-article coreference.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace dossier {

// One token as the tagger sees it: CoNLL/PTB-like ("Japan" "'s", "U.S.", "G-7").
struct NerToken {
  std::string text;
  size_t begin = 0;  // byte offsets into the tagged text
  size_t end = 0;
};

enum class NerLabel : uint8_t { O, B_PER, I_PER, B_ORG, I_ORG, B_LOC, I_LOC, B_MISC, I_MISC };
inline constexpr int kNumNerLabels = 9;

class SequenceModel {
 public:
  virtual ~SequenceModel() = default;
  // model_path: the trained weights (data/model/ner.model); gazetteer_dir: the
  // data/gazetteer files used for gazetteer features at train and tag time alike.
  static Status Load(const std::string& model_path, const std::string& gazetteer_dir,
                     std::unique_ptr<SequenceModel>* out);
  // Labels one sentence. Thread-safe (const, no shared mutable state).
  virtual std::vector<NerLabel> predict(const std::vector<NerToken>& sentence) const = 0;
};

}  // namespace dossier
