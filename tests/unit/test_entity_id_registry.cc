// Tests for indexer/entity_id_registry: dense ids are unique per type across
// threads, survive in "ed:" entries, and a registry loaded from a database (and
// the shards of a killed run) goes on where they stopped.
#include "indexer/entity_id_registry.h"

#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

#include "common/index_terms.h"

namespace fs = std::filesystem;
using dossier::EntityType;

TEST_CASE("entity id registry: ids count from 0 per type and follow entity_key()") {
  dossier::EntityIdRegistry ids;
  CHECK(ids.id_for(EntityType::kPerson, "Antony Blinken") == 0);
  CHECK(ids.id_for(EntityType::kPerson, "Park Jin") == 1);
  CHECK(ids.id_for(EntityType::kPlace, "Seoul") == 0);
  CHECK(ids.id_for(EntityType::kPerson, "ANTONY BLINKEN") == 0);  // same entity_key()
  CHECK(ids.id_for(EntityType::kOrg, "Park Jin") == 0);           // another type, another id
  CHECK(ids.size(EntityType::kPerson) == 2);
}

TEST_CASE("entity id registry: two threads never get one id for two entities") {
  dossier::EntityIdRegistry ids;
  std::vector<uint32_t> got[2];
  auto work = [&](int t) {
    for (int i = 0; i < 20000; ++i) got[t].push_back(ids.id_for(EntityType::kPerson, "Person " + std::to_string(i)));
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  CHECK(got[0] == got[1]);  // both asked for the same entities in the same order
  CHECK(std::set<uint32_t>(got[0].begin(), got[0].end()).size() == 20000);
  CHECK(ids.size(EntityType::kPerson) == 20000);
}

TEST_CASE("entity id registry: load() takes a database's and a shard's ids and goes on after the highest") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-ids-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(dossier::dense_id_key(EntityType::kPerson, 0), "Antony Blinken");
    db.set_metadata(dossier::dense_id_key(EntityType::kPerson, 7), "Park Jin");
    db.set_metadata(dossier::dense_id_key(EntityType::kPlace, 3), "Seoul");
    db.set_metadata("ed:p:zz", "not an id");  // ignored
    db.set_metadata(dossier::entity_id_key(EntityType::kPerson, 12345), "Hashed Name");  // not a dense id
    db.commit();
    Xapian::WritableDatabase shard((dir / "shard").string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    shard.set_metadata(dossier::dense_id_key(EntityType::kPerson, 9), "Yoon Suk Yeol");
    shard.set_metadata(dossier::dense_id_key(EntityType::kPerson, 7), "Park Jin");
    shard.commit();
  }
  dossier::EntityIdRegistry ids;
  REQUIRE(ids.load(Xapian::Database((dir / "db").string()), "db").ok());
  REQUIRE(ids.load(Xapian::Database((dir / "shard").string()), "shard").ok());
  CHECK(ids.id_for(EntityType::kPerson, "Park Jin") == 7);
  CHECK(ids.id_for(EntityType::kPerson, "antony blinken") == 0);
  CHECK(ids.id_for(EntityType::kPerson, "Yoon Suk Yeol") == 9);
  CHECK(ids.id_for(EntityType::kPerson, "Hashed Name") == 10);  // new: after the highest, 9
  CHECK(ids.id_for(EntityType::kPlace, "Tokyo") == 4);
  CHECK(ids.id_for(EntityType::kOrg, "APEC") == 0);
  fs::remove_all(dir);
}
