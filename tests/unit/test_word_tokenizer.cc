// Tests for common/word_tokenizer: ICU word splitting, word normalization
// (acronyms, apostrophes), byte offsets, CJK segmentation and the query-side
// CJK rewrite.
#include "common/word_tokenizer.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

using dossier::for_each_word;
using dossier::Word;

namespace {

struct Token {
  std::string raw, norm;
  size_t begin, end;
  bool cjk;
};

std::vector<Token> tokens(std::string_view text) {
  std::vector<Token> out;
  for_each_word(text, [&](const Word& w) {
    out.push_back({std::string(w.raw), w.norm, w.begin, w.end, w.is_cjk});
  });
  return out;
}

std::vector<std::string> norms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokens(text)) out.push_back(t.norm);
  return out;
}

void check_offsets(const std::string& text) {
  for_each_word(text, [&](const Word& w) {
    REQUIRE(w.end > w.begin);
    REQUIRE(w.end <= text.size());
    CHECK(w.raw == std::string_view(text).substr(w.begin, w.end - w.begin));
    CHECK(w.raw.data() == text.data() + w.begin);  // a view into the input, not a copy
  });
}

}  // namespace

TEST_CASE("tokenizer: English news sentence with punctuation") {
  const std::string text =
      "The U.S. and Japan's leaders met G-7 partners on Nov. 14, pledging $1,000 million "
      "(\"for now\") to Kyiv.";
  std::vector<std::string> expected = {"the", "us", "and", "japan's", "leaders", "met", "g", "7",
                                       "partners", "on", "nov", "14", "pledging", "1,000", "million",
                                       "for", "now", "to", "kyiv"};
  CHECK(norms(text) == expected);
  check_offsets(text);
  for (const auto& t : tokens(text)) CHECK_FALSE(t.cjk);
}

TEST_CASE("tokenizer: apostrophes and acronyms normalize to one form") {
  CHECK(norms("Japan's") == std::vector<std::string>{"japan's"});
  CHECK(norms("Japan\xE2\x80\x99s") == std::vector<std::string>{"japan's"});  // right single quote
  CHECK(norms("JAPAN'S") == std::vector<std::string>{"japan's"});
  CHECK(norms("U.S.") == std::vector<std::string>{"us"});
  CHECK(norms("u.s.a.") == std::vector<std::string>{"usa"});
  CHECK(norms("E.U. envoys") == std::vector<std::string>{"eu", "envoys"});
  CHECK(norms("'quoted'") == std::vector<std::string>{"quoted"});
  CHECK(dossier::normalize_word("U.S") == "us");
  CHECK(dossier::normalize_word("Japan\xE2\x80\x99s") == "japan's");
  CHECK(dossier::normalize_word("Erdo\xC4\x9E" "AN") == "erdo\xC4\x9F" "an");  // case folded, breve kept
  CHECK(dossier::normalize_word("\xEF\xBC\xA7\xEF\xBC\x97") == "g7");           // fullwidth "Ｇ７"
  CHECK(dossier::normalize_word("3.5") == "3.5");                              // numbers keep their dots
}

TEST_CASE("tokenizer: offsets are byte offsets into the input for mixed scripts") {
  const std::string text = "Erdo\xC4\x9F" "an met \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3 in Z\xC3\xBCrich \xE2\x80\x94 talks.";
  check_offsets(text);
  auto t = tokens(text);
  REQUIRE(t.size() >= 5);
  CHECK(t[0].raw == "Erdo\xC4\x9F" "an");
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 8);
  CHECK(t[1].raw == "met");
  CHECK(t[1].begin == 9);
  // The em dash is punctuation, not a word.
  for (const auto& w : t) CHECK(w.raw != "\xE2\x80\x94");
  CHECK(t.back().norm == "talks");
}

TEST_CASE("tokenizer: Chinese text is segmented into several CJK words") {
  // "中国外交部长王毅在北京会见了美国国务卿" (the foreign minister met the secretary of state in Beijing).
  const std::string text =
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE9\x95\xBF\xE7\x8E\x8B\xE6\xAF\x85"
      "\xE5\x9C\xA8\xE5\x8C\x97\xE4\xBA\xAC\xE4\xBC\x9A\xE8\xA7\x81\xE4\xBA\x86\xE7\xBE\x8E\xE5\x9B\xBD"
      "\xE5\x9B\xBD\xE5\x8A\xA1\xE5\x8D\xBF\xE3\x80\x82";
  auto t = tokens(text);
  CHECK(t.size() >= 6);
  std::string joined;
  for (const auto& w : t) {
    CHECK(w.cjk);
    CHECK(w.raw.size() < text.size());
    joined += w.raw;
  }
  // Only the final full stop "。" is dropped.
  CHECK(joined + "\xE3\x80\x82" == text);
  bool has_beijing = false;
  for (const auto& w : t) has_beijing |= w.raw == "\xE5\x8C\x97\xE4\xBA\xAC";  // 北京
  CHECK(has_beijing);
  check_offsets(text);
}

TEST_CASE("tokenizer: Japanese and Korean words are flagged CJK") {
  // "日本の外務大臣が北京を訪問した" (Japan's foreign minister visited Beijing).
  const std::string ja =
      "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE\xE5\xA4\x96\xE5\x8B\x99\xE5\xA4\xA7\xE8\x87\xA3\xE3\x81\x8C"
      "\xE5\x8C\x97\xE4\xBA\xAC\xE3\x82\x92\xE8\xA8\xAA\xE5\x95\x8F\xE3\x81\x97\xE3\x81\x9F";
  auto t = tokens(ja);
  CHECK(t.size() >= 5);
  for (const auto& w : t) CHECK(w.cjk);
  check_offsets(ja);

  // "한국 외교부 장관이 베이징을 방문했다" (Korean separates words with spaces).
  const std::string ko =
      "\xED\x95\x9C\xEA\xB5\xAD \xEC\x99\xB8\xEA\xB5\x90\xEB\xB6\x80 \xEC\x9E\xA5\xEA\xB4\x80\xEC\x9D\xB4 "
      "\xEB\xB2\xA0\xEC\x9D\xB4\xEC\xA7\x95\xEC\x9D\x84 \xEB\xB0\xA9\xEB\xAC\xB8\xED\x96\x88\xEB\x8B\xA4";
  auto k = tokens(ko);
  REQUIRE(k.size() == 5);
  for (const auto& w : k) CHECK(w.cjk);
  CHECK(k[0].raw == "\xED\x95\x9C\xEA\xB5\xAD");
  check_offsets(ko);

  // Latin words next to CJK are not flagged.
  auto mixed = tokens("Kishida \xE5\xB2\xB8\xE7\x94\xB0 visited");
  REQUIRE(mixed.size() >= 3);
  CHECK_FALSE(mixed.front().cjk);
  CHECK_FALSE(mixed.back().cjk);
}

TEST_CASE("tokenizer: words longer than 64 bytes are skipped") {
  const std::string w64(64, 'a'), w65(65, 'b');
  auto t = tokens("start " + w64 + " " + w65 + " end");
  REQUIRE(t.size() == 3);
  CHECK(t[0].norm == "start");
  CHECK(t[1].norm == w64);
  CHECK(t[2].norm == "end");
  // A base64-like blob is dropped while the words around it stay.
  auto blob = tokens("key=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk done");
  REQUIRE(blob.size() == 2);
  CHECK(blob[0].norm == "key");
  CHECK(blob[1].norm == "done");
}

TEST_CASE("tokenizer: empty and punctuation-only input yield no words") {
  CHECK(tokens("").empty());
  CHECK(tokens(" \n\t ").empty());
  CHECK(tokens("... -- !!! \xE2\x80\x94 \xE3\x80\x82").empty());
}

TEST_CASE("tokenizer: segment_cjk_for_query splits CJK runs like the indexer") {
  const std::string beijing_talks = "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xBC\x9A\xE8\xB0\x88";  // 北京会谈
  std::string q = dossier::segment_cjk_for_query(beijing_talks);
  // Same segments as for_each_word, joined by spaces.
  std::string expected;
  for (const auto& w : tokens(beijing_talks)) expected += (expected.empty() ? "" : " ") + w.raw;
  CHECK(q == expected);
  CHECK(q.find(' ') != std::string::npos);
  CHECK(q.rfind("\xE5\x8C\x97\xE4\xBA\xAC ", 0) == 0);  // starts with "北京 "

  // Non-CJK text, operators and quotes pass through unchanged.
  CHECK(dossier::segment_cjk_for_query("Blinken AND \"Kishida visit\"") == "Blinken AND \"Kishida visit\"");
  CHECK(dossier::segment_cjk_for_query("") == "");
  std::string mixed = dossier::segment_cjk_for_query("Blinken " + beijing_talks + " sanctions");
  CHECK(mixed == "Blinken " + expected + " sanctions");

  // CJK glued to Latin letters: the indexer sees two words, so must the query.
  CHECK(dossier::segment_cjk_for_query("visit" + beijing_talks + "2023") == "visit " + expected + " 2023");
  // A field prefix covers every segment: the run becomes a phrase under it.
  CHECK(dossier::segment_cjk_for_query("title:" + beijing_talks) == "title:\"" + expected + "\"");
  CHECK(dossier::segment_cjk_for_query("-title:" + beijing_talks + " x") == "-title:\"" + expected + "\" x");
  // Already quoted, or a single segment: no extra quotes.
  CHECK(dossier::segment_cjk_for_query("\"" + beijing_talks + "\"") == "\"" + expected + "\"");
  CHECK(dossier::segment_cjk_for_query("title:\xE5\x8C\x97\xE4\xBA\xAC") == "title:\xE5\x8C\x97\xE4\xBA\xAC");
  CHECK(dossier::segment_cjk_for_query("url:" + beijing_talks + " (talks:" + beijing_talks + ")") ==
        "url:\"" + expected + "\" (talks:\"" + expected + "\")");
}

TEST_CASE("tokenizer: a callback that throws leaves the tokenizer ready for the next text") {
  // A searcher's callback may throw (its database changed under it); the
  // tokenizer must release the text and work as before afterwards (under ASan
  // a leaked UText is reported at exit).
  int seen = 0;
  CHECK_THROWS_AS(dossier::for_each_word("Blinken met Park Jin in Tokyo",
                                         [&](const dossier::Word&) {
                                           if (++seen == 2) throw std::runtime_error("database modified");
                                         }),
                  std::runtime_error);
  CHECK(seen == 2);
  std::vector<std::string> words;
  dossier::for_each_word("Kishida hosted APEC", [&](const dossier::Word& w) { words.push_back(w.norm); });
  CHECK(words == std::vector<std::string>{"kishida", "hosted", "apec"});
}
