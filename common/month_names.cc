#include "common/month_names.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "common/date_scan.h"

namespace dossier::date_detail {

struct MonthName {
  int month;
  bool foreign_abbreviation;  // "ago", "dic", "févr": trusted in metadata fields only
};

struct NameTables {
  std::unordered_map<std::string, MonthName> months;
  std::unordered_set<std::string> weekdays;
  // Bit b of month_prefixes[a] is set when some month name starts with letters a, b
  // (b == 26: a non-ASCII byte). Lets the text scanner skip most words without hashing.
  uint32_t month_prefixes[26] = {};
};

namespace {

int second_letter_index(char c) {
  if (static_cast<unsigned char>(c) >= 0x80) return 26;
  return is_alpha(c) ? to_lower(c) - 'a' : -1;
}

std::string fold_case(std::string_view word) {
  std::string out(word);
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char& c : out) c = to_lower(c);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  out.clear();
  u.foldCase().toUTF8String(out);
  return out;
}

std::string name_key(const icu::UnicodeString& name) {
  icu::UnicodeString folded(name);
  std::string key;
  folded.foldCase().toUTF8String(key);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

void add_month(NameTables& t, const std::string& key, int month, bool foreign_abbreviation) {
  if (key.size() < 3 || key.size() > kMaxNameBytes || !is_alpha(key[0])) return;
  // First entry wins: English, then full foreign names, then foreign abbreviations.
  if (!t.months.emplace(key, MonthName{month, foreign_abbreviation}).second) return;
  const int second = second_letter_index(key[1]);
  if (second >= 0) t.month_prefixes[key[0] - 'a'] |= 1u << second;
}

void add_icu_names(NameTables& t, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale), status);
  if (U_FAILURE(status)) return;
  using S = icu::DateFormatSymbols;
  for (const S::DtWidthType width : {S::WIDE, S::ABBREVIATED}) {
    for (const S::DtContextType context : {S::FORMAT, S::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t m = 0; months != nullptr && m < count && m < 12; ++m)
        add_month(t, name_key(months[m]), m + 1, width == S::ABBREVIATED);
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
      for (int32_t d = 0; days != nullptr && d < count; ++d) {
        const std::string key = name_key(days[d]);
        if (key.size() >= 2) t.weekdays.insert(key);
      }
    }
  }
}

}  // namespace

bool could_be_month(const NameTables& t, std::string_view word) {
  if (word.size() < 3 || word.size() > kMaxNameBytes || !is_alpha(word[0])) return false;
  const int second = second_letter_index(word[1]);
  return second >= 0 && ((t.month_prefixes[to_lower(word[0]) - 'a'] >> second) & 1);
}

const NameTables& name_tables() {
  static const NameTables tables = [] {
    NameTables t;
    static constexpr const char* kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                                "july",    "august",   "september", "october", "november", "december"};
    for (int m = 0; m < 12; ++m) add_month(t, kMonths[m], m + 1, false);
    for (int m = 0; m < 12; ++m) add_month(t, std::string(kMonths[m], 3), m + 1, false);
    add_month(t, "sept", 9, false);
    for (const char* day : {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "tues",
                            "thur", "thurs", "weds"}) {
      t.weekdays.insert(day);
      t.weekdays.insert(std::string(day, 3));
    }
    for (const char* locale : {"es", "fr", "de"}) add_icu_names(t, locale);
    return t;
  }();
  return tables;
}

// Month number for a whole word ("Nov", "noviembre", "Févr"), else 0.
int month_from_word(std::string_view word, bool allow_foreign_abbreviation) {
  const NameTables& t = name_tables();
  if (!could_be_month(t, word)) return 0;
  const auto it = t.months.find(fold_case(word));
  if (it == t.months.end() || (it->second.foreign_abbreviation && !allow_foreign_abbreviation)) return 0;
  return it->second.month;
}

bool is_weekday_word(std::string_view word) {
  return word.size() >= 2 && word.size() <= kMaxNameBytes && name_tables().weekdays.count(fold_case(word)) > 0;
}

}  // namespace dossier::date_detail
