// `sdsim validate` for begroting files: each is checked as `sdsim run --budget` would read it,
// against the scenarios given with it (validate --budget FILE SCENARIO...) or, if none, the
// scenario the file names ("scenario": "baseline.json").
#pragma once

#include <string>
#include <vector>

namespace sdsim {

// Prints one "ok" line per budget file (or its problems to stderr); false if any has a problem.
// `against`: scenario files to check every budget file against (empty: each file's own).
bool ValidateBudgetFiles(const std::vector<std::string>& budgets,
                         const std::vector<std::string>& against);

}  // namespace sdsim
