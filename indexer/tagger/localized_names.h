// LocalizedNames: country names and demonyms in the languages of articles not
// written in English (data/gazetteer/countries_i18n.tsv): "Brasil" and
// "Estados Unidos" in Spanish, "l'Allemagne" and "troupes françaises" in
// French. Only an article in that language looks them up: in English text
// the German "Island" is no Iceland.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

class Gazetteer;

class LocalizedNames {
 public:
  // Reads countries_i18n.tsv (lang, canonical, names, demonyms); each
  // canonical must name a country of `gaz`, whose entity the names then name.
  Status Load(const std::string& path, const Gazetteer& gaz);

  // Marks the names of sentence `sent` of an article in `language` (a primary
  // subtag: primary_language of common/text.h) as place spans of their
  // countries, where no span is yet. A name is written with a capital, after a
  // French or Italian elision ("l'Allemagne", "dell'Italia") too; a French
  // demonym may be in lowercase ("les troupes françaises").
  void find_spans(const ArticleTokens& article, int sent, const std::string& language,
                  std::vector<TaggerSpan>* spans) const;

  size_t size() const;

 private:
  struct Name {
    int entity = -1;
    std::string canonical;  // the country's, as countries.tsv names it
    bool demonym = false;
  };
  struct Language {
    std::unordered_map<std::string, Name> names;  // joined token keys -> country
    size_t longest = 0;                           // most tokens in a name
  };
  std::unordered_map<std::string, Language> languages_;
};

}  // namespace dossier
