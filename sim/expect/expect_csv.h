// summary.csv for `sdsim expect`: the same columns as `sdsim run` (io/summary.h), with the expected
// value in "mean", "replications" 0 and the spread columns empty (there is no sampling).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "expect/expect.h"
#include "io/csv.h"

namespace sdsim {

struct ExpectedScenario {
  std::string name;
  const Model* model = nullptr;
  const ExpectedValues* values = nullptr;
};

std::string ExpectedSummaryCsv(const std::vector<ExpectedScenario>& scenarios, CsvDialect dialect);

}  // namespace sdsim
