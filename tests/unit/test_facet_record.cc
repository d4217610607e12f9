// Tests for common/facet_record: the combined facet value round-trips, and a
// damaged one is refused rather than read past its end.
#include "common/facet_record.h"

#include <array>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "common/index_terms.h"
#include "common/varint.h"

using dossier::EntityType;
using dossier::RecordIds;
constexpr RecordIds kHashed = RecordIds::kHashed, kDense = RecordIds::kDense;

TEST_CASE("facet record: hashed ids (schemas 3-4) of each type and the month round-trip") {
  std::vector<std::string> many;
  for (int i = 0; i < 200; ++i) many.push_back("Person " + std::to_string(i));  // a count over one varint byte
  const std::array<std::string, 3> packed = {
      dossier::pack_entity_ids(EntityType::kPerson, many),
      dossier::pack_entity_ids(EntityType::kOrg, {}),
      dossier::pack_entity_ids(EntityType::kPlace, {"Seoul", "Tokyo"}),
  };
  const std::string value = dossier::encode_facet_record(packed, "2023-11", kHashed);
  dossier::FacetRecordView view;
  REQUIRE(dossier::decode_facet_record(value, kHashed, &view));
  for (int t = 0; t < 3; ++t) CHECK(view.ids[t] == packed[t]);
  CHECK(view.ids[0].size() == 200 * dossier::kEntityIdBytes);
  CHECK(view.month() == "2023-11");
  // Two counts of one byte, one of two, the ids, and the month in two bytes.
  CHECK(value.size() == 4 + (200 + 2) * dossier::kEntityIdBytes + 2);

  const std::string undated = dossier::encode_facet_record(packed, "", kHashed);
  REQUIRE(dossier::decode_facet_record(undated, kHashed, &view));
  CHECK(view.month().empty());
  CHECK(view.ids[2] == packed[2]);

  REQUIRE(dossier::decode_facet_record(dossier::encode_facet_record({}, "", kHashed), kHashed, &view));
  for (const auto& ids : view.ids) CHECK(ids.empty());

  // Every month of the years Dossier dates, both ends of the range, and
  // months that cannot be encoded (left out, as undated).
  for (const char* month : {"1000-01", "1900-12", "2023-01", "2099-06", "4999-12"}) {
    CAPTURE(month);
    REQUIRE(dossier::decode_facet_record(dossier::encode_facet_record({}, month, kHashed), kHashed, &view));
    CHECK(view.month() == month);
  }
  for (const char* month : {"0999-12", "5000-01", "2023-13", "2023-00", "2023-1", "202311", "2023/11"}) {
    CAPTURE(month);
    CHECK(dossier::encode_facet_record({}, month, kHashed).size() == 3);
  }
}

TEST_CASE("facet record: schema 3 records, with the month as text, still decode") {
  const std::array<std::string, 3> packed = {dossier::pack_entity_ids(EntityType::kPerson, {"Park Jin"}), "",
                                             dossier::pack_entity_ids(EntityType::kPlace, {"Seoul"})};
  const std::string ids = dossier::encode_facet_record(packed, "", kHashed);
  dossier::FacetRecordView view;
  const std::string legacy = ids + "2023-11";  // the views point into it
  REQUIRE(dossier::decode_facet_record(legacy, kHashed, &view));
  CHECK(view.month() == "2023-11");
  for (int t = 0; t < 3; ++t) CHECK(view.ids[t] == packed[t]);
  for (const char* bad : {"2023x11", "20a3-11", "2023-13"}) CHECK_FALSE(dossier::decode_facet_record(ids + bad, kHashed, &view));
}

TEST_CASE("facet record: damaged values are refused") {
  const std::array<std::string, 3> packed = {dossier::pack_entity_ids(EntityType::kPerson, {"Park Jin"}), "",
                                             dossier::pack_entity_ids(EntityType::kPlace, {"Seoul"})};
  const std::string value = dossier::encode_facet_record(packed, "2023-11", kHashed);
  dossier::FacetRecordView view;
  // Every cut short of the whole value, but the one that drops the month,
  // loses bytes the counts promise, or leaves a partial month.
  for (size_t n = 0; n < value.size(); ++n) {
    CAPTURE(n);
    const bool whole_ids = n == value.size() - 2;
    CHECK(dossier::decode_facet_record(value.substr(0, n), kHashed, &view) == whole_ids);
  }
  CHECK(dossier::decode_facet_record(value + "x", kHashed, &view) == false);  // a 3-byte month
  // A 2-byte month before year 1000, a count past the value's end, and a
  // varint that never ends.
  CHECK_FALSE(dossier::decode_facet_record(value.substr(0, value.size() - 2) + std::string("\x01\x00", 2), kHashed, &view));
  CHECK_FALSE(dossier::decode_facet_record(std::string("\x05\x00\x00", 3), kHashed, &view));
  CHECK_FALSE(dossier::decode_facet_record(std::string(8, '\xff'), kHashed, &view));
  // Refused values leave the output alone.
  dossier::FacetRecordView untouched;
  REQUIRE(dossier::decode_facet_record(value, kHashed, &untouched));
  CHECK_FALSE(dossier::decode_facet_record("\x01", kHashed, &untouched));
  CHECK(untouched.month() == "2023-11");
}

namespace {
std::string dense_ids(std::initializer_list<uint32_t> ids) {
  std::string out;
  for (uint32_t id : ids) dossier::put_varint(&out, id);
  return out;
}
}  // namespace

TEST_CASE("facet record: dense ids (schema 5) round-trip with their byte lengths") {
  std::string many;
  for (uint32_t id = 0; id < 300; ++id) dossier::put_varint(&many, id * 97);  // 1- to 3-byte varints
  const std::array<std::string, 3> packed = {many, "", dense_ids({0, 127, 128, 16383, 16384, UINT32_MAX})};
  const std::string value = dossier::encode_facet_record(packed, "2023-11", kDense);
  dossier::FacetRecordView view;
  REQUIRE(dossier::decode_facet_record(value, kDense, &view));
  CHECK(view.encoding == kDense);
  for (int t = 0; t < 3; ++t) CHECK(view.ids[t] == packed[t]);
  CHECK(view.month() == "2023-11");
  // The lengths (two bytes for the persons' 300-odd bytes), the ids, the month.
  CHECK(value.size() == 2 + 1 + 1 + packed[0].size() + packed[2].size() + 2);
  // Ids under 128 take one byte each, a quarter of a hashed id.
  const std::array<std::string, 3> small = {dense_ids({1, 2, 3, 4}), "", ""};
  CHECK(dossier::encode_facet_record(small, "", kDense).size() == 3 + 4);

  REQUIRE(dossier::decode_facet_record(dossier::encode_facet_record({}, "", kDense), kDense, &view));
  for (const auto& ids : view.ids) CHECK(ids.empty());
  CHECK(view.month().empty());
}

TEST_CASE("facet record: damaged dense records are refused") {
  const std::array<std::string, 3> packed = {dense_ids({5, 300}), dense_ids({70000}), ""};
  const std::string value = dossier::encode_facet_record(packed, "2023-11", kDense);
  dossier::FacetRecordView view;
  for (size_t n = 0; n < value.size(); ++n) {
    CAPTURE(n);
    CHECK(dossier::decode_facet_record(value.substr(0, n), kDense, &view) == (n == value.size() - 2));
  }
  // A type's ids that end inside a varint ("\x85" promises another byte).
  CHECK_FALSE(dossier::decode_facet_record(std::string("\x01\x00\x00\x85", 4), kDense, &view));
  CHECK(dossier::decode_facet_record(std::string("\x01\x00\x00\x05", 4), kDense, &view));
  // A length past the value's end.
  CHECK_FALSE(dossier::decode_facet_record(std::string("\x09\x00\x00\x05", 4), kDense, &view));
}
