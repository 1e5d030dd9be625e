// `sdsim run --precision TARGET [--max-replications N]`: a precision target decides the number of
// replications instead of --replications (runner/precision.h has the rule).
#pragma once

#include <boost/program_options.hpp>
#include <string>

namespace sdsim {

// What scripts/run.sh asks for, and the maximum when none is given. 0.25% keeps the largest
// standard error of the Dronten set's key means (beschermd wonen's yearly cost, ~12% sd) at a
// quarter of a percent, within the one-minute main job on a 2-core workstation (README).
constexpr const char* kRunShPrecision = "0.25%";
constexpr int kDefaultMaxReplications = 20000;

struct PrecisionOption {
  std::string target_text;  // as typed, e.g. "0.25%"; "" = not given
  long long max_replications = kDefaultMaxReplications;
  // Checked values.
  double target = 0;  // relative, e.g. 0.0025; 0 = no target
};

void AddPrecisionOptions(boost::program_options::options_description* opts,
                         PrecisionOption* values);
// Checks the values; `replications_given` says whether --replications was on the command line
// (the two exclude each other). Returns "" or the usage error.
std::string CheckPrecisionOptions(PrecisionOption* values, bool replications_given);

}  // namespace sdsim
