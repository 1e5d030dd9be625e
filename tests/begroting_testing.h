// Dronten's begroting file (scenarios/dronten/begroting.json) as the tests expect to see it in
// the outputs: how many lines and amounts it has, and how many lines have a given year.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "testing.h"

namespace sdsim::testing {

struct BegrotingSize {
  int lines = 0, amounts = 0;
  int lines_in(const std::string& year) const { return year_lines.value(year, 0); }
  nlohmann::json year_lines = nlohmann::json::object();  // year -> lines with an amount
};

inline BegrotingSize DrontenBegroting() {
  const auto doc = nlohmann::json::parse(ReadText(SourcePath("scenarios/dronten/begroting.json")),
                                         nullptr, true, /*ignore_comments=*/true);
  BegrotingSize size;
  for (const auto& line : doc["budget"]) {
    ++size.lines;
    for (auto a = line["amounts"].begin(); a != line["amounts"].end(); ++a) {
      ++size.amounts;
      size.year_lines[a.key()] = size.year_lines.value(a.key(), 0) + 1;
    }
  }
  return size;
}

}  // namespace sdsim::testing
