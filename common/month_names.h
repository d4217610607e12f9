// Month and weekday names for the date parser: English built in, Spanish, French and
// German from ICU's DateFormatSymbols, matched case-insensitively. The tables are
// built once, on first use.
#pragma once

#include <string_view>

namespace dossier::date_detail {

struct NameTables;
const NameTables& name_tables();

// Cheap filter on a word's first two letters (no hashing): false means the word is
// no month name, true that it may be one.
bool could_be_month(const NameTables& t, std::string_view word);

// Month number for a whole word ("Nov", "noviembre", "Févr"), else 0.
int month_from_word(std::string_view word, bool allow_foreign_abbreviation);

bool is_weekday_word(std::string_view word);

}  // namespace dossier::date_detail
