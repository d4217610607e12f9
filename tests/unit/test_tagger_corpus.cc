// Acceptance tests of the entity tagger on real news (../shared/corpora, skipped
// when absent) with the project's data/ gazetteers and model.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <map>
#include <set>
#include <sstream>

#include "indexer/tagger/conll_eval.h"
#include "indexer/tagger/entity_tagger.h"
#include "tests/unit/tagger_test_helpers.h"

using namespace dossier;
using namespace dossier::test;


TEST_CASE("tagger: seed article gives exactly the expected persons") {
  std::string path = std::string(DOSSIER_SHARED_CORPORA) + "/seed/kyodo-2023-11-14-trilateral-apec.txt";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " not found");
    return;
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto tagger = project_tagger();
  TagResult r = tagger->tag(text.str());
  CHECK(names(r, EntityType::kPerson) ==
        std::set<std::string>{"Antony Blinken", "Yoko Kamikawa", "Park Jin", "Joe Biden", "Xi Jinping"});
  std::set<std::string> places = names(r, EntityType::kPlace);
  for (const char* p : {"United States", "Japan", "South Korea", "North Korea", "China", "Russia", "Ukraine",
                        "Israel", "Gaza Strip", "San Francisco"}) {
    CHECK_MESSAGE(places.count(p), "missing place " << p);
  }
  std::set<std::string> orgs = names(r, EntityType::kOrg);
  for (const char* o : {"APEC", "Group of Seven", "Hamas", "State Department"}) {
    CHECK_MESSAGE(orgs.count(o), "missing org " << o);
  }
  // Short mentions joined their full names.
  for (const auto& e : r.entities) {
    if (e.canonical == "Antony Blinken") CHECK(e.mentions >= 5);
    if (e.canonical == "Park Jin") CHECK(e.mentions >= 4);
  }
}

TEST_CASE("tagger: CoNLL-2003 valid regression floor") {
  std::string path = std::string(DOSSIER_SHARED_CORPORA) + "/conll2003/valid.txt";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " not found");
    return;
  }
  std::vector<ConllDocument> docs;
  REQUIRE(read_conll_file(path, &docs).ok());
  auto tagger = project_tagger();
  NerEvaluation eval = evaluate_conll(*tagger, docs);
  MESSAGE("valid: PER F1 " << eval.by_type["PER"].f1() << ", ORG F1 " << eval.by_type["ORG"].f1() << ", LOC F1 "
                           << eval.by_type["LOC"].f1() << ", overall F1 " << eval.overall.f1());
  if (tagger->has_model()) {
    CHECK(eval.by_type["PER"].f1() >= 0.92);
    CHECK(eval.overall.f1() >= 0.85);
  } else {
    // Gazetteers and rules alone: a floor that catches regressions in the rules.
    CHECK(eval.by_type["PER"].f1() >= 0.70);
    CHECK(eval.by_type["LOC"].f1() >= 0.75);
    CHECK(eval.overall.f1() >= 0.60);
  }
}

TEST_CASE("tagger: with the model, titles are stripped and first names join") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Conservative leader Michael Howard attacked the plan on Monday. Mr Howard said voters deserved better, "
      "and Michael later repeated the charge. Analysts said a Tory government would act differently.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Michael Howard"});
  for (const auto& e : r.entities) {
    if (e.canonical == "Michael Howard") CHECK(e.mentions == 3);
  }
}

TEST_CASE("tagger: with the model, photo credits split at the slash and web addresses are no places") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "President Joe Biden spoke in Chicago on Tuesday. (Photo: Jim Bourg/Reuters)\n\n"
      "A Washington Post/ABC News poll found support rising. Details at https://t.co/7TekwnqAZU "
      "and www.whitehouse.gov, or write to press@whitehouse.gov.\n\n"
      "The Wall Street Journal first reported the poll on Monday.");
  const std::set<std::string> persons = names(r, EntityType::kPerson);
  CHECK(persons.count("Jim Bourg"));
  const std::set<std::string> orgs = names(r, EntityType::kOrg);
  CHECK(orgs.count("Reuters"));
  CHECK(orgs.count("Washington Post"));
  CHECK(orgs.count("ABC News"));
  CHECK_MESSAGE(orgs.count("Wall Street Journal"), "a leading article is not part of an organization's name");
  for (const auto& e : r.entities) {
    CHECK_MESSAGE(e.canonical.find('/') == std::string::npos, "slash inside " << e.canonical);
    CHECK_MESSAGE(e.canonical.find('@') == std::string::npos, "address as entity: " << e.canonical);
    CHECK_MESSAGE(e.canonical.find("www.") == std::string::npos, "address as entity: " << e.canonical);
  }
}

TEST_CASE("tagger: with the model, US states are places, also before a title, but not inside longer names") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Texas Sen. Ted Cruz announced his bid on Monday. South Carolina Sen. Lindsey Graham said he would decide "
      "soon.\n\nFive races are toss-ups (Arizona, Florida, Indiana, Missouri and Nevada). Rep. Virginia Foxx of "
      "North Carolina spoke, Joe Montana watched, and the Texas Tribune and the University of Texas reported it.");
  const std::set<std::string> places = names(r, EntityType::kPlace);
  for (const char* p : {"Texas", "South Carolina", "Arizona", "Florida", "Indiana", "Missouri", "Nevada",
                        "North Carolina"})
    CHECK_MESSAGE(places.count(p), "missing place " << p);
  CHECK_FALSE(places.count("Virginia"));
  CHECK_FALSE(places.count("Montana"));
  const std::set<std::string> orgs = names(r, EntityType::kOrg);
  CHECK(orgs.count("Texas Tribune"));
  CHECK(orgs.count("University of Texas"));
  CHECK_FALSE(orgs.count("Texas"));
  CHECK_FALSE(orgs.count("Arizona"));
  CHECK_FALSE(orgs.count("South Carolina"));
  const std::set<std::string> persons = names(r, EntityType::kPerson);
  for (const char* p : {"Ted Cruz", "Lindsey Graham", "Virginia Foxx", "Joe Montana"})
    CHECK_MESSAGE(persons.count(p), "missing person " << p);
  CHECK(count_of_type(r, EntityType::kPlace, "Texas") == 1);  // the Tribune's and the university's are theirs

  // The AP style's abbreviations, and a party's letter before a state.
  TagResult ap = tagger->tag(
      "Sen. Ted Cruz (R-Texas) said on Monday that Rep. Nancy Pelosi (D-Calif.) was wrong.\n\n"
      "Officials in Richmond, Va., Trenton, N.J., and Miami, Fla., met in the Oval Office.");
  const std::set<std::string> ap_places = names(ap, EntityType::kPlace);
  for (const char* p : {"Texas", "California", "Virginia", "New Jersey", "Florida", "Oval Office"})
    CHECK_MESSAGE(ap_places.count(p), "missing place " << p);
  for (const auto& e : ap.entities) {
    CHECK_MESSAGE(e.canonical.find("R-") == std::string::npos, "party letter inside " << e.canonical);
    CHECK_MESSAGE(e.canonical != "Oval", "a part of the Oval Office: " << e.canonical);
  }

  // A results line's state is a team, as CoNLL-2003 has it.
  TagResult results = tagger->tag("MINNESOTA 67 67 .500 13 1/2\nTEXAS 75 58 .564 -\nCOLORADO AT ST LOUIS");
  CHECK_FALSE(names(results, EntityType::kPlace).count("Texas"));
}

TEST_CASE("tagger: with the model, a word that opens an organization's name is that organization") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The gazetteer's only Fox is Liam Fox, a British minister: "on Fox" is the network.
  TagResult fox = tagger->tag("Tucker Carlson said on Fox that the network would not apologize. A Fox News "
                              "spokesman declined to comment.");
  CHECK(names(fox, EntityType::kPerson) == std::set<std::string>{"Tucker Carlson"});
  CHECK(count_of_type(fox, EntityType::kOrg, "Fox News") == 2);
  // A company's name: no person guess.
  TagResult harvard = tagger->tag("Students at Harvard protested. Harvard University said it would respond.");
  CHECK(names(harvard, EntityType::kPerson).empty());
  // A family name beside an organization named after the person stays the person.
  TagResult trump = tagger->tag("The Trump Administration said Trump would sign the bill on Friday.");
  CHECK(names(trump, EntityType::kPerson) == std::set<std::string>{"Donald Trump"});
  CHECK(names(trump, EntityType::kOrg) == std::set<std::string>{"Trump Administration"});
}

TEST_CASE("tagger: with the model, a wire dateline's city is a place, and so is the word later on") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model reads "MIAMI (AP)" as an organization and "hit Miami" as a person.
  TagResult miami = tagger->tag("Storm hits Florida\n\nMIAMI (AP) \u2014 The storm hit Miami on Tuesday, officials said.");
  CHECK(names(miami, EntityType::kOrg) == std::set<std::string>{"Associated Press"});
  CHECK(names(miami, EntityType::kPerson).empty());
  CHECK(count_of_type(miami, EntityType::kPlace, "MIAMI") == 2);
  const std::pair<const char*, const char*> datelines[] = {
      {"TALLAHASSEE, Fla. \u2014 Lawmakers met on Tuesday.", "TALLAHASSEE"},
      {"KYIV, Ukraine (AP) -- Officials met.", "KYIV"},
      {"BRUSSELS (Reuters) \u2013 Ministers met.", "BRUSSELS"}};
  for (const auto& [text, city] : datelines) {
    CAPTURE(text);
    TagResult r = tagger->tag(text);
    CHECK(names(r, EntityType::kPerson).empty());
    CHECK(names(r, EntityType::kOrg).count(city) == 0);
    CHECK(names(r, EntityType::kPlace).size() >= 1);
  }
  // A transcript's speaker with a note in brackets is no dateline.
  TagResult transcript = tagger->tag("JAKE TAPPER (ANCHOR): Do you agree?\n\nSTEVE DOOCY (CO-HOST): Well \u2014");
  CHECK(names(transcript, EntityType::kPlace).empty());
  // A person named in full keeps a lone mention of the name, though a place shares it.
  TagResult jordan = tagger->tag("AMMAN, Jordan (AP) \u2014 Michael Jordan visited Jordan. Jordan said he liked it.");
  CHECK(names(jordan, EntityType::kPerson) == std::set<std::string>{"Michael Jordan"});
}

TEST_CASE("tagger: with the model, the technology companies are organizations, the Amazon rainforest a place") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model alone made "Amazon" a place and "Google" a person.
  TagResult r = tagger->tag(
      "Amazon to open headquarters\n\nAmazon said on Tuesday it would build a second headquarters. Google and "
      "Facebook declined to comment, and Microsoft Corp. said nothing. Fires in the Amazon rainforest worried Brazil.");
  CHECK(count_of_type(r, EntityType::kOrg, "Amazon") == 2);
  CHECK(names(r, EntityType::kOrg).count("Google"));
  CHECK(names(r, EntityType::kOrg).count("Facebook"));
  CHECK(names(r, EntityType::kOrg).count("Microsoft"));
  CHECK(names(r, EntityType::kPerson).empty());
  CHECK(names(r, EntityType::kPlace) == std::set<std::string>{"Amazon rainforest", "Brazil"});
}

TEST_CASE("tagger: with the model, the District of Columbia is a place, its Circuit court an organization") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "The U.S. Court of Appeals for the District of Columbia Circuit ruled on Friday. Voters in the District "
      "of Columbia went to the polls.");
  CHECK(names(r, EntityType::kPlace) == std::set<std::string>{"District of Columbia"});
  CHECK(names(r, EntityType::kOrg).count("District of Columbia Circuit"));
  CHECK(names(r, EntityType::kOrg).count("District of Columbia") == 0);
}

TEST_CASE("tagger: with the model, congressional leadership titles are roles, not organizations") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // Before these titles, the model left "Senate Minority" (920 AllSides articles),
  // "House Minority Leader" and "House Majority Whip" as organizations.
  TagResult r = tagger->tag(
      "Senate Minority Leader Chuck Schumer said Tuesday that the plan would fail. House Minority Leader Nancy "
      "Pelosi agreed, House Majority Whip Steve Scalise did not, and Senate Majority Whip Dick Durbin was silent.");
  CHECK(names(r, EntityType::kPerson) ==
        std::set<std::string>{"Chuck Schumer", "Nancy Pelosi", "Steve Scalise", "Dick Durbin"});
  CHECK(names(r, EntityType::kOrg).empty());
  for (const auto& m : r.mentions)
    if (m.canonical == "Chuck Schumer") CHECK(m.role == "Senate Minority Leader");
}

TEST_CASE("tagger: with the model, laws and faiths' or peoples' words are no entities, and names they open stay") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model alone made "Muslim" an organization, "Latino" a person and laws organizations.
  TagResult r = tagger->tag(
      "Christian Whiton Says the Court Was Right\n\nMuslim leaders and Latino voters joined Christians and Sunni "
      "clerics. The First Amendment and the Affordable Care Act were cited, as was the Bible. Hispanic groups met "
      "in Ohio. Christian Whiton, a former State Department adviser, agreed.");
  for (const auto& e : r.entities) {
    for (const char* junk : {"Muslim", "Latino", "Christians", "Sunni", "First Amendment", "Affordable Care Act",
                             "Bible", "Hispanic"}) {
      CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
    }
  }
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Christian Whiton"});
  CHECK(count_of_type(r, EntityType::kPerson, "Christian Whiton") == 2);  // the headline's mention too
  CHECK(names(r, EntityType::kPlace).count("Ohio"));
}

TEST_CASE("tagger: with the model, page furniture copied with an article is no entity") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senator Mitch McConnell spoke in Louisville on Friday.\n\nStory Continued Below\n\n"
      "He said the bill would pass.\n\nClick here for reprint permission.\n\nReplay More Videos\n\n"
      "Copyright 2019 The Washington Times, LLC.\n\nGet the Monitor Stories you care about delivered to your "
      "inbox. By signing up, you agree to our Privacy Policy.\n\nThe Monitor reported that Acme Widgets Corp lost.");
  CHECK(names(r, EntityType::kPerson).count("Mitch McConnell"));
  CHECK(names(r, EntityType::kOrg).count("Acme Widgets Corp"));  // the sentence after the pitch keeps its names
  for (const auto& e : r.entities) {
    for (const char* junk : {"Story Continued Below", "Click", "Replay More Videos", "LLC", "Monitor Stories"}) {
      CHECK_MESSAGE(e.canonical != junk, "page furniture tagged: " << e.canonical);
    }
  }
}

TEST_CASE("tagger: with the model, parts of roles, laws and generic words are no organizations or persons") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senate Majority Leader Mitch McConnell said on Tuesday that the bill would pass. Senate Majority Leader "
      "Harry Reid disagreed. Republicans hope to repeal Obamacare. The Union was formed. The Office of "
      "Management and Budget said the Constitution allows it. He works at the Office. National Security "
      "Adviser John Bolton left.\n\n"
      "German Foreign Ministry spokesman Martin Erdmann said talks would resume. House Speaker Nancy Pelosi "
      "and Treasury Secretary Steven Mnuchin met.");
  const std::set<std::string> persons = names(r, EntityType::kPerson);
  for (const char* p : {"Mitch McConnell", "Harry Reid", "Martin Erdmann", "Nancy Pelosi", "Steven Mnuchin"})
    CHECK_MESSAGE(persons.count(p), p);
  const std::set<std::string> orgs = names(r, EntityType::kOrg);
  for (const char* junk : {"Senate Majority", "Senate Majority Leader", "National Security Adviser", "Obamacare",
                           "Union", "Office", "Constitution"}) {
    CHECK_MESSAGE(!orgs.count(junk), "organization: " << junk);
    CHECK_MESSAGE(!persons.count(junk), "person: " << junk);
  }
  // Organizations inside roles stay when they are organizations.
  CHECK(orgs.count("Office of Management and Budget"));
  CHECK(orgs.count("House"));
  CHECK(orgs.count("Treasury"));
  bool ministry = false;
  for (const auto& o : orgs) ministry |= o.find("Foreign Ministry") != std::string::npos;
  CHECK_MESSAGE(ministry, "German Foreign Ministry");
  for (const auto& m : r.mentions) {
    if (m.canonical == "Mitch McConnell") CHECK(m.role == "Senate Majority Leader");
  }
}

TEST_CASE("tagger: with the model, known places and persons come back out of guesses padded with ordinary words") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Press briefing\n\nThe embassy covers Thailand Timor-Leste Togo Tokelau Tonga Trinidad and Tobago Tunisia. "
      "Reporters waited at the White House Briefing on Monday. Officials in New Jersey and West Germany agreed.");
  const std::set<std::string> places = names(r, EntityType::kPlace);
  const std::set<std::string> orgs = names(r, EntityType::kOrg);
  // A list run together is its countries.
  CHECK(places.count("Trinidad and Tobago"));
  CHECK(places.count("Tunisia"));
  CHECK_FALSE(places.count("Trinidad and Tobago Tunisia"));
  // An ordinary word after a known name is not part of it.
  CHECK_FALSE(places.count("White House Briefing"));
  CHECK(orgs.count("White House"));
  // A place's own first word stays ("New", "West" are ordinary words too).
  CHECK(places.count("New Jersey"));
  CHECK(places.count("West Germany"));
  CHECK_FALSE(places.count("Jersey"));
  CHECK_FALSE(places.count("Germany"));
}

TEST_CASE("tagger: with the model, a headline's ordinary words come off a person guess that names a known person") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Endorsements\n\nMarco Rubio and Ted Cruz spoke to the editors. Besides Rubio and Cruz, members met with Jeb "
      "Bush. Hillary Clinton faced questions.\n\n2. Whether Clinton can navigate the campaign\n\nClinton has the "
      "much tougher task. Boris Johnson said the country would heal.\n\nJohnson Calls for Divisions to be Healed\n\n"
      "Johnson spoke again. Analysts say whether Clinton wins remains open, and calls for unity grew. The columnist "
      "George Will and the actor Will Smith attended.");
  const std::set<std::string> persons = names(r, EntityType::kPerson);
  for (const char* junk : {"Besides Rubio", "Whether Clinton", "Johnson Calls"}) CHECK_MESSAGE(!persons.count(junk), junk);
  std::map<std::string, size_t> mentions;
  for (const auto& e : r.entities) mentions[e.canonical] = e.mentions;
  CHECK(mentions["Marco Rubio"] == 2);
  // "Whether Clinton" no longer makes every "Clinton" ambiguous (and dropped).
  CHECK(mentions["Hillary Clinton"] == 4);
  CHECK(mentions["Boris Johnson"] == 3);
  // First names and a family name that is a common word stay names.
  CHECK(persons.count("George Will"));
  CHECK(persons.count("Will Smith"));
}
