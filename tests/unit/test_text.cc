// Tests for common/text: case and diacritic folding, UTF-8 validation and repair,
// legacy charset conversion, whitespace handling and byte/char offsets.
#include "common/text.h"

#include <string>

#include <doctest/doctest.h>

using dossier::collapse_whitespace;
using dossier::fold_case;
using dossier::fold_diacritics;
using dossier::fold_for_matching;
using dossier::is_valid_utf8;
using dossier::repair_utf8;
using dossier::to_utf8;
using dossier::utf8_char_offset;

TEST_CASE("normalize: fold_case applies NFKC and full case folding") {
  CHECK(fold_case("Tokyo SUMMIT") == "tokyo summit");
  CHECK(fold_case("\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C") == "full");  // "Ｆｕｌｌ" (fullwidth)
  CHECK(fold_case("Stra\xC3\x9F" "e") == "strasse");                               // "Straße"
  CHECK(fold_case("STRASSE") == fold_case("Stra\xC3\x9F" "e"));
  CHECK(fold_case("\xEF\xAC\x81nance") == "finance");                              // "ﬁnance" (fi ligature)
  CHECK(fold_case("\xEF\xAC\x82ow") == "flow");                                    // "ﬂow"
  CHECK(fold_case("Erdo\xC4\x9F" "an") == "erdo\xC4\x9F" "an");                    // keeps the breve
  CHECK(fold_case("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1") ==                   // "Αθήνα" -> "αθήνα"
        "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");
  CHECK(fold_case("\xE2\x85\xA0\xE2\x85\xA1") == "iii");                           // Roman numerals "ⅠⅡ" (NFKC)
  CHECK(fold_case("") == "");
}

TEST_CASE("normalize: fold_diacritics maps Latin letters to ASCII, keeps case and other scripts") {
  CHECK(fold_diacritics("Erdo\xC4\x9F" "an") == "Erdogan");                          // Erdoğan
  CHECK(fold_diacritics("\xC5\x81\xC3\xB3" "d\xC5\xBA") == "Lodz");                  // Łódź
  CHECK(fold_diacritics("S\xC3\xA3o Paulo") == "Sao Paulo");                          // São Paulo
  CHECK(fold_diacritics("Z\xC3\xBCrich") == "Zurich");                               // Zürich
  CHECK(fold_diacritics("St\xC3\xB8re") == "Store");                                 // Støre
  CHECK(fold_diacritics("\xC3\x98stergaard") == "Ostergaard");                       // Østergaard
  CHECK(fold_diacritics("Stra\xC3\x9F" "e") == "Strasse");                           // ß -> ss
  CHECK(fold_diacritics("Nguy\xE1\xBB\x85n Ph\xC3\xBA Tr\xE1\xBB\x8Dng") ==          // Nguyễn Phú Trọng
        "Nguyen Phu Trong");
  CHECK(fold_diacritics("\xC3\x89lys\xC3\xA9" "e") == "Elysee");                     // Élysée (case kept)
  // Chinese, Japanese and Korean pass through untouched.
  const std::string chinese = "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8";  // 中国外交部
  CHECK(fold_diacritics(chinese) == chinese);
  const std::string japanese = "\xE3\x81\xA8\xE3\x81\x8D\xE3\x82\x87\xE3\x81\x86";  // ときょう (kana)
  CHECK(fold_diacritics(japanese) == japanese);
  const std::string korean = "\xED\x95\x9C\xEA\xB5\xAD";  // 한국
  CHECK(fold_diacritics(korean) == korean);
  CHECK(fold_diacritics("plain ascii") == "plain ascii");
  // Letters of other alphabets are not Latin letters with accents: Cyrillic "й"
  // and Devanagari vowel signs/virama stay (folding them would merge distinct words).
  const std::string cyrillic = "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9";  // Зеленский
  CHECK(fold_diacritics(cyrillic) == cyrillic);
  const std::string hindi = "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87";  // नमस्ते
  CHECK(fold_diacritics(hindi) == hindi);
  const std::string greek = "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1";  // Ελλάδα
  CHECK(fold_diacritics(greek) == greek);
  // Latin next to other scripts is still folded.
  CHECK(fold_diacritics("Erdo\xC4\x9F" "an " + cyrillic) == "Erdogan " + cyrillic);
}

TEST_CASE("normalize: fold_for_matching makes spellings of one name meet") {
  CHECK(fold_for_matching("Recep Tayyip Erdo\xC4\x9F" "an") == "recep tayyip erdogan");
  CHECK(fold_for_matching("ERDO\xC4\x9E" "AN") == "erdogan");                   // ERDOĞAN
  CHECK(fold_for_matching("\xC3\x86sir") == "aesir");                           // Æ -> AE -> ae
  CHECK(fold_for_matching("\xC4\xB0stanbul") == "istanbul");                    // İstanbul (dotted capital I)
  CHECK(fold_for_matching("\xC5\x81\xC3\x93" "D\xC5\xB9") == fold_for_matching("lodz"));  // ŁÓDŹ
  CHECK(fold_for_matching("\xEF\xBC\xB5\xEF\xBC\xAE") == "un");                 // fullwidth "ＵＮ"
  CHECK(fold_for_matching("Stra\xC3\x9F" "e") == "strasse");
}

TEST_CASE("normalize: is_valid_utf8 accepts well-formed UTF-8 only") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x8C\x8D"));
  CHECK_FALSE(is_valid_utf8("caf\xE9"));               // Latin-1 é
  CHECK_FALSE(is_valid_utf8("\xC3"));                  // truncated at end
  CHECK_FALSE(is_valid_utf8("\xE2\x80 x"));            // truncated before ASCII
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));          // UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // beyond U+10FFFF
  CHECK_FALSE(is_valid_utf8("\x80"));                  // lone continuation byte
}

TEST_CASE("normalize: repair_utf8 replaces bad bytes and NULs with U+FFFD and counts them") {
  const std::string fffd = "\xEF\xBF\xBD";
  std::string clean = "Caf\xC3\xA9 talks";
  CHECK(repair_utf8(clean) == 0);
  CHECK(clean == "Caf\xC3\xA9 talks");

  std::string s("a\xFF" "b", 3);
  CHECK(repair_utf8(s) == 1);
  CHECK(s == "a" + fffd + "b");

  std::string nul("x\0y\0z", 5);
  CHECK(repair_utf8(nul) == 2);
  CHECK(nul == "x" + fffd + "y" + fffd + "z");
  CHECK(nul.find('\0') == std::string::npos);

  std::string mixed = "\xE2\x80\x9Cok\xE2\x80\x9D \x93" "bad\x94 caf\xC3\xA9";
  CHECK(repair_utf8(mixed) == 2);
  CHECK(mixed == "\xE2\x80\x9Cok\xE2\x80\x9D " + fffd + "bad" + fffd + " caf\xC3\xA9");
  CHECK(is_valid_utf8(mixed));

  std::string truncated = "end\xE2\x80";
  CHECK(repair_utf8(truncated) >= 1);
  CHECK(truncated.rfind("end" + fffd, 0) == 0);
  CHECK(is_valid_utf8(truncated));
}

TEST_CASE("normalize: to_utf8 leaves UTF-8 alone and converts Windows-1252 / Latin-1") {
  std::string enc;
  CHECK(to_utf8("Caf\xC3\xA9 diplomacy", &enc) == "Caf\xC3\xA9 diplomacy");
  CHECK(enc == "UTF-8");

  CHECK(to_utf8("\xEF\xBB\xBFWith BOM", &enc) == "With BOM");
  CHECK(enc == "UTF-8");

  // English prose with Windows-1252 curly quotes (0x93/0x94), an apostrophe (0x92)
  // and Latin-1 letters (0xE9 é, 0xE8 è).
  const std::string cp1252 =
      "The foreign minister said the talks were \x93productive and frank\x94 and that both "
      "sides would meet again in Geneva next month. The minister\x92s statement followed a "
      "long session with the d\xE9l\xE9gation from the Ivory Coast, whose envoy praised the "
      "caf\xE9 diplomacy of the summit and the role of the m\xE8re of the host city.";
  std::string out = to_utf8(cp1252, &enc);
  CHECK(enc == "windows-1252");
  CHECK(is_valid_utf8(out));
  CHECK(out.find("\xE2\x80\x9Cproductive and frank\xE2\x80\x9D") != std::string::npos);  // “...”
  CHECK(out.find("minister\xE2\x80\x99s") != std::string::npos);                          // ’
  CHECK(out.find("d\xC3\xA9l\xC3\xA9gation") != std::string::npos);                        // délégation
  CHECK(out.find("\xEF\xBF\xBD") == std::string::npos);

  // Pure Latin-1 (no C1 bytes) is decoded the same way.
  const std::string latin1 =
      "Le pr\xE9sident fran\xE7" "ais a re\xE7u le ministre \xE0 l'\xC9lys\xE9" "e pour parler de "
      "la s\xE9" "curit\xE9 europ\xE9" "enne et de la coop\xE9ration avec les \xC9tats voisins.";
  out = to_utf8(latin1, &enc);
  CHECK(is_valid_utf8(out));
  CHECK(out.find("pr\xC3\xA9sident fran\xC3\xA7" "ais") != std::string::npos);
  CHECK(out.find("\xC3\x89lys\xC3\xA9" "e") != std::string::npos);
}

TEST_CASE("normalize: to_utf8 repairs mostly-UTF-8 text instead of re-decoding it") {
  // Valid UTF-8 with many accented letters and one stray byte: the accented letters
  // must survive (not turn into mojibake such as "Ã©").
  std::string s =
      "Le pr\xC3\xA9sident fran\xC3\xA7" "ais a re\xC3\xA7u le ministre \xC3\xA0 l'\xC3\x89lys\xC3\xA9" "e "
      "pour parler de la s\xC3\xA9" "curit\xC3\xA9 europ\xC3\xA9" "enne \xFF et de la coop\xC3\xA9ration.";
  std::string enc;
  std::string out = to_utf8(s, &enc);
  CHECK(is_valid_utf8(out));
  CHECK(enc == "UTF-8 (repaired)");
  CHECK(out.find("pr\xC3\xA9sident fran\xC3\xA7" "ais") != std::string::npos);
  CHECK(out.find("\xC3\x83") == std::string::npos);  // no "Ã"
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("normalize: collapse_whitespace collapses runs (including NBSP) and trims") {
  CHECK(collapse_whitespace("  Talks \t in\n\n Geneva  ") == "Talks in Geneva");
  CHECK(collapse_whitespace("10\xC2\xA0" "km\xC2\xA0\xC2\xA0" "away") == "10 km away");
  CHECK(collapse_whitespace("\xC2\xA0lead and trail\xC2\xA0") == "lead and trail");
  CHECK(collapse_whitespace("caf\xC3\xA9\r\nbar") == "caf\xC3\xA9 bar");  // é's bytes are not NBSP
  CHECK(collapse_whitespace("") == "");
  CHECK(collapse_whitespace(" \n\t ") == "");
}

TEST_CASE("normalize: utf8_char_offset counts code points before a byte offset") {
  const std::string s = "Z\xC3\xBCrich \xE4\xB8\xAD\xE5\x9B\xBD!";  // "Zürich 中国!"
  CHECK(utf8_char_offset(s, 0) == 0);
  CHECK(utf8_char_offset(s, 1) == 1);
  CHECK(utf8_char_offset(s, 3) == 2);                // after "Zü"
  CHECK(utf8_char_offset(s, s.find(' ')) == 6);      // "Zürich"
  CHECK(utf8_char_offset(s, s.size() - 1) == 9);     // before "!"
  CHECK(utf8_char_offset(s, s.size()) == 10);
  CHECK(utf8_char_offset(s, s.size() + 50) == 10);   // clamped
}

TEST_CASE("normalize: trim and ascii_lower") {
  CHECK(dossier::trim("\r\n\t x y \v\f") == "x y");
  CHECK(dossier::trim("   ") == "");
  CHECK(dossier::ascii_lower("JSON .TXT \xC3\x89") == "json .txt \xC3\x89");  // non-ASCII untouched
  CHECK(dossier::is_ascii("abc"));
  CHECK_FALSE(dossier::is_ascii("ab\xC3\xA9"));
}
