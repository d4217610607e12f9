// Tests for searcher/snippet_stemmer: the memo returns what the Snowball
// stemmer returns, stems each word once, stays bounded, and MSet::snippet
// makes the same snippets with it as with a plain Xapian::Stem.
#include "searcher/snippet_stemmer.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <xapian.h>

namespace {

const std::vector<std::string> kWords = {"elections", "elected", "talks", "talking", "sanctioned", "ministers",
                                         "running",   "ran",     "",      "übergänge", "2023",      "blinken's"};

}  // namespace

TEST_CASE("snippet stemmer: the same stems as Xapian's, each word stemmed once") {
  auto* memo = new dossier::SnippetStemmer("en");
  Xapian::Stem cached(memo);  // owns memo
  Xapian::Stem plain("en");
  for (int round = 0; round < 3; ++round)
    for (const auto& w : kWords) CHECK(cached(w) == plain(w));
  // Xapian::Stem answers the empty word itself, without its implementation.
  CHECK(memo->misses() == kWords.size() - 1);
  CHECK(memo->size() == kWords.size() - 1);
  CHECK(cached(std::string("elections")) == "elect");
  CHECK(memo->get_description() == "en");
}

TEST_CASE("snippet stemmer: other languages and 'none'") {
  Xapian::Stem fr = dossier::make_snippet_stemmer("fr");
  CHECK(fr(std::string("élections")) == Xapian::Stem("fr")(std::string("élections")));
  Xapian::Stem none = dossier::make_snippet_stemmer("none");
  CHECK(none(std::string("elections")) == "elections");
  CHECK_THROWS_AS(dossier::make_snippet_stemmer("klingon"), Xapian::InvalidArgumentError);
}

TEST_CASE("snippet stemmer: the memo starts over past its bound") {
  auto* memo = new dossier::SnippetStemmer("en");
  Xapian::Stem cached(memo);
  for (size_t i = 0; i <= dossier::SnippetStemmer::kMaxWords; ++i) {
    std::string word = std::to_string(i);
    word += "ing";
    cached(word);
  }
  CHECK(memo->size() == 1);  // cleared when full, then the last word added
  CHECK(cached(std::string("5ing")) == Xapian::Stem("en")(std::string("5ing")));
}

TEST_CASE("snippet stemmer: MSet::snippet makes the same snippets with it") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string> texts = {
      "The elections were held on Sunday. Ministers talked about sanctions, and the elected council met. "
      "Talks on sanctions resumed after the election, officials said, while ministers were running late.",
      "Sanctions talks: the sanctioned banks were named. Nobody elected them; the talking went on for hours "
      "and the ministers ran out of time before any election was called."};
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("en"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  for (const auto& t : texts) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(t);
    db.add_document(doc);
  }
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("en"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  Xapian::Enquire enquire(db);
  enquire.set_query(qp.parse_query("elections sanctions talks"));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 2);
  Xapian::Stem cached = dossier::make_snippet_stemmer("en");
  Xapian::Stem plain("en");
  for (const auto& t : texts) {
    for (size_t length : {40, 80, 400}) {
      const std::string a = mset.snippet(t, length, plain, 0, "[", "]", "…");
      const std::string b = mset.snippet(t, length, cached, 0, "[", "]", "…");
      CHECK(a == b);
      CHECK(b.find('[') != std::string::npos);  // a stemmed match is highlighted
    }
  }
}
