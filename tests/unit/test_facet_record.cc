// Tests for common/facet_record: the combined facet value round-trips, and a
// damaged one is refused rather than read past its end.
#include "common/facet_record.h"

#include <array>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "common/index_terms.h"

using dossier::EntityType;

TEST_CASE("facet record: ids of each type and the month round-trip") {
  std::vector<std::string> many;
  for (int i = 0; i < 200; ++i) many.push_back("Person " + std::to_string(i));  // a count over one varint byte
  const std::array<std::string, 3> packed = {
      dossier::pack_entity_ids(EntityType::kPerson, many),
      dossier::pack_entity_ids(EntityType::kOrg, {}),
      dossier::pack_entity_ids(EntityType::kPlace, {"Seoul", "Tokyo"}),
  };
  const std::string value = dossier::encode_facet_record(packed, "2023-11");
  dossier::FacetRecordView view;
  REQUIRE(dossier::decode_facet_record(value, &view));
  for (int t = 0; t < 3; ++t) CHECK(view.ids[t] == packed[t]);
  CHECK(view.ids[0].size() == 200 * dossier::kEntityIdBytes);
  CHECK(view.month == "2023-11");

  const std::string undated = dossier::encode_facet_record(packed, "");
  REQUIRE(dossier::decode_facet_record(undated, &view));
  CHECK(view.month.empty());
  CHECK(view.ids[2] == packed[2]);

  REQUIRE(dossier::decode_facet_record(dossier::encode_facet_record({}, ""), &view));
  for (const auto& ids : view.ids) CHECK(ids.empty());
}

TEST_CASE("facet record: damaged values are refused") {
  const std::array<std::string, 3> packed = {dossier::pack_entity_ids(EntityType::kPerson, {"Park Jin"}), "",
                                             dossier::pack_entity_ids(EntityType::kPlace, {"Seoul"})};
  const std::string value = dossier::encode_facet_record(packed, "2023-11");
  dossier::FacetRecordView view;
  view.month = "unchanged";
  // Every cut short of the whole value, but the one that drops the month,
  // loses bytes the counts promise, or leaves a partial month.
  for (size_t n = 0; n < value.size(); ++n) {
    CAPTURE(n);
    const bool whole_ids = n == value.size() - 7;
    CHECK(dossier::decode_facet_record(value.substr(0, n), &view) == whole_ids);
  }
  CHECK(dossier::decode_facet_record(value + "x", &view) == false);  // 8-byte "month"
  // A count past the value's end, and a varint that never ends.
  CHECK_FALSE(dossier::decode_facet_record(std::string("\x05\x00\x00", 3), &view));
  CHECK_FALSE(dossier::decode_facet_record(std::string(8, '\xff'), &view));
  // Refused values leave the output alone.
  dossier::FacetRecordView untouched;
  untouched.month = "unchanged";
  CHECK_FALSE(dossier::decode_facet_record("\x01", &untouched));
  CHECK(untouched.month == "unchanged");
}
