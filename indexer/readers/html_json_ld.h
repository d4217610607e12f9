// JSON-LD (schema.org) in web pages: the article node's dates, headline,
// authors, publisher, language and identifier, found across @graph arrays and
// {"@id"} references.
#pragma once

#include <string>
#include <vector>

namespace dossier {

struct JsonLd {
  std::string date, modified, headline, publisher, lang, id;
  std::vector<std::string> authors;
};

// `scripts`: the texts of the page's application/ld+json scripts, in page order.
// Scripts that are not JSON are skipped; fields not found stay empty.
JsonLd read_json_ld(const std::vector<std::string>& scripts);

}  // namespace dossier
