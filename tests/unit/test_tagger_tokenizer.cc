// Tests for the NER tokenizer: PTB-like tokens, byte offsets, sentence breaks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/tagger/ner_tokenizer.h"

using dossier::tokenize_for_ner;

namespace {

std::vector<std::string> texts(std::string_view text, const dossier::HyphenSplitter& h = nullptr) {
  std::vector<std::string> out;
  for (const auto& s : tokenize_for_ner(text, h)) {
    for (const auto& t : s) out.push_back(t.text);
  }
  return out;
}

}  // namespace

TEST_CASE("tagger: tokenizer splits possessives and keeps abbreviations whole") {
  CHECK(texts("Japan's U.S. envoy") == std::vector<std::string>{"Japan", "'s", "U.S.", "envoy"});
  CHECK(texts("Japan\xE2\x80\x99s G-7 role") == std::vector<std::string>{"Japan", "\xE2\x80\x99s", "G-7", "role"});
  CHECK(texts("Reuters' report") == std::vector<std::string>{"Reuters", "'", "report"});
  CHECK(texts("We'll see, don't worry.") ==
        std::vector<std::string>{"We", "'ll", "see", ",", "do", "n't", "worry", "."});
  CHECK(texts("(Photo courtesy)(Kyodo)") ==
        std::vector<std::string>{"(", "Photo", "courtesy", ")", "(", "Kyodo", ")"});
  CHECK(texts("\xE2\x80\x9CStrategic\xE2\x80\x9D talks") ==
        std::vector<std::string>{"\xE2\x80\x9C", "Strategic", "\xE2\x80\x9D", "talks"});
}

TEST_CASE("tagger: tokenizer splits a slash before a capital, not in addresses, dates or words") {
  CHECK(texts("Scott Olson/Getty Images") == std::vector<std::string>{"Scott", "Olson", "/", "Getty", "Images"});
  CHECK(texts("Saul Loeb/AFP/Getty") == std::vector<std::string>{"Saul", "Loeb", "/", "AFP", "/", "Getty"});
  CHECK(texts("a Reuters/Ipsos poll") == std::vector<std::string>{"a", "Reuters", "/", "Ipsos", "poll"});
  CHECK(texts("after 9/11 and/or") == std::vector<std::string>{"after", "9/11", "and/or"});
  CHECK(texts("see https://www.state.gov/Briefings now") ==
        std::vector<std::string>{"see", "https://www.state.gov/Briefings", "now"});
}

TEST_CASE("tagger: tokenizer cuts a name glued to the next words when the name also stands alone") {
  // The Hill's hover cards: "Speaker Nancy Pelosi Nancy PelosiOn The Money".
  CHECK(texts("Speaker Nancy Pelosi Nancy PelosiOn The Money") ==
        std::vector<std::string>{"Speaker", "Nancy", "Pelosi", "Nancy", "Pelosi", "On", "The", "Money"});
  CHECK(texts("Mitch McConnell. Mitchell McConnellGOP senators") ==
        std::vector<std::string>{"Mitch", "McConnell", ".", "Mitchell", "McConnell", "GOP", "senators"});
  // A name glued to a number ("Clinton2020 Democrats"), when the name stands alone.
  CHECK(texts("Hillary Clinton Hillary Diane Rodham Clinton2020 Democrats") ==
        std::vector<std::string>{"Hillary", "Clinton", "Hillary", "Diane", "Rodham", "Clinton", "2020", "Democrats"});
  CHECK(texts("the Boeing737 order") == std::vector<std::string>{"the", "Boeing737", "order"});
  // Brand names whose first part never stands alone, and short prefixes, stay whole.
  CHECK(texts("WikiLeaks and BuzzFeed reported it") ==
        std::vector<std::string>{"WikiLeaks", "and", "BuzzFeed", "reported", "it"});
  CHECK(texts("Wiki pages and the McConnell camp; MacArthur") ==
        std::vector<std::string>{"Wiki", "pages", "and", "the", "McConnell", "camp", ";", "MacArthur"});
  // The pieces keep their byte offsets, and paragraph breaks stay where they were.
  std::string text = "Trump spoke.\n\nPresident TrumpSessions said no";
  auto sentences = tokenize_for_ner(text);
  REQUIRE(sentences.size() == 2);
  REQUIRE(sentences[1].size() == 5);
  CHECK(sentences[1][1].text == "Trump");
  CHECK(sentences[1][2].text == "Sessions");
  for (const auto& s : sentences)
    for (const auto& t : s) CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
}

TEST_CASE("tagger: tokenizer offsets point at the token bytes") {
  std::string text = "Mr. Xi met Erdo\xC4\x9F" "an's aide.";
  for (const auto& s : tokenize_for_ner(text)) {
    for (const auto& t : s) CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
  }
}

TEST_CASE("tagger: tokenizer splits name hyphens only where told") {
  CHECK(texts("a U.S.-China summit") == std::vector<std::string>{"a", "U.S.", "-", "China", "summit"});
  CHECK(texts("Jean-Philippe Fleurian") == std::vector<std::string>{"Jean-Philippe", "Fleurian"});
  auto places = [](std::string_view l, std::string_view r) { return l == "russia" || r == "russia"; };
  CHECK(texts("North Korea-Russia ties", places) ==
        std::vector<std::string>{"North", "Korea", "-", "Russia", "ties"});
  CHECK(texts("Jean-Philippe Fleurian", places) == std::vector<std::string>{"Jean-Philippe", "Fleurian"});
}

TEST_CASE("tagger: tokenizer sentence breaks skip abbreviations") {
  auto sentences = tokenize_for_ner("Mr. Blinken met U.S. President Joe Biden. He left.\n\nNew paragraph here");
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].size() == 8);
  CHECK(sentences[1].front().text == "He");
  CHECK(sentences[2].front().text == "New");
  // A single newline (hard-wrapped text) does not end a sentence.
  CHECK(tokenize_for_ner("Antony\nBlinken said").size() == 1);
}

TEST_CASE("tagger: tokenizer keeps list numbers at line start whole") {
  auto sentences = tokenize_for_ner("Results:\n\n3. Rodica Matescu ( Romania )\n\nHe was 3. Then left.");
  REQUIRE(sentences.size() >= 3);
  CHECK(sentences[1].front().text == "3.");
  CHECK(sentences[1][1].text == "Rodica");
  // Mid-sentence "3." is a number and a full stop.
  CHECK(sentences[2][2].text == "3");
}
