// The table `sdsim sweep` prints at the end: per point its varied values, the cost the gemeente
// pays in the last period (mean [p5 - p95]) and its difference from the base point; with a
// baseline the paired difference from it, P(saving), the cumulative difference and payback; with
// a begroting the chance of overrunning it.
#pragma once

#include <string>
#include <vector>

#include "cli/headline.h"

namespace sdsim {

// `keys`: the varied keys; `values[p]`: point p's values as text; `done[p]`: point p finished;
// `base`: the base point (0-based), `base_is_file`: it has the base file's own values (else it is
// the first point); `baseline`: the baseline scenario's name ("" = none).
std::string SweepTable(const std::vector<std::string>& keys,
                       const std::vector<std::vector<std::string>>& values,
                       const std::vector<Headline>& headlines, const std::vector<bool>& done,
                       size_t base, bool base_is_file, const std::string& baseline);

}  // namespace sdsim
