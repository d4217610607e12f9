// Names of things that are neither persons, organizations nor places, which
// the model reads as persons:
// - storms: "Hurricane Harvey" became a person, and coreference then joined it
//   to Harvey Weinstein in an article naming him (37,554 AllSides articles
//   name about 1,100 storms: "Hurricane Katrina", "Superstorm Sandy");
// - court cases: "Roe v. Wade" made persons "Roe" (206 articles) and "Wade"
//   (244);
// - a few set phrases: "Jim Crow" laws, the show "Morning Joe".
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference. The article's event names are
// - the capitalised word after "Hurricane", "Superstorm", "Typhoon",
//   "Cyclone", "Tropical Storm" or a capitalised "Storm" ("Storm Ciara"), not
//   inside a longer name ("National Hurricane Center");
// - the capitalised word on either side of "v." ("Roe v. Wade"; not the "v"
//   or "vs." of a match);
// - "Jim Crow" and "Morning Joe".
// Person and place guesses over them are dropped and blocking spans cover them
// (organizations stay: "Citizens United v. FEC"); a one-word guess of the
// model elsewhere that is a storm's or a party's name ("after Harvey",
// "overturn Roe") is dropped and blocked too, so coreference adds no person;
// not a party the gazetteer knows ("Trump" of "Trump v. Hawaii").
void drop_event_names(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans);

}  // namespace dossier
