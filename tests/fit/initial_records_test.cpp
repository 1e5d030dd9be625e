// The start-date stock given client by client (initial.elapsed_days, initial.age_days: what
// sdsim fit writes from records) and `sdsim run --records` (one replication's episodes in the
// records format): with a fixed duration each client's end date follows exactly from the time
// already in care.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "io/episode_records.h"
#include "testing.h"

namespace sdsim::testing {
namespace {

const char kScenario[] = R"({
  "start_date": "2025-01-01", "end_date": "2026-12-31",
  "population": {"bands": {"0-17": {"count": 1000}, "18+": {"count": 1000}}},
  "domains": {"jeugd": {
    "band": "0-17",
    "age_limit": {"age": 18},
    "demand": {"new": {"per_1000": 0}},
    "forms": {"ambulant": {
      "tariff": {"amount": 10, "per": "day"},
      "duration": {"type": "fixed", "value": 365},
      "initial": {"elapsed_days": [100, 200, 300, 10], "age_days": [3000, 4000, 5000, 6570]}
    }}
  }}
})";

TEST_CASE("initial.elapsed_days: each client's remaining care follows from its own time in care",
          "[fit][unit]") {
  Model model;
  REQUIRE(LoadText(kScenario, &model).empty());
  REQUIRE(model.nodes[0].initial_clients == 4);
  std::istringstream in(SimulatedRecords(model, 1, 0));
  std::string line;
  std::getline(in, line);
  CHECK(line == "client_id,birth_date,domain,form,start_date,end_date,end_reason");
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::sort(rows.begin(), rows.end());
  // 365 days in all: 265, 165 and 65 days to go (birth dates: the start date minus age_days,
  // as Python's datetime computes them); the last client is 6570 days old on the start
  // date (born 2007-01-06), turns 18 on 2025-01-06 and leaves at the age limit the day before.
  CHECK(rows ==
        std::vector<std::string>{"S1,2016-10-15,jeugd,ambulant,2024-09-23,2025-09-22,afgerond",
                                 "S2,2014-01-19,jeugd,ambulant,2024-06-15,2025-06-14,afgerond",
                                 "S3,2011-04-25,jeugd,ambulant,2024-03-07,2025-03-06,afgerond",
                                 "S4,2007-01-06,jeugd,ambulant,2024-12-22,2025-01-05,leeftijd"});
}

TEST_CASE("initial.elapsed_days and age_days: bad lists are refused", "[fit][unit]") {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"("initial": {"clients": 3, "elapsed_days": [1, 2]})",
       "/domains/d/forms/f/initial/elapsed_days: has 2 entries but clients is 3; give one per "
       "client"},
      {R"("initial": {"elapsed_days": [1, -2]})",
       "/domains/d/forms/f/initial/elapsed_days: must be a list of days (numbers 0 or more), one "
       "per client"},
      {R"("initial": {"elapsed_days": [1, 2], "age_days": [300]})",
       "/domains/d/forms/f/initial/age_days: must have as many entries as elapsed_days"},
      {R"("initial": {"elapsed_days": [1], "time_in_care": "steady_state"})",
       "/domains/d/forms/f/initial/time_in_care: give either time_in_care or elapsed_days, not "
       "both"},
  };
  for (const auto& [initial, message] : bad) {
    const std::string text =
        R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {"tariff": {"amount": 1,
        "per": "day"}, "duration": {"type": "exponential", "mean": 100}, )" +
        initial + "}}}}}";
    Model m;
    const std::vector<std::string> problems = LoadText(text, &m);
    INFO(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find(message) != std::string::npos);
  }
}

}  // namespace
}  // namespace sdsim::testing
