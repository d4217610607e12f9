// Tests for CoNLL reading, chunking and re-tagging (tests/data/tagger/sample.conll).
#include <doctest/doctest.h>

#include <memory>

#include "indexer/tagger/conll_eval.h"

using namespace dossier;

TEST_CASE("tagger: conll chunks read IOB1 and IOB2") {
  auto iob2 = conll_chunks({"B-PER", "I-PER", "O", "B-LOC", "B-LOC"}, 0);
  REQUIRE(iob2.size() == 3);
  CHECK(iob2[0] == ConllSpan{0, 0, 2, "PER"});
  CHECK(iob2[1] == ConllSpan{0, 3, 4, "LOC"});
  CHECK(iob2[2] == ConllSpan{0, 4, 5, "LOC"});
  auto iob1 = conll_chunks({"I-ORG", "I-ORG", "I-LOC", "O", "I-PER"}, 2);
  REQUIRE(iob1.size() == 3);
  CHECK(iob1[0] == ConllSpan{2, 0, 2, "ORG"});
  CHECK(iob1[1] == ConllSpan{2, 2, 3, "LOC"});
  CHECK(iob1[2] == ConllSpan{2, 4, 5, "PER"});
}

TEST_CASE("tagger: eval-ner scores a small CoNLL file per type") {
  std::string dir = std::string(DOSSIER_SOURCE_DIR) + "/tests/data/tagger";
  std::vector<ConllDocument> docs;
  REQUIRE(read_conll_file(dir + "/sample.conll", &docs).ok());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].tokens.size() == 2);
  std::unique_ptr<EntityTagger> tagger;
  REQUIRE(EntityTagger::Load(dir, &tagger).ok());
  NerEvaluation eval = evaluate_conll(*tagger, docs);
  // Gold: Tony Blinken, Blinken (PER); Japan, Gaza (LOC); NATO (ORG); Japanese is MISC.
  CHECK(eval.by_type["PER"].gold == 2);
  CHECK(eval.by_type["PER"].correct == 2);  // "Blinken" joins "Tony Blinken" in the same document
  CHECK(eval.by_type["LOC"].gold == 2);
  CHECK(eval.by_type["LOC"].correct == 2);
  CHECK(eval.by_type["ORG"].correct == 1);
  CHECK(eval.overall.predicted == 5);  // the demonym "Japanese" is not scored
  CHECK(eval.overall.f1() == doctest::Approx(1.0));
}

TEST_CASE("tagger: bad CoNLL input is an error naming the file") {
  std::vector<ConllDocument> docs;
  Status missing = read_conll_file("/nonexistent/x.conll", &docs);
  CHECK_FALSE(missing.ok());
  CHECK(missing.message().find("/nonexistent/x.conll") != std::string::npos);
  std::string not_conll = std::string(DOSSIER_SOURCE_DIR) + "/tests/data/tagger/gazetteer/orgs.tsv";
  Status bad = read_conll_file(not_conll, &docs);
  CHECK_FALSE(bad.ok());
  CHECK(bad.message().find("orgs.tsv") != std::string::npos);
}
