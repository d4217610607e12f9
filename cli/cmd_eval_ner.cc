// `dossier eval-ner --conll FILE [--json]`: scores the entity tagger on a CoNLL-2003
// file the way conlleval does (exact spans; PER, ORG, LOC; MISC not scored).
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "indexer/tagger/conll_eval.h"
#include "indexer/tagger/entity_tagger.h"

namespace dossier {
namespace {

struct EvalArgs {
  std::string conll;
  bool json = false;
};

nlohmann::ordered_json score_json(const NerScore& s) {
  return {{"precision", s.precision()}, {"recall", s.recall()}, {"f1", s.f1()},
          {"gold", s.gold}, {"predicted", s.predicted}, {"correct", s.correct}};
}

void print_row(const std::string& name, const NerScore& s) {
  std::printf("%-8s %9.2f%% %9.2f%% %9.2f %8d %10d %8d\n", name.c_str(), 100 * s.precision(), 100 * s.recall(),
              100 * s.f1(), s.gold, s.predicted, s.correct);
}

void run_eval(const EvalArgs& args) {
  std::vector<ConllDocument> docs;
  Status s = read_conll_file(args.conll, &docs);
  if (!s.ok()) fail(s);
  std::unique_ptr<EntityTagger> tagger;
  s = EntityTagger::Load(data_dir(), &tagger);
  if (!s.ok()) fail(s);
  if (!tagger->has_model()) std::cerr << "dossier: warning: " << tagger->load_note() << "\n";
  NerEvaluation eval = evaluate_conll(*tagger, docs);
  if (args.json) {
    nlohmann::ordered_json out;
    for (const auto& [type, score] : eval.by_type) out[type] = score_json(score);
    out["overall"] = score_json(eval.overall);
    out["documents"] = eval.documents;
    out["tokens"] = eval.tokens;
    out["model"] = tagger->has_model();
    out["seconds"] = eval.seconds;
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::printf("processed %d tokens in %d sentences, %d documents (%.2f s tagging); tagger: %s\n", eval.tokens,
              eval.sentences, eval.documents, eval.seconds,
              tagger->has_model() ? "model + gazetteers + rules" : "gazetteers + rules only");
  std::printf("%-8s %10s %10s %9s %8s %10s %8s\n", "type", "precision", "recall", "F1", "gold", "predicted",
              "correct");
  for (const auto& [type, score] : eval.by_type) print_row(type, score);
  print_row("overall", eval.overall);
}

}  // namespace

void register_eval_ner_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval-ner", "Score the entity tagger on a CoNLL-2003 file (span P/R/F1)");
  cmd->add_option("--conll", args->conll, "CoNLL file: TOKEN ... TAG per line, IOB1 or IOB2, -DOCSTART- documents")
      ->required();
  cmd->add_flag("--json", args->json,
                "JSON output: {\"PER\": {precision, recall, f1, gold, predicted}, \"ORG\", \"LOC\", \"overall\"} "
                "with fractions 0..1");
  cmd->footer(
      "Each document is tagged as one article (tokens joined by spaces, one sentence per paragraph), so\n"
      "in-article coreference applies. Gold MISC and predicted demonyms (\"Japanese\") are not scored.");
  cmd->callback([args] { run_eval(*args); });
}

}  // namespace dossier
