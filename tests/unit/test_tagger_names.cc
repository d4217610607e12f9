// Acceptance tests of the tagger's rules for names the sequence model leaves
// short, bare or wrong (org_names, one_word_guesses, hover_cards,
// state_abbreviations, the guess filters' word lists), on text written like the
// news they were measured on, with the project's data/ gazetteers and model.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "indexer/tagger/entity_tagger.h"
#include "tests/unit/tagger_test_helpers.h"

using namespace dossier;
using namespace dossier::test;

TEST_CASE("tagger: with the model, organization names run on through for and on, and stop at a title or a date") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model stopped at "Center" and "Council", and made "American Progress"
  // and "Foreign Relations" organizations of their own.
  TagResult r = tagger->tag(
      "Budget talks\n\nA new report by the Center for American Progress said so. He spoke at the Council on "
      "Foreign Relations and the Council on American-Islamic Relations, and wrote for the Reporters Committee for "
      "Freedom of the Press. The Committee for a Responsible Federal Budget disagreed, as did the Center on Budget "
      "and Policy Priorities. Neera Tanden of the Center for American Progress agreed. The Judiciary Committee on "
      "Monday heard the Senate Judiciary Committee on Capitol Hill.");
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* full : {"Center for American Progress", "Council on Foreign Relations",
                           "Council on American-Islamic Relations", "Reporters Committee for Freedom of the Press",
                           "Committee for a Responsible Federal Budget", "Center on Budget and Policy Priorities",
                           "Judiciary Committee", "Senate Judiciary Committee"}) {
    CHECK_MESSAGE(orgs.count(full), "missing: " << std::string(full));
  }
  CHECK(count_of_type(r, EntityType::kOrg, "Center for American Progress") == 2);
  for (const char* part : {"Center", "Council", "American Progress", "Foreign Relations", "Progress",
                           "Judiciary Committee on Monday", "Senate Judiciary Committee on Capitol Hill"}) {
    CHECK_MESSAGE(!orgs.count(part), "tagged: " << std::string(part));
  }
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Neera Tanden"});
  CHECK(names(r, EntityType::kPlace).count("Capitol Hill"));
}

TEST_CASE("tagger: with the model, a bare organization word names the article's organization or none") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Inquiry widens\n\nThe House Judiciary Committee heard Attorney General William Barr on Monday. The "
      "Washington Post reported it first, and the Post said the Committee found nothing. The New York Times "
      "disagreed; the Times said so. Attorney General Steve Marshall said the Court and the Institute "
      "agreed, as did the University. President Donald Trump was silent. The Trump administration said "
      "nothing. Graham said on \"Face the Nation\" and on \"Meet the Press\" that the Granite State votes first. "
      "The House passed the bill, and CNN reported it.\n\n"
      "Media playback is unsupported on your device Media caption Schiff says the facts are damning.");
  const auto orgs = names(r, EntityType::kOrg);
  // Resolved to the one longer name of the article.
  CHECK(count_of_type(r, EntityType::kOrg, "House Judiciary Committee") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "Washington Post") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "New York Times") == 2);
  // Generic words alone, shows and captions: no organization.
  for (const char* junk : {"Committee", "Post", "Times", "Attorney", "Court", "Institute", "University", "Nation",
                           "Press", "State", "Media", "Trump"}) {
    CHECK_MESSAGE(!orgs.count(junk), "tagged: " << std::string(junk));
  }
  // A family name before "administration" or "White House" is the person.
  CHECK(count_of_type(r, EntityType::kPerson, "Donald Trump") == 2);
  // Names by themselves stay, although the article names "House Judiciary Committee".
  CHECK(orgs.count("House"));
  CHECK(orgs.count("CNN"));
}

TEST_CASE("tagger: with the model, sentence openers, party letters, suffixes and adjectives are no persons") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senators object\n\nLikewise, the senators were unhappy. \"Look, it is over. Period.\" A major Democratic "
      "donor agreed, and so did Sen. Sherrod Brown (D., Ohio) and Sen. Rand Paul (R., Ky.). The rally honored "
      "Martin Luther King Jr.'s speech. The United States is at war with al Qaeda; he trained in Qaeda camps.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Sherrod Brown", "Rand Paul", "Martin Luther King Jr."});
  CHECK(count_of_type(r, EntityType::kOrg, "al-Qaeda") == 2);
  CHECK(names(r, EntityType::kPlace).count("Ohio"));
}

TEST_CASE("tagger: with the model, the words around a one-word guess correct it") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Border visit\n\nThe Clintons and the Bidens met Hillary Clinton and Joe Biden. Senate Majority Leader Mitch "
      "McConnell Addison (Mitch) Mitchell McConnell spoke. Paul Manafort was charged. Giuliani consulted with "
      "Manafort on Ukraine info. Migrants were held at a center in McAllen. What was going on in Clinton's mind? "
      "Article II and Section 230 were cited.");
  for (const auto& e : r.entities) {
    for (const char* junk : {"Clintons", "Bidens", "Mitch", "Article", "Section"}) {
      CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
    }
  }
  CHECK(count_of_type(r, EntityType::kPerson, "Paul Manafort") == 2);  // "with Manafort" was a place
  CHECK(names(r, EntityType::kPlace).count("McAllen"));                 // "in McAllen" was a person
  CHECK(count_of_type(r, EntityType::kPerson, "Hillary Clinton") == 2);  // "in Clinton's mind" stays hers
}

TEST_CASE("tagger: with the model, a named person after a lowercase role is no organization") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model read "Sean" as an organization beside the person "Hannity".
  TagResult r = tagger->tag(
      "Cable news\n\nFox News host Sean Hannity said so. MSNBC anchor Rachel Maddow and CNN anchor Jake Tapper "
      "disagreed. Hill.TV co-host Krystal Ball agreed. Host Japan won.");
  CHECK(names(r, EntityType::kPerson) ==
        std::set<std::string>{"Sean Hannity", "Rachel Maddow", "Jake Tapper", "Krystal Ball"});
  CHECK(names(r, EntityType::kOrg) == std::set<std::string>{"Fox News", "MSNBC", "CNN"});
  CHECK(names(r, EntityType::kPlace).count("Japan"));
}

TEST_CASE("tagger: with the model, credits, player boxes, roles and descriptions leave the names in them") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Court rules\n\nThe ruling by Supreme Court Justice Ruth Bader Ginsburg was cited. Acting Attorney General "
      "Sally Yates left, said a New York Democrat. Senate Democratic Leader Chuck Schumer spoke. Hide Caption 3 of "
      "20. JUST WATCHED. Photo: AP Photo/Evan Vucci. Reuters Image. Read the Google Privacy Policy and Terms of "
      "Service. The New York Times reported; The Times said so.");
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* junk : {"Supreme Court Justice", "Hide Caption", "JUST WATCHED", "AP Photo", "Reuters Image",
                           "Google Privacy Policy", "Terms of Service", "New York Democrat", "Senate Democratic",
                           "The Times", "Acting"}) {
    CHECK_MESSAGE(!orgs.count(junk), "tagged: " << std::string(junk));
  }
  for (const char* name : {"Supreme Court", "Associated Press", "Reuters", "Google"}) {
    CHECK_MESSAGE(orgs.count(name), "missing: " << std::string(name));
  }
  CHECK(count_of_type(r, EntityType::kOrg, "New York Times") == 2);
  CHECK(names(r, EntityType::kPlace).count("New York"));
  std::map<std::string, std::string> roles;
  for (const auto& m : r.mentions)
    if (m.type == EntityType::kPerson) roles[m.canonical] = m.role;
  CHECK(roles["Ruth Bader Ginsburg"] == "Justice");
  CHECK(roles["Sally Yates"] == "Acting Attorney General");
  CHECK(roles["Chuck Schumer"] == "Senate Democratic Leader");
}

TEST_CASE("tagger: with the model, a scraped page's hover card is no second person") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senators balk\n\nSenate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk "
      "at the plan. Special counsel Robert Mueller spoke. Mueller Robert (Bob) Swan MuellerBarr says the report is "
      "done. The Hill reported it, as did Mother Jones.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Mitch McConnell", "Robert Mueller"});
  CHECK(count_of_type(r, EntityType::kPerson, "Robert Mueller") == 2);
  for (const char* junk : {"Mitchell McConnell", "Mitch McConnell Addison", "Mueller Robert", "Swan", "Mitch"}) {
    for (const auto& e : r.entities) CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
  }
  CHECK(names(r, EntityType::kOrg).count("The Hill"));
  CHECK(names(r, EntityType::kOrg).count("Mother Jones"));
}

TEST_CASE("tagger: with the model, the headlines of a hover card up to its MORE add no names") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The card: the full name glued to three headlines of other articles, closed
  // by the page's "MORE" link, then the article's sentence goes on.
  TagResult r = tagger->tag(
      "Server inquiry\n\nThe report faulted former Secretary of State Hillary Clinton Hillary Diane Rodham "
      "Clinton2020 hopefuls court voters in Iowa Senate panel delays vote on trade pact Manafort aide testifies in "
      "Virginia court MORE\u2019s use of a private server. Clinton declined to comment, her lawyer said in Chicago.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Hillary Clinton"});
  CHECK(count_of_type(r, EntityType::kPerson, "Hillary Clinton") == 2);
  CHECK(names(r, EntityType::kPlace) == std::set<std::string>{"Chicago"});
  CHECK(names(r, EntityType::kOrg).empty());
  // Without the name shown before it, a full name glued to a word is no card.
  TagResult plain = tagger->tag(
      "Visit\n\nHillary Diane Rodham Clinton2020 was the slogan on the bus in Iowa, and MORE was the word on the "
      "banner.");
  CHECK(names(plain, EntityType::kPlace).count("Iowa"));
}

TEST_CASE("tagger: with the model, a known name before a possessive is no part of the next name") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Legal memo\n\nLawyers at the Justice Department\u2019s Office of Legal Counsel wrote the memo. Rod "
      "Rosenstein, the Justice Department\u2019s No. 2 official, signed it. Activists from America\u2019s Voice "
      "protested outside, and America\u2019s NATO allies wrote to the Senate.");
  const auto orgs = names(r, EntityType::kOrg);
  CHECK(orgs.count("Justice Department"));
  CHECK(count_of_type(r, EntityType::kOrg, "Justice Department") == 2);
  CHECK(orgs.count("Office of Legal Counsel"));
  CHECK(orgs.count("America\u2019s Voice"));  // "America’s" starts names the gazetteer does not know
  CHECK(orgs.count("NATO"));
  for (const auto& e : r.entities) {
    CHECK_MESSAGE(e.canonical.find("\u2019s No") == std::string::npos, "tagged: " << e.canonical);
    CHECK_MESSAGE(e.canonical != "No.", "tagged: " << e.canonical);
    CHECK_MESSAGE(e.canonical.find("Department\u2019s") == std::string::npos, "tagged: " << e.canonical);
  }
}

TEST_CASE("tagger: with the model, US agencies and party committees are one organization by any of their names") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Agencies\n\nThe Department of Justice opened a case, and a DOJ spokesman said the Justice Department would "
      "not comment. ICE agents and Immigration and Customs Enforcement officers met at the border, where ice covered "
      "the road. The DNC and the Democratic National Committee chair disagreed with the RNC. The EPA, the IRS and the "
      "Environmental Protection Agency answered questions.");
  CHECK(count_of_type(r, EntityType::kOrg, "Justice Department") == 3);
  CHECK(count_of_type(r, EntityType::kOrg, "Immigration and Customs Enforcement") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "Democratic National Committee") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "Republican National Committee") == 1);
  CHECK(count_of_type(r, EntityType::kOrg, "Environmental Protection Agency") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "Internal Revenue Service") == 1);
  for (const auto& e : r.entities)
    for (const char* split : {"Department of Justice", "DOJ", "ICE", "Ice", "DNC", "EPA", "IRS"})
      CHECK_MESSAGE(e.canonical != split, "tagged: " << e.canonical);
}

TEST_CASE("tagger: with the model, US offices, courts and newspapers are one organization by any of their names") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Courts\n\nThe U.S. Supreme Court heard the case, and the Supreme Court ruled in June. SCOTUS watchers and "
      "the U.S. Congress took note, as did the Fed and the Federal Reserve. Homeland Security Secretary Kirstjen "
      "Nielsen spoke; the Department of Homeland Security agreed. Director of National Intelligence Dan Coats "
      "testified. The Guardian and the Intercept reported it.");
  CHECK(count_of_type(r, EntityType::kOrg, "Supreme Court") == 3);
  CHECK(count_of_type(r, EntityType::kOrg, "Federal Reserve") == 2);
  CHECK(count_of_type(r, EntityType::kOrg, "Department of Homeland Security") == 2);
  CHECK(names(r, EntityType::kOrg).count("Congress"));
  CHECK(names(r, EntityType::kOrg).count("The Guardian"));
  CHECK(names(r, EntityType::kOrg).count("The Intercept"));
  std::map<std::string, std::string> roles;
  for (const auto& m : r.mentions)
    if (m.type == EntityType::kPerson) roles[m.canonical] = m.role;
  CHECK(roles["Dan Coats"] == "Director of National Intelligence");
  CHECK(roles["Kirstjen Nielsen"] == "Secretary");
  for (const auto& e : r.entities)
    for (const char* split : {"U.S. Supreme Court", "SCOTUS", "U.S. Congress", "Fed", "Homeland Security", "Homeland",
                              "National Intelligence", "Guardian", "Intercept"})
      CHECK_MESSAGE(e.canonical != split, "tagged: " << e.canonical);
}

TEST_CASE("tagger: with the model, a country that is also a given name starts a person, not a place") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Vote\n\nThe plan failed in the House.\n\nFox News\u2019 Adam Shaw, Chad Pergram and The Associated Press "
      "contributed to this report. Acting Homeland Security Secretary Chad Wolf visited Chad and the Jordan Valley.");
  const auto persons = names(r, EntityType::kPerson);
  CHECK(persons.count("Chad Pergram"));
  CHECK(persons.count("Chad Wolf"));
  const auto places = names(r, EntityType::kPlace);
  CHECK(places.count("Jordan Valley"));
  CHECK(count_of_type(r, EntityType::kPlace, "Chad") == 1);
  for (const auto& e : r.entities) CHECK_MESSAGE(e.canonical != "Acting Homeland Security", "tagged: " << e.canonical);
}

TEST_CASE("tagger: with the model, storms are no persons and their names join no one") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Storm season\n\nHurricane Harvey hit Houston, and the National Hurricane Center warned of Tropical Storm "
      "Imelda. After Harvey and Superstorm Sandy, Storm Ciara hit Britain. Harvey Weinstein was in court.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Harvey Weinstein"});
  CHECK(count_of_type(r, EntityType::kPerson, "Harvey Weinstein") == 1);
  CHECK(names(r, EntityType::kOrg).count("National Hurricane Center"));
  CHECK(names(r, EntityType::kPlace).count("Houston"));
  for (const auto& e : r.entities)
    for (const char* storm : {"Imelda", "Tropical Storm Imelda", "Sandy", "Superstorm Sandy", "Ciara", "Harvey"})
      CHECK_MESSAGE(e.canonical != storm, "tagged: " << e.canonical);
}

TEST_CASE("tagger: with the model, court cases and set phrases are no persons") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Court\n\nThe justices may overturn Roe v. Wade, as Brown v. Board of Education once was hailed, and "
      "Citizens United v. FEC stands. Jim Crow laws fell. On Morning Joe, Joe Scarborough said Roe is at risk. "
      "In Trump v. Hawaii, the court sided with Trump.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Joe Scarborough", "Donald Trump"});
  CHECK(count_of_type(r, EntityType::kPerson, "Donald Trump") == 1);  // the party of the case is no mention
  const auto orgs = names(r, EntityType::kOrg);
  CHECK(orgs.count("Citizens United"));
  CHECK(orgs.count("Federal Election Commission"));
  for (const auto& e : r.entities)
    for (const char* junk : {"Roe", "Wade", "Brown", "Jim Crow", "Morning Joe", "Citizens United v."})
      CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
}

TEST_CASE("tagger: with the model, cities named like people are places, and their newspapers organizations") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Rallies\n\nProtesters marched in Denver, Charlotte and Orlando, and students rallied in Berkeley. The "
      "Denver Post and the Orlando Sentinel reported it, as did Slate and Salon. The attack in Benghazi was "
      "studied by the House Select Committee on Benghazi.");
  const auto places = names(r, EntityType::kPlace);
  for (const char* city : {"Denver", "Charlotte", "Orlando", "Berkeley", "Benghazi"})
    CHECK_MESSAGE(places.count(city), "missing: " << std::string(city));
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* org : {"Denver Post", "Orlando Sentinel", "Slate", "Salon", "House Select Committee on Benghazi"})
    CHECK_MESSAGE(orgs.count(org), "missing: " << std::string(org));
  CHECK(names(r, EntityType::kPerson).empty());
}

TEST_CASE("tagger: with the model, adjectives the model cut off longer names are no names alone") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Impeachment\n\nImpeachment is not on the agenda, at least until the outcome of Special Counsel Robert "
      "Mueller\u2019s probe of Russia. There are two investigations, one by federal prosecutors in New York, and the "
      "other by Special Counsel Robert Mueller. He joined several Southern Republicans from high unemployment "
      "states. From The Hill's Morning Report: the vote is near.");
  for (const auto& e : r.entities) {
    for (const char* junk : {"Special", "Southern", "Morning"}) CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
  }
  CHECK(count_of_type(r, EntityType::kPerson, "Robert Mueller") == 2);
  CHECK(names(r, EntityType::kPlace) == std::set<std::string>{"Russia", "New York"});
}

TEST_CASE("tagger: with the model, party notes and datelines name states by their abbreviations") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senators\n\nSen. John Kennedy (R-La.) and Sen. David Perdue (R-Ga.) spoke. Rep. Maxine Waters, D-Ca., "
      "agreed. He lives in Boston, Mass. and in Austin, TX. La Paz is far, and Mo Brooks spoke.");
  CHECK(count_of_type(r, EntityType::kPlace, "Louisiana") == 1);
  CHECK(count_of_type(r, EntityType::kPlace, "Georgia") == 1);
  CHECK(count_of_type(r, EntityType::kPlace, "California") == 1);
  CHECK(count_of_type(r, EntityType::kPlace, "Massachusetts") == 1);
  CHECK(count_of_type(r, EntityType::kPlace, "Texas") == 1);
  for (const auto& e : r.entities) {
    for (const char* junk : {"R-La", "R-Ga", "D-Ca", "Mass", "TX"}) CHECK_MESSAGE(e.canonical != junk, "tagged: " << e.canonical);
  }
  CHECK(names(r, EntityType::kPerson).count("Mo Brooks"));
}

TEST_CASE("tagger: with the model, programs, laws, treaties and groups of people alone are no organizations") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model made each of these an organization.
  TagResult r = tagger->tag(
      "Policy fights\n\nThe fate of DACA recipients, the ACA and NAFTA was debated, as was a FISA warrant. LGBT "
      "groups and the Framers were cited. A super PAC spent millions. The Holocaust was remembered. The VP, the "
      "AG and the IG asked for ID, DNA and TV time.");
  CHECK(r.entities.empty());
}

TEST_CASE("tagger: with the model, first words of titles, numerals and contractions alone are no organizations, and titles end roles and offices") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // The model read "Acting", "Solicitor" and "III" as organizations.
  TagResult r = tagger->tag(
      "Hearing\n\nGrijalva sent a letter to Acting DHS Secretary Chad Wolf. The lawmakers hired former Bush "
      "administration Solicitor General Paul Clement to do the job. The Colts were upset by the New York Jets in "
      "Super Bowl III. A report by the Office of the Inspector General found fault.");
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* junk : {"Acting", "Solicitor", "III", "Office of", "Inspector General"})
    CHECK_MESSAGE(!orgs.count(junk), "tagged: " << std::string(junk));
  CHECK(orgs.count("New York Jets"));
  CHECK(orgs.count("Office of the Inspector General"));  // the title after "of" is the office's
  std::string role;
  for (const auto& m : r.mentions)
    if (m.canonical == "Paul Clement") role = m.role;
  CHECK(role == "Solicitor General");
}

TEST_CASE("tagger: with the model, King after a name is the name and before one a title, and General Motors is a company") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Remembering\n\nPresident Obama says that the Rev. Martin Luther King Jr. would like the law. King Abdullah "
      "of Jordan met Prince Charles. General Motors and General Electric hired; Johns Hopkins University and the "
      "American Enterprise Institute agreed.");
  const auto persons = names(r, EntityType::kPerson);
  CHECK(!persons.count("Jr."));
  CHECK(count_of_type(r, EntityType::kPerson, "Martin Luther King") == 1);  // not "King" of King Abdullah
  CHECK(persons.count("Abdullah"));
  for (const char* junk : {"Motors", "Electric", "Johns"}) CHECK_MESSAGE(!persons.count(junk), "person: " << std::string(junk));
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* org : {"General Motors", "General Electric", "Johns Hopkins University", "American Enterprise Institute"})
    CHECK_MESSAGE(orgs.count(org), "missing: " << std::string(org));
}

TEST_CASE("tagger: with the model, companies and outlets are organizations, but not in a share box or a byline") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Platforms\n\nSchiff said on Twitter that Walmart and Huawei erred, as Breitbart and Axios reported. Share "
      "on Facebook.\n\nFollow Matt on Twitter @mattmcgrathbbc. Email: csaid@sfchronicle.com Twitter: @csaid");
  const auto orgs = names(r, EntityType::kOrg);
  for (const char* org : {"Twitter", "Walmart", "Huawei", "Breitbart News", "Axios"})
    CHECK_MESSAGE(orgs.count(org), "missing: " << std::string(org));
  CHECK(count_of_type(r, EntityType::kOrg, "Twitter") == 1);  // not the byline's two
  CHECK(!orgs.count("Facebook"));                             // only in the share box
  CHECK(names(r, EntityType::kPerson).count("Adam Schiff"));  // the one Schiff the gazetteer knows
}

TEST_CASE("tagger: with the model, a US politician's family name alone is the one the gazetteer knows") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // Articles that name them by family name alone, as headlines and second
  // references do; each is the only person with that family name in the
  // gazetteer, and a US person needs no country named.
  TagResult r = tagger->tag(
      "Romney and Pelosi spar\n\nRomney said Pelosi was wrong, and Mueller declined to comment, as did Reagan's "
      "biographer. Clinton and Bush were not asked.");
  const auto persons = names(r, EntityType::kPerson);
  for (const char* full : {"Mitt Romney", "Nancy Pelosi", "Robert Mueller", "Ronald Reagan"})
    CHECK_MESSAGE(persons.count(full), "missing: " << std::string(full));
  CHECK(count_of_type(r, EntityType::kPerson, "Mitt Romney") == 2);
  for (const char* bare : {"Romney", "Pelosi", "Mueller", "Reagan"}) CHECK(!persons.count(bare));
  // Several Clintons and Bushes: the family name alone stays a family name.
  CHECK(!persons.count("Hillary Clinton"));
  CHECK(!persons.count("George W. Bush"));
  // First names that news uses alone for one person, and Assad.
  TagResult first = tagger->tag("Debate\n\nHillary and Bernie clashed over Syria, where Assad holds power.");
  const auto named = names(first, EntityType::kPerson);
  for (const char* full : {"Hillary Clinton", "Bernie Sanders", "Bashar al-Assad"})
    CHECK_MESSAGE(named.count(full), "missing: " << std::string(full));
  CHECK(named.size() == 3);
  // A first name alone after the family name alone ("Trump" is the gazetteer's one Trump).
  TagResult given = tagger->tag(
      "Golf\n\n\"You are playing golf in Miami, Donald,\" the host told Trump. Donald laughed.");
  CHECK(names(given, EntityType::kPerson) == std::set<std::string>{"Donald Trump"});
  CHECK(count_of_type(given, EntityType::kPerson, "Donald Trump") == 3);
}

TEST_CASE("tagger: with the model, a politician's formal and familiar names are one person") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  TagResult r = tagger->tag(
      "Senate\n\nSen. Charles E. Schumer met Attorney General William P. Barr and Hillary Rodham Clinton. Later, "
      "Chuck Schumer told Bill Barr that Jerry Nadler and Rep. Jerrold Nadler were one man. Bloomberg reported it.");
  CHECK(count_of_type(r, EntityType::kPerson, "Chuck Schumer") == 2);
  CHECK(count_of_type(r, EntityType::kPerson, "William Barr") == 2);
  CHECK(count_of_type(r, EntityType::kPerson, "Jerrold Nadler") == 2);
  CHECK(count_of_type(r, EntityType::kPerson, "Hillary Clinton") == 1);
  CHECK(names(r, EntityType::kOrg).count("Bloomberg"));  // the news agency, not Michael Bloomberg
}

TEST_CASE("tagger: with the model, a family name before an organization's head word is that organization") {
  auto tagger = project_tagger_with_model();
  if (!tagger) return;
  // "foundation" and "organization" in lowercase too, so both are ordinary
  // words: still no run-together headline ("Trump More") to cut after "Clinton".
  const TagResult r = tagger->tag(
      "Donors under scrutiny\n\nFormer President Bill Clinton defended the work of the Clinton Foundation on "
      "Tuesday. The foundation said its donors were public. The Trump Organization, whose organization chart is "
      "private, declined to comment.");
  CHECK(names(r, EntityType::kOrg) == std::set<std::string>{"Clinton Foundation", "Trump Organization"});
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Bill Clinton"});
  CHECK(count_of_type(r, EntityType::kPerson, "Bill Clinton") == 1);
}
