// Reading the project's gazetteer files (data/gazetteer/*.tsv and *.txt): one
// entry per line, tab-separated fields, '#' comments and blank lines skipped.
// The rule gazetteer and the NER model's lexicon both read them through here,
// so they see the same entries.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dossier {

// s split at every `sep`, each piece trimmed of surrounding whitespace.
std::vector<std::string> split_trimmed(std::string_view s, char sep);

// Calls fn(fields) for each entry line of the file, fields trimmed. IOError
// when the file cannot be read.
Status for_each_gazetteer_row(const std::string& path, const std::function<void(const std::vector<std::string>&)>& fn);

}  // namespace dossier
