// Tests of the NER sequence model: the committed data/model/ner.model on hand-written
// sentences, the model file's error handling, and a regression floor on CoNLL valid.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/tagger/ner_features.h"
#include "indexer/tagger/sequence_corpus.h"
#include "indexer/tagger/sequence_model.h"
#include "indexer/tagger/sequence_weights.h"

namespace {

using namespace dossier;

const std::string kModel = std::string(DOSSIER_SOURCE_DIR) + "/data/model/ner.model";
const std::string kGazetteer = std::string(DOSSIER_SOURCE_DIR) + "/data/gazetteer";

std::vector<NerToken> Tokens(const std::string& text) {
  std::vector<NerToken> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) out.push_back(NerToken{w, 0, 0});
  return out;
}

// Labels as "word/LABEL" pairs, for readable failure messages.
std::string Tagged(const SequenceModel& model, const std::string& text) {
  const std::vector<NerToken> toks = Tokens(text);
  const std::vector<NerLabel> labels = model.predict(toks);
  std::string out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += toks[i].text + "/" + std::string(NerLabelName(labels[i]));
  }
  return out;
}

std::unique_ptr<SequenceModel> LoadModel() {
  std::unique_ptr<SequenceModel> model;
  const Status s = SequenceModel::Load(kModel, kGazetteer, &model);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return model;
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("dossier_test_") + name)).string();
}

}  // namespace

TEST_CASE("ner model: tags names, titles and places in hand-written sentences") {
  auto model = LoadModel();
  const std::string a = Tagged(*model, "Secretary of State Antony Blinken met Foreign Minister Yoko Kamikawa in Tokyo .");
  CHECK_MESSAGE(a.find("Antony/B-PER Blinken/I-PER") != std::string::npos, a);
  CHECK_MESSAGE(a.find("Yoko/B-PER Kamikawa/I-PER") != std::string::npos, a);
  CHECK_MESSAGE(a.find("Tokyo/B-LOC") != std::string::npos, a);
  CHECK_MESSAGE(a.find("met/O") != std::string::npos, a);

  const std::string b = Tagged(*model, "The European Union and the United Nations criticised Russia on Tuesday .");
  CHECK_MESSAGE(b.find("European/B-ORG Union/I-ORG") != std::string::npos, b);
  CHECK_MESSAGE(b.find("United/B-ORG Nations/I-ORG") != std::string::npos, b);
  CHECK_MESSAGE(b.find("Russia/B-LOC") != std::string::npos, b);
  CHECK_MESSAGE(b.find("Tuesday/O") != std::string::npos, b);

  const std::string c = Tagged(*model, "Chinese President Xi Jinping told reporters in Beijing that talks would resume .");
  CHECK_MESSAGE(c.find("Chinese/B-MISC") != std::string::npos, c);
  CHECK_MESSAGE(c.find("Xi/B-PER Jinping/I-PER") != std::string::npos, c);
  CHECK_MESSAGE(c.find("Beijing/B-LOC") != std::string::npos, c);
}

TEST_CASE("ner model: output is well-formed IOB2 with one label per token") {
  auto model = LoadModel();
  for (const char* text : {"", "Hello", "U.S. officials said the G-7 summit in Hiroshima ended .",
                           "\xC3\x89lys\xC3\xA9" "e Palace aide Fran\xC3\xA7ois Dupont resigned ."}) {
    const std::vector<NerToken> toks = Tokens(text);
    const std::vector<NerLabel> labels = model->predict(toks);
    REQUIRE(labels.size() == toks.size());
    NerLabel prev = NerLabel::O;
    for (NerLabel l : labels) {
      CHECK(ValidTransition(prev, l));
      prev = l;
    }
  }
}

TEST_CASE("ner model: Load reports a missing or corrupt model file") {
  std::unique_ptr<SequenceModel> model;
  Status s = SequenceModel::Load(TempPath("no_such_model"), kGazetteer, &model);
  CHECK_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kNotFound);

  const std::string garbage = TempPath("garbage.model");
  { std::ofstream(garbage) << "this is not a model\n"; }
  s = SequenceModel::Load(garbage, kGazetteer, &model);
  CHECK_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kCorruption);

  // A truncated copy of the real model: gzip or the checksum must notice.
  std::ifstream in(kModel, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  const std::string truncated = TempPath("truncated.model");
  { std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2); }
  s = SequenceModel::Load(truncated, kGazetteer, &model);
  CHECK_FALSE(s.ok());
  std::filesystem::remove(garbage);
  std::filesystem::remove(truncated);
}

TEST_CASE("ner model: weights survive a save and load within quantization") {
  SequenceWeights w;
  const float a[kNumNerLabels] = {1.5f, -2.25f, 0, 0, 0.001f, 0, 0, 3.0f, -0.5f};
  const float b[kNumNerLabels] = {0, 0, 0, 0, 0, 0, 0, 0, 0.75f};
  const float tiny[kNumNerLabels] = {0.001f, 0, 0, 0, 0, 0, 0, 0, 0};
  w.Set(42, a);
  w.Set(0xffffffffffffULL, b);
  w.Set(7, tiny);
  w.set_description("unit test");
  const std::string path = TempPath("roundtrip.model");
  REQUIRE(w.Save(path, 0.01f).ok());
  SequenceWeights r;
  REQUIRE(SequenceWeights::Load(path, &r).ok());
  CHECK(r.size() == 2);  // the all-tiny feature was pruned
  CHECK(r.description() == "unit test");
  REQUIRE(r.Find(42) != nullptr);
  for (int l = 0; l < kNumNerLabels; ++l) {
    const float want = l == 4 ? 0.0f : a[l];  // 0.001 is below the pruning threshold
    CHECK(r.Find(42)[l] == doctest::Approx(want).epsilon(0.001));
  }
  REQUIRE(r.Find(0xffffffffffffULL) != nullptr);
  CHECK(r.Find(0xffffffffffffULL)[8] == doctest::Approx(0.75).epsilon(0.001));
  CHECK(r.Find(7) == nullptr);
  CHECK(r.Find(43) == nullptr);
  std::filesystem::remove(path);
}

TEST_CASE("ner model: PER F1 on CoNLL-2003 valid stays above the regression floor") {
  const std::string valid = std::string(DOSSIER_SHARED_CORPORA) + "/conll2003/valid.txt";
  if (!std::filesystem::exists(DOSSIER_SHARED_CORPORA) || !std::filesystem::exists(valid)) {
    MESSAGE("skipped: " << valid << " not present");
    return;
  }
  auto model = LoadModel();
  std::vector<LabeledSentence> dev;
  REQUIRE(ReadConll(valid, &dev).ok());
  REQUIRE(dev.size() > 3000);
  SpanScorer scorer;
  for (const LabeledSentence& s : dev) scorer.Add(s.labels, model->predict(s.tokens));
  MESSAGE("CoNLL valid, model alone:\n" << scorer.Report());
  CHECK(scorer.type(SpanScorer::kPer).f1() >= 0.88);
  CHECK(scorer.per_org_loc().f1() >= 0.85);
}

TEST_CASE("ner model: tokens two or more words away from any capital are left unscored") {
  std::vector<uint8_t> near;
  // "The" opening a sentence is no name; "Friday" and "Blinken" mark themselves
  // and the word before; the word after only when it may continue a name.
  const std::vector<NerToken> a = Tokens("The talks ended late , and on Friday Blinken flew home to rest .");
  CHECK(MarkTokensNearNames(a, &near) == 3);
  const std::vector<uint8_t> want_a = {0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0};
  CHECK(near == want_a);
  // "of" and "the" inside "Bank of the West": "of" may continue "Bank", "the"
  // precedes "West", and "in" may continue "West" ("West in 2019" is no name, but
  // "Fox in Socks" could be).
  const std::vector<NerToken> c = Tokens("he joined Bank of the West in 2019");
  CHECK(MarkTokensNearNames(c, &near) == 6);
  const std::vector<uint8_t> want_c = {0, 1, 1, 1, 1, 1, 1, 0};
  CHECK(near == want_c);
  // An all-lowercase sentence is not scored at all, and the model leaves it O.
  const std::vector<NerToken> b = Tokens("But the rates were left unchanged for now .");
  CHECK(MarkTokensNearNames(b, &near) == 0);
  // Sentence-initial capitals that are not function words, all-caps words and
  // accented capitals count ("US", "Élysée").
  CHECK(MarkTokensNearNames(Tokens("US officials said nothing more ."), &near) == 1);
  CHECK(MarkTokensNearNames(Tokens("they met at the \xC3\x89lys\xC3\xA9""e palace late on sunday"), &near) == 2);
  auto model = LoadModel();
  const std::string t = Tagged(*model, "The talks ended late , and on Friday Blinken flew home to rest .");
  CHECK_MESSAGE(t.find("Blinken/B-PER") != std::string::npos, t);
}
