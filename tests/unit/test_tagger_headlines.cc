// Acceptance tests of the tagger on headlines in Title Case (headline_guesses,
// the title step of the guess filters), on datelines with their agencies
// (datelines) and on surnames that are also words after a title, with the
// project's data/ gazetteers and model. The texts are written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "indexer/tagger/entity_tagger.h"
#include "tests/unit/tagger_test_helpers.h"

using namespace dossier;
using namespace dossier::test;

namespace {

// Surfaces of the mentions of `canonical` of `type`.
std::set<std::string> surfaces_of(const TagResult& r, EntityType type, const std::string& canonical) {
  std::set<std::string> out;
  for (const Mention& m : r.mentions)
    if (m.type == type && m.canonical == canonical) out.insert(m.surface);
  return out;
}

}  // namespace

TEST_CASE("tagger: with the model, a headline's verbs are no part of the names before them") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Xi and Putin Hail New Era as Kishida Makes Surprise Visit to Kyiv\n\n"
      "MOSCOW -- Chinese President Xi Jinping and Russian President Vladimir Putin signed a dozen agreements on "
      "Tuesday. Putin called the talks frank. Japanese Prime Minister Fumio Kishida arrived in Kyiv by train the "
      "same day, and Kishida laid flowers in Bucha.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Xi Jinping", "Vladimir Putin", "Fumio Kishida"});
  // The headline's mentions joined them.
  CHECK(surfaces_of(r, EntityType::kPerson, "Vladimir Putin").count("Putin"));
  CHECK(count_of_type(r, EntityType::kPerson, "Fumio Kishida") == 3);
  CHECK(count_of_type(r, EntityType::kPerson, "Xi Jinping") == 2);

  // Known by the gazetteer in another spelling: the gazetteer's name.
  r = tagger->tag(
      "Francois Hollande Halts Same-Sex Parenting Law After Huge Family March\n\n"
      "PARIS -- President François Hollande on Monday put off the family law his government had sent to "
      "parliament, after a march of families filled the capital.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"François Hollande"});
  CHECK(count_of_type(r, EntityType::kPerson, "François Hollande") == 2);
}

TEST_CASE("tagger: with the model, a headline's verbs are no part of the organizations before them") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  const TagResult r = tagger->tag(
      "Labour Returns to Power, Pledges Steady Support for Ukraine\n\n"
      "LONDON -- Britain's Labour Party won a large majority on Thursday. Labour had been out of power for 14 "
      "years, and its leader Keir Starmer said support for Ukraine would not change.");
  const auto orgs = names(r, EntityType::kOrg);
  CHECK(!orgs.count("Labour Returns"));
  CHECK(!orgs.count("Pledges Steady Support"));
  CHECK(count_of_type(r, EntityType::kOrg, "Labour") == 2);
}

TEST_CASE("tagger: with the model, a headline's person guess that starts with an organization is that organization") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  const TagResult r = tagger->tag(
      "FBI: Clinton Foundation Probe a Very High Priority\n\n"
      "There are new worries for Hillary and Bill Clinton as the FBI reportedly widens its investigation of the "
      "Clinton Foundation.\n\nSources said it is a very high priority.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Hillary Clinton", "Bill Clinton"});
  CHECK(count_of_type(r, EntityType::kOrg, "Clinton Foundation") == 2);
}

TEST_CASE("tagger: with the model, names in headlines keep their own words") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The family name is written only in lowercase elsewhere (a transcript's
  // speaker lines): still no first name alone.
  TagResult r = tagger->tag(
      "Inside the Budget Fight With Michael Barbaro\n\n"
      "michael barbaro\n\nFrom the newsroom, this is the podcast. Michael, what happened?\n\n"
      "michael barbaro\n\nThe House voted late on Friday.");
  CHECK(names(r, EntityType::kPerson).count("Michael Barbaro"));
  CHECK(!names(r, EntityType::kPerson).count("Michael"));

  // Two known names with a verb between them: both names, and the later
  // mentions of each still join them.
  r = tagger->tag(
      "John McCain Demands Donald Trump Make Amends to Veterans\n\n"
      "Senator John McCain of Arizona said on Sunday that Donald J. Trump should make amends to veterans. "
      "Mr. Trump did not answer. Mr. McCain said he would keep his support.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"John McCain", "Donald Trump"});
  CHECK(count_of_type(r, EntityType::kPerson, "Donald Trump") == 3);

  // A Korean name the article writes in full keeps its given name.
  r = tagger->tag(
      "Park Jin Meets Blinken in Seoul\n\n"
      "SEOUL -- South Korean Foreign Minister Park Jin met Secretary of State Antony Blinken on Thursday. "
      "Park Jin said the alliance was strong.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Park Jin", "Antony Blinken"});
  CHECK(surfaces_of(r, EntityType::kPerson, "Park Jin") == std::set<std::string>{"Park Jin"});
}

TEST_CASE("tagger: with the model, title words the text never uses are no names, acronyms and full names stay") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Russia Quits Grain Deal, Raising Fears for Global Food Prices\n\n"
      "MOSCOW -- Russia said on Monday it would leave the grain agreement that let Ukraine ship food through the "
      "Black Sea. The United Nations said the poorest countries would suffer.");
  CHECK(names(r, EntityType::kPerson).empty());
  CHECK(!names(r, EntityType::kOrg).count("Raising Fears"));

  r = tagger->tag(
      "Lula Narrowly Defeats Bolsonaro to Win Back Brazil's Presidency\n\n"
      "SAO PAULO -- Luiz Inácio Lula da Silva won the runoff on Sunday, defeating President Jair Bolsonaro by less "
      "than two points.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Luiz Inácio Lula da Silva", "Jair Bolsonaro"});

  // An acronym in the title names the organization though the text never repeats it.
  r = tagger->tag(
      "G.O.P. Clings to One Thing It Agrees On: Spending Cuts\n\n"
      "WASHINGTON -- House Republicans split on the budget on Tuesday, and agreed only that spending must fall.");
  CHECK(names(r, EntityType::kOrg).count("G.O.P."));

  // Not the title: a list of names that reads like a headline (capitalised,
  // with "brown" and "white" written in lowercase elsewhere) keeps the names
  // whose words the text never uses, first names the gazetteer knows or not.
  r = tagger->tag(
      "Who the insiders are\n\n"
      "The panel this week, by state.\n\n"
      "South Carolina: Andrew Collins, Antjuan Seawright, Boyd Brown, Drea Byars, Michelle White, Walter Whetsell, "
      "Marlys Popma\n\n"
      "Each insider mailed the answers in a brown envelope with a white card.");
  const auto persons = names(r, EntityType::kPerson);
  for (const char* name : {"Antjuan Seawright", "Drea Byars", "Walter Whetsell", "Marlys Popma"}) {
    CHECK_MESSAGE(persons.count(name), "missing: " << std::string(name));
  }
}

TEST_CASE("tagger: a surname that is also a word after a title is the person's") {
  auto tagger = project_tagger();
  TagResult r = tagger->tag(
      "Trade talks end\n\n"
      "Chinese Vice Premier He Lifeng, who led the delegation, called the talks candid. Premier Li Qiang agreed. "
      "He said nothing more.");
  const auto persons = names(r, EntityType::kPerson);
  CHECK(persons.count("He Lifeng"));
  CHECK(persons.count("Li Qiang"));
  CHECK(!persons.count("Lifeng"));
  for (const Mention& m : r.mentions)
    if (m.canonical == "He Lifeng") CHECK(m.role == "Vice Premier");
}

TEST_CASE("tagger: a dateline's agency in brackets is an organization") {
  auto tagger = project_tagger();
  TagResult r = tagger->tag(
      "Leaders gather\n\n"
      "HIROSHIMA (Pacific Dispatch) -- Leaders of the Group of Seven met on Saturday.\n\n"
      "KYIV, Ukraine (Meridian Wire) -- Air raid sirens sounded twice overnight.\n\n"
      "BRUSSELS (Reuters) -- Ministers met again.");
  const auto orgs = names(r, EntityType::kOrg);
  CHECK(orgs.count("Pacific Dispatch"));
  CHECK(orgs.count("Meridian Wire"));
  const auto places = names(r, EntityType::kPlace);
  CHECK(places.count("Hiroshima"));
  CHECK(places.count("Kyiv"));
  CHECK(places.count("Brussels"));
  CHECK(!places.count("Pacific Dispatch"));
  CHECK(!places.count("Meridian Wire"));
  CHECK(names(r, EntityType::kPerson).empty());
}
