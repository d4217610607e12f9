// Word lists and predicates behind the tagger's rules. Lists are small and
// curated: they encode English news conventions, not names (those live in
// data/gazetteer).
#include "indexer/tagger/rules.h"

#include <algorithm>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "indexer/tagger/gazetteer.h"

namespace dossier {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& honorifics() {
  static const WordSet s = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "prof", "prof.",
                            "sir", "dame", "madam", "madame", "mme", "mme.", "m.", "herr", "frau",
                            "monsieur", "senor", "senora", "signor"};
  return s;
}

const WordSet& east_asian_surnames() {
  static const WordSet s = {
      // Korean
      "park", "kim", "lee", "choi", "yoon", "moon", "jung", "jeong", "kang", "cho", "jang", "lim",
      "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "yoo", "hong", "jeon", "ko", "baek",
      "chung", "roh", "ri", "yun", "nam", "noh", "chae", "ban", "pak", "choe",
      // Chinese
      "xi", "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
      "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "song",
      "tang", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
      "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "qin",
      "mao", "bo", "qian", "kong", "fu", "lai", "tsai", "hou", "meng", "bai", "xiang", "zhai",
      // Vietnamese and Cambodian
      "nguyen", "tran", "le", "pham", "vo", "phan", "hun"};
  return s;
}

const WordSet& name_suffixes() {
  static const WordSet s = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
  return s;
}

const WordSet& particles() {
  static const WordSet s = {"bin", "ibn", "al", "el", "de", "da", "di", "do", "dos", "das", "del", "della",
                            "van", "von", "der", "den", "ter", "le", "la", "du", "y", "bint", "ben"};
  return s;
}

const WordSet& common_words() {
  static const WordSet s = {
      "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she",
      "his", "her", "him", "they", "them", "their", "we", "our", "us", "you", "your", "i", "my", "me",
      "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "if", "and", "or", "but",
      "nor", "so", "yet", "for", "of", "in", "on", "at", "by", "to", "from", "with", "without", "into",
      "onto", "as", "about", "after", "before", "during", "since", "until", "while", "although",
      "though", "because", "despite", "against", "between", "among", "through", "under", "over",
      "above", "below", "near", "across", "along", "amid", "around", "beyond", "inside", "outside",
      "not", "no", "yes", "all", "any", "each", "every", "few", "many", "much", "more", "most",
      "some", "several", "both", "either", "neither", "other", "others", "another", "such", "only",
      "even", "also", "just", "now", "then", "thus", "still", "however", "meanwhile", "moreover",
      "instead", "earlier", "later", "already", "again", "once", "perhaps", "maybe", "indeed",
      "according", "asked", "said", "says", "told", "added", "new", "old", "last", "next", "first",
      "second", "third", "former", "top", "senior", "chief", "high", "major", "minor", "key",
      "related", "photo", "photos", "picture", "video", "watch", "read", "source", "sources",
      "reporting", "editing", "writing", "update", "updated", "breaking", "exclusive", "analysis",
      "opinion", "editorial", "comment", "note", "file", "copyright", "advertisement", "share",
      "strategic", "official", "officials", "police", "government", "state", "national", "federal",
      "international", "foreign", "domestic", "public", "political", "economic", "military",
      "security", "president", "minister", "secretary", "spokesman", "spokeswoman", "leader",
      "leaders", "people", "reporters", "members", "member", "party", "report", "reports", "news",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
      "nov.", "dec.", "today", "tomorrow", "yesterday", "tonight", "week", "month", "year", "years",
      "morning", "afternoon", "evening", "night", "day", "days", "time", "times", "north", "south",
      "east", "west", "northern", "southern", "eastern", "western", "central", "left", "right",
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundreds",
      "thousands", "millions", "dozens", "let", "please", "thank", "thanks", "well", "oh", "like",
      "unlike", "given", "following", "including", "excluding", "regarding", "concerning", "per",
      "via", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "do",
      "does", "did", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
      "ahead", "amid", "why", "whether", "unless", "except", "besides", "beside", "toward",
      "towards", "upon", "within", "throughout", "overall", "total", "results", "result", "scores",
      "standings", "table", "attendance", "summary", "summaries", "division", "group", "round",
      "final", "finals", "quarter", "semi", "half", "points", "statistics", "latest", "breaking",
      "live", "more", "less", "least", "best", "worst", "better", "worse", "good", "bad", "big",
      "small", "large", "long", "short", "full", "free", "open", "close", "closed", "early", "late"};
  return s;
}

const WordSet& org_heads() {
  static const WordSet s = {
      "ministry", "department", "agency", "council", "committee", "commission", "party", "university",
      "bank", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "co.", "company", "group",
      "association", "organization", "organisation", "union", "institute", "foundation", "court",
      "parliament", "congress", "senate", "army", "navy", "forces", "office", "assembly",
      "federation", "airlines", "airways", "authority", "board", "bureau", "administration",
      "college", "school", "club", "alliance", "front", "movement", "church", "network", "corporation",
      "holdings", "fund", "society", "service", "guard", "police", "agency", "exchange", "cabinet",
      "secretariat", "tribunal", "brigade", "brigades", "command", "coalition", "league"};
  return s;
}

const std::vector<std::string_view> kBuiltinTitles = {
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
    "Defense Minister", "Defence Minister", "Finance Minister", "Trade Minister", "Interior Minister",
    "Minister", "Deputy Minister", "Secretary of State", "Secretary of Defense", "Secretary of State for",
    "Secretary", "Defense Secretary", "Defence Secretary", "Foreign Secretary", "Home Secretary",
    "Treasury Secretary", "Secretary-General", "Secretary General", "Director-General",
    "Director General", "Chancellor", "King", "Queen", "Prince", "Princess", "Crown Prince",
    "Emperor", "Empress", "Pope", "Ambassador", "Senator", "Sen.", "Rep.", "Representative",
    "Congressman", "Congresswoman", "Governor", "Gov.", "Gen.", "General", "Lt. Gen.", "Maj. Gen.",
    "Brig. Gen.", "Mayor", "Chairman", "Chairwoman", "Chief Executive", "CEO", "Spokesman",
    "Spokeswoman", "Speaker", "Premier", "Sheikh", "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.",
    "Dr", "Miss", "Prof.", "Prof", "Professor", "Judge", "Justice", "Chief Justice", "Lt.", "Col.", "Maj.",
    "Capt.", "Adm.", "Admiral", "Colonel", "Captain", "Commander", "Lord", "Lady", "Sir", "Dame",
    "Rev.", "Reverend", "Cardinal", "Archbishop", "Bishop", "Rabbi", "Imam", "Ayatollah",
    "Field Marshal", "Marshal", "Commissioner", "Attorney General", "National Security Adviser",
    "National Security Advisor", "Chief of Staff", "Special Envoy", "Envoy", "Opposition Leader",
    "Supreme Leader", "Leader", "Coach"};

bool decode_first(std::string_view s, UChar32* c) {
  if (s.empty()) return false;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), *c);
  return *c >= 0;
}

}  // namespace

const std::vector<std::string_view>& builtin_titles() { return kBuiltinTitles; }

bool is_possessive(std::string_view t) {
  return t == "'s" || t == "'S" || t == "'" || t == "\xE2\x80\x99s" || t == "\xE2\x80\x99";
}

bool is_opening_punct(std::string_view t) {
  return t == "\"" || t == "'" || t == "(" || t == "[" || t == "`" || t == "``" ||
         t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "-" || t == "--" || t == ":";
}

bool sentence_initial(const NerSentence& s, size_t i) {
  while (i > 0 && is_opening_punct(s[i - 1].text)) --i;
  return i == 0;
}

bool is_honorific(std::string_view key) { return honorifics().count(key) > 0; }

bool is_nobility_title(std::string_view key) {
  static const WordSet s = {"king", "queen", "prince", "princess", "lord", "lady", "sir", "dame", "pope",
                            "emperor", "empress", "sheikh", "crown", "duke", "duchess", "earl", "baroness", "baron"};
  return s.count(key) > 0;
}
bool is_east_asian_surname(std::string_view key) { return east_asian_surnames().count(key) > 0; }
bool is_common_word(std::string_view key) { return common_words().count(key) > 0; }
bool is_name_particle(std::string_view key) { return particles().count(key) > 0; }
bool is_name_suffix(std::string_view key) { return name_suffixes().count(key) > 0; }

bool is_initials(std::string_view text) {
  if (text.size() < 2 || text.size() % 2 != 0) return false;
  for (size_t i = 0; i < text.size(); i += 2)
    if (text[i] < 'A' || text[i] > 'Z' || text[i + 1] != '.') return false;
  return true;
}

bool is_org_head(std::string_view key) { return org_heads().count(key) > 0; }

bool starts_with_letter(std::string_view text) {
  const unsigned char c = text.empty() ? 0 : text[0];
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC3;  // 0xC3..: a non-ASCII letter, most likely
}

bool starts_with_letter_or_digit(std::string_view text) {
  const unsigned char c = text.empty() ? 0 : text[0];
  return starts_with_letter(text) || (c >= '0' && c <= '9');
}

bool starts_upper(std::string_view text) {
  // ASCII needs no ICU call: its upper-case letters are A-Z.
  if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80) return text[0] >= 'A' && text[0] <= 'Z';
  UChar32 c;
  return decode_first(text, &c) && u_isupper(c);
}

bool is_all_caps(std::string_view text) {
  bool letter = false;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    letter |= u_isalpha(c) != 0;
  }
  return letter;
}

bool is_name_word(std::string_view text, std::string_view key) {
  if (!starts_upper(text) || is_common_word(key) || is_honorific(key)) return false;
  if (text.size() == 2 && text[1] == '.') return true;  // initial "J."
  // Letters, apostrophes, hyphens and periods only ("O'Neill", "Jae-in").
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  int letters = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) return false;
    if (u_isalpha(c)) {
      ++letters;
    } else if (c != '\'' && c != '-' && c != '.' && c != 0x2019) {
      return false;
    }
  }
  return letters >= 2;
}

bool looks_family_name_first(const std::vector<NerToken>& name, const Gazetteer& gaz) {
  if (name.size() < 2) return false;
  std::string first = token_key(name.front().text);
  std::string last = token_key(name.back().text);
  return is_east_asian_surname(first) && !gaz.is_first_name(last);
}

std::string family_name_key(const std::vector<NerToken>& name, bool eastern_order) {
  if (name.empty()) return "";
  if (eastern_order) return token_key(name.front().text);
  for (size_t i = name.size(); i-- > 0;) {
    std::string k = token_key(name[i].text);
    if (!name_suffixes().count(k) && k != ",") return k;
  }
  return "";
}

// Words title case leaves in lowercase: articles, conjunctions, prepositions, and
// the particles inside names ("bin", "de").
bool is_title_case_minor_word(std::string_view key) {
  static const WordSet s = {"a",    "an",   "the",  "and",   "or",    "but",  "nor",  "for",   "so",   "yet",
                            "of",   "on",   "in",   "at",    "to",    "by",   "as",   "up",    "off",  "out",
                            "via",  "vs",   "vs.",  "v.",    "with",  "from", "into", "onto",  "over", "upon",
                            "per",  "than", "amid", "after", "about", "is",   "be",   "are",   "if",   "n't",
                            "de",   "da",   "di",   "del",   "la",    "le",   "van",  "von",   "der",  "bin",
                            "al",   "el",   "ibn",  "du",    "des",   "y"};
  return s.count(key) > 0;
}

}  // namespace dossier
