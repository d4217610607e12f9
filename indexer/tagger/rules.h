// Rules: the hand-written knowledge of the entity tagger that is not a list of
// names. Titles and honorifics ("Secretary of State", "Mr."), which tokens can be
// part of a person's name, family-name-first order for Chinese/Korean names, words
// that are capitalised only because they start a sentence ("Photo", "Related"),
// and organization heads ("... Ministry", "... Party").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/tagger/sequence_model.h"

namespace dossier {

class Gazetteer;

// Titles always known, in addition to data/gazetteer/titles.txt.
const std::vector<std::string_view>& builtin_titles();

// "'s", "’s", "'", "’": a possessive token, never part of a name.
bool is_possessive(std::string_view token);

// Opening punctuation (quotes, a bracket, a dash, a colon), and whether token
// `i` opens its sentence with only such punctuation before it.
bool is_opening_punct(std::string_view token);
bool sentence_initial(const std::vector<NerToken>& sentence, size_t i);

// "mr." "mrs" "dr." "sir": courtesy titles that are not a role (folded keys).
bool is_honorific(std::string_view key);

// "king", "prince", "lord", "sir", "pope": titles that are part of how the person
// is named ("Prince Charles", "Lord Butler"), so not stripped from a model's span.
bool is_nobility_title(std::string_view key);

// Common Chinese, Korean and Vietnamese family names (folded: "park", "xi").
bool is_east_asian_surname(std::string_view key);

// Family name first: the first token is an East Asian surname and the last is not
// a known Western first name ("Park Jin", "Xi Jinping"; not "Kim Darroch").
bool looks_family_name_first(const std::vector<NerToken>& name, const Gazetteer& gaz);

// Folded family name of a full name: first token for eastern order, else the last
// token that is not a suffix ("Jr.", "III").
std::string family_name_key(const std::vector<NerToken>& name, bool eastern_order);

// Frequent words that are capitalised at the start of a sentence or in headlines
// and never a name on their own (folded keys): "the", "photo", "related", "monday".
bool is_common_word(std::string_view key);

// A token that can be part of a person's name: capitalised letter-initial word
// that is not a common word ("Antony", "Jong", "O'Neill", "J."), or a particle
// between name words ("bin", "al", "de", "van").
bool is_name_word(std::string_view text, std::string_view key);
// Words title case leaves in lowercase: articles, conjunctions, prepositions
// and the particles inside names ("of", "and", "bin", "de"). Folded keys.
bool is_title_case_minor_word(std::string_view key);

bool is_name_particle(std::string_view key);

// "jr.", "sr", "iii": what follows a name, never one alone (folded keys).
bool is_name_suffix(std::string_view key);

// Capital letters each followed by a period: "D.", "H.R.", "J.F.K.".
bool is_initials(std::string_view text);

// First byte opens a letter (ASCII, or a lead byte from U+00C0 on) / or a digit.
bool starts_with_letter(std::string_view text);
bool starts_with_letter_or_digit(std::string_view text);

// First code point is an uppercase letter / no lowercase letters at all.
bool starts_upper(std::string_view text);
bool is_all_caps(std::string_view text);

// Last word of an organization name ("ministry", "party", "university", ...).
bool is_org_head(std::string_view key);

}  // namespace dossier
