// Acceptance tests of the tagger on articles in other languages than English:
// no sequence model there (it learned English news), and country names and
// French demonyms of that language (localized_names, countries_i18n.tsv), with
// the project's data/ gazetteers and model. The texts are written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "indexer/tagger/entity_tagger.h"
#include "common/text.h"
#include "tests/unit/tagger_test_helpers.h"

using namespace dossier;
using namespace dossier::test;

TEST_CASE("tagger: an article in another language is tagged by the gazetteer and the rules alone") {
  auto tagger = project_tagger();
  const std::string spanish =
      "Milei gana el balotaje en Argentina\n\n"
      "BUENOS AIRES -- El economista Javier Milei ganó el domingo la segunda vuelta frente a Sergio Massa. "
      "En campaña calificó de comunista al Gobierno de China. El presidente de Brasil, Luiz Inácio Lula da Silva, "
      "deseó éxito al nuevo Gobierno. La canciller designada, Diana Mondino, habló del Mercosur.";
  for (const char* lang : {"es", "es-AR", "pt_BR", "fr"}) {
    TagResult r = tagger->tag(spanish, lang);
    CAPTURE(std::string(lang));
    const auto persons = names(r, EntityType::kPerson);
    CHECK(persons.count("Javier Milei"));
    CHECK(persons.count("Luiz Inácio Lula da Silva"));
    CHECK(persons.count("Sergio Massa"));
    CHECK(persons.count("Diana Mondino"));
    CHECK(!persons.count("Gobierno"));
    CHECK(!persons.count("Brasil"));
    CHECK(names(r, EntityType::kPlace).count("Argentina"));
    CHECK(names(r, EntityType::kOrg).count("Mercosur"));
    for (const TaggedEntity& e : r.entities) {
      CHECK_MESSAGE(e.canonical != "El", "tagged: El");
      CHECK_MESSAGE(e.canonical != "la", "tagged: la");
    }
  }
  // English, or a language not given, uses the model: the same text read as
  // English finds what only the model finds.
  if (tagger->has_model()) {
    const std::string english =
        "Talks resume\n\nThe envoy Kwame Asante-Boateng met Radek Zielinski in Geneva on Monday.";
    for (const char* lang : {"", "en", "en-US", "EN"}) {
      CAPTURE(std::string(lang));
      const auto persons = names(tagger->tag(english, lang), EntityType::kPerson);
      CHECK(persons.count("Kwame Asante-Boateng"));
      CHECK(persons.count("Radek Zielinski"));
    }
    CHECK(names(tagger->tag(english, "de"), EntityType::kPerson).count("Radek Zielinski") == 0);
  }
}

TEST_CASE("tagger: country names and French demonyms in the article's language are its places") {
  auto tagger = project_tagger();
  TagResult r = tagger->tag(
      "Macron n'exclut pas l'envoi de troupes\n\n"
      "PARIS -- Le président français a réuni vingt dirigeants. Le chancelier allemand Olaf Scholz a refusé, "
      "et la Russie a protesté. Les troupes américaines resteront en Pologne, a dit un diplomate de "
      "l'Allemagne. Les États-Unis et le Royaume-Uni n'ont rien dit.",
      "fr");
  auto places = names(r, EntityType::kPlace);
  for (const char* country : {"France", "Germany", "Russia", "United States", "Poland", "United Kingdom", "Paris"}) {
    CHECK_MESSAGE(places.count(country), "missing: " << std::string(country));
  }
  // The surfaces are as written, demonyms marked as such.
  bool allemand = false, allemagne = false;
  for (const Mention& m : r.mentions) {
    if (m.surface == "allemand") allemand = m.canonical == "Germany" && m.demonym;
    if (m.surface == "l'Allemagne") allemagne = m.canonical == "Germany" && !m.demonym;
  }
  CHECK(allemand);
  CHECK(allemagne);

  r = tagger->tag(
      "Milei gana\n\nEl presidente de Brasil habló con los Estados Unidos y con Alemania. "
      "Un brasil de madera no es un país.",
      "es-AR");
  places = names(r, EntityType::kPlace);
  CHECK(places.count("Brazil"));
  CHECK(places.count("United States"));
  CHECK(places.count("Germany"));
  CHECK(count_of_type(r, EntityType::kPlace, "Brazil") == 1);  // a name needs its capital

  // German: "Island" is Iceland there, and only there.
  r = tagger->tag("Treffen\n\nDie Regierung sprach mit Island und Frankreich.", "de");
  places = names(r, EntityType::kPlace);
  CHECK(places.count("Iceland"));
  CHECK(places.count("France"));
  r = tagger->tag("Voters\n\nVoters on Long Island and in Rhode Island said so. Island voters agreed.", "en");
  CHECK(!names(r, EntityType::kPlace).count("Iceland"));
  CHECK(!names(r, EntityType::kPlace).count("France"));
}

TEST_CASE("text: the primary language subtag, in lowercase") {
  CHECK(primary_language("pt-BR") == "pt");
  CHECK(primary_language("ES_ar") == "es");
  CHECK(primary_language("fr") == "fr");
  CHECK(primary_language("") == "");
}
