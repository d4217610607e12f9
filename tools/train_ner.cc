// train_ner: trains the NER SequenceModel (data/model/ner.model) from CoNLL-2003
// train and GMB, choosing the epoch count on a held-out slice of CoNLL train, and
// reports exact-span scores of the model alone on a --dev file (report only: no
// decision is made from it).
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "indexer/tagger/ner_features.h"
#include "indexer/tagger/sequence_corpus.h"
#include "indexer/tagger/sequence_perceptron.h"
#include "indexer/tagger/sequence_trainer.h"

namespace {

using namespace dossier;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Options {
  std::string conll, gmb, gazetteer = "data/gazetteer", out = "data/model/ner.model", dev;
  int epochs = 0;           // 0: choose on the held-out part of CoNLL train
  int max_epochs = 12;
  double holdout = 0.1;     // fraction of CoNLL train documents held out for choosing epochs
  double gmb_fraction = 1.0;
  int min_count = 1;
  float prune = 0.0f;
  unsigned seed = 1;
  bool domain_copies = false;
};

// Scores a model on labelled sentences; also returns tokens per second.
SpanScorer Evaluate(const SequenceModel& model, const std::vector<LabeledSentence>& data,
                    double* tokens_per_second) {
  SpanScorer scorer;
  size_t tokens = 0;
  const auto start = Clock::now();
  for (const LabeledSentence& s : data) {
    scorer.Add(s.labels, model.predict(s.tokens));
    tokens += s.tokens.size();
  }
  if (tokens_per_second) *tokens_per_second = tokens / std::max(Seconds(start), 1e-9);
  return scorer;
}

std::vector<LabeledSentence> Subsample(std::vector<LabeledSentence> all, double fraction, unsigned seed) {
  if (fraction >= 1.0) return all;
  std::mt19937 rng(seed);
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(static_cast<size_t>(all.size() * fraction));
  return all;
}

// Trains for `epochs` passes; when `holdout` is given, evaluates the averaged
// weights on it after each pass and returns the best pass number.
int Train(const Options& o, const NerLexicon& lexicon, const std::vector<const std::vector<LabeledSentence>*>& corpora,
          int epochs, const std::vector<LabeledSentence>* holdout, std::shared_ptr<SequenceWeights>* final_weights) {
  const auto start = Clock::now();
  SequenceTrainer trainer(&lexicon);
  // Domains: CoNLL is the one tagged like (SequenceTrainer::kTaggingDomain); GMB
  // gets its own feature copies when --domain-copies is on.
  for (size_t i = 0; i < corpora.size(); ++i) {
    trainer.AddCorpus(*corpora[i], o.domain_copies ? static_cast<uint8_t>(i + 1) : 0);
  }
  trainer.PruneRareFeatures(o.min_count);
  std::fprintf(stderr, "  %zu tokens, %zu features, extracted in %.1fs\n", trainer.num_tokens(),
               trainer.num_features(), Seconds(start));
  std::mt19937 rng(o.seed);
  auto shared_lexicon = std::shared_ptr<const NerLexicon>(&lexicon, [](const NerLexicon*) {});
  int best_epoch = epochs;
  double best_f1 = -1;
  for (int e = 1; e <= epochs; ++e) {
    const size_t errors = trainer.Epoch(&rng);
    std::fprintf(stderr, "  epoch %d: %zu token errors (%.2f%%), %.1fs\n", e, errors,
                 100.0 * errors / trainer.num_tokens(), Seconds(start));
    if (holdout) {
      PerceptronSequenceModel model(trainer.Averaged(o.prune), shared_lexicon);
      const SpanScorer s = Evaluate(model, *holdout, nullptr);
      std::fprintf(stderr, "    held-out F1 overall %.4f  PER+ORG+LOC %.4f  PER %.4f\n", s.overall().f1(),
                   s.per_org_loc().f1(), s.type(SpanScorer::kPer).f1());
      if (s.overall().f1() > best_f1) { best_f1 = s.overall().f1(); best_epoch = e; }
    }
  }
  if (final_weights) *final_weights = trainer.Averaged(o.prune);
  return best_epoch;
}

int Run(const Options& o, const std::string& command_line) {
  const auto start = Clock::now();
  NerLexicon lexicon;
  Status s = NerLexicon::Load(o.gazetteer, &lexicon);
  if (!s.ok()) { std::fprintf(stderr, "train_ner: %s\n", s.message().c_str()); return 1; }
  std::fprintf(stderr, "gazetteer: %zu countries, %zu demonyms, %zu places, %zu orgs, %zu persons, %zu first names, %zu titles\n",
               lexicon.size(NerLexicon::kCountry), lexicon.size(NerLexicon::kDemonym),
               lexicon.size(NerLexicon::kPlace), lexicon.size(NerLexicon::kOrg), lexicon.size(NerLexicon::kPerson),
               lexicon.size(NerLexicon::kFirstName), lexicon.size(NerLexicon::kTitle));

  std::vector<LabeledSentence> conll, gmb;
  s = ReadConll(o.conll, &conll);
  if (!s.ok()) { std::fprintf(stderr, "train_ner: %s\n", s.message().c_str()); return 1; }
  if (!o.gmb.empty()) {
    s = ReadGmb(o.gmb, lexicon, &gmb);
    if (!s.ok()) { std::fprintf(stderr, "train_ner: %s\n", s.message().c_str()); return 1; }
    gmb = Subsample(std::move(gmb), o.gmb_fraction, o.seed);
  }
  std::fprintf(stderr, "read %zu CoNLL and %zu GMB sentences in %.1fs\n", conll.size(), gmb.size(), Seconds(start));

  int epochs = o.epochs;
  if (epochs <= 0) {
    // Hold out the last documents of CoNLL train to choose the epoch count.
    const int last_doc = conll.empty() ? 0 : conll.back().doc;
    const int cut = last_doc - static_cast<int>(last_doc * o.holdout);
    std::vector<LabeledSentence> fit, held;
    for (const LabeledSentence& x : conll) (x.doc > cut ? held : fit).push_back(x);
    std::fprintf(stderr, "choosing epochs: %zu sentences fit, %zu held out\n", fit.size(), held.size());
    epochs = Train(o, lexicon, {&fit, &gmb}, o.max_epochs, &held, nullptr);
    std::fprintf(stderr, "chose %d epochs\n", epochs);
  }
  std::fprintf(stderr, "training on everything for %d epochs\n", epochs);
  std::shared_ptr<SequenceWeights> weights;
  Train(o, lexicon, {&conll, &gmb}, epochs, nullptr, &weights);
  char desc[512];
  std::snprintf(desc, sizeof desc, "averaged perceptron NER, %d epochs, %zu CoNLL + %zu GMB sentences; %s",
                epochs, conll.size(), gmb.size(), command_line.c_str());
  weights->set_description(desc);
  s = weights->Save(o.out, o.prune);
  if (!s.ok()) { std::fprintf(stderr, "train_ner: %s\n", s.message().c_str()); return 1; }
  std::fprintf(stderr, "wrote %s (%zu features) after %.1fs total\n", o.out.c_str(), weights->size(), Seconds(start));

  if (!o.dev.empty()) {
    std::unique_ptr<SequenceModel> model;
    s = SequenceModel::Load(o.out, o.gazetteer, &model);  // the file as saved, quantized and pruned
    if (!s.ok()) { std::fprintf(stderr, "train_ner: reloading: %s\n", s.message().c_str()); return 1; }
    std::vector<LabeledSentence> dev;
    s = ReadConll(o.dev, &dev);
    if (!s.ok()) { std::fprintf(stderr, "train_ner: %s\n", s.message().c_str()); return 1; }
    double tps = 0;
    const SpanScorer score = Evaluate(*model, dev, &tps);
    std::printf("dev %s (model alone, exact spans):\n%s", o.dev.c_str(), score.Report().c_str());
    std::printf("tagging speed: %.0f tokens/s (one thread)\n", tps);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the NER sequence model"};
  Options o;
  app.add_option("--conll", o.conll, "CoNLL-2003 train file")->required();
  app.add_option("--gmb", o.gmb, "GMB ner_dataset.csv(.gz)");
  app.add_option("--gazetteer", o.gazetteer, "gazetteer directory (data/gazetteer)");
  app.add_option("--out", o.out, "model file to write");
  app.add_option("--dev", o.dev, "CoNLL file to report scores on (never used for choices)");
  app.add_option("--epochs", o.epochs, "training passes (default: chosen on held-out CoNLL train)");
  app.add_option("--max-epochs", o.max_epochs, "most passes tried when choosing");
  app.add_option("--holdout", o.holdout, "fraction of CoNLL train documents held out for choosing");
  app.add_option("--gmb-fraction", o.gmb_fraction, "fraction of GMB sentences used");
  app.add_option("--min-count", o.min_count, "drop features seen fewer times in training");
  app.add_option("--prune", o.prune, "drop weights smaller than this in the saved model");
  app.add_option("--seed", o.seed, "shuffling seed");
  app.add_flag("--domain-copies", o.domain_copies, "give each corpus private copies of the features");
  CLI11_PARSE(app, argc, argv);
  std::string command_line = "train_ner";
  for (int i = 1; i < argc; ++i) command_line += std::string(" ") + argv[i];
  return Run(o, command_line);
}
