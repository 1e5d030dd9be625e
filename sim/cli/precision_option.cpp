// --precision and --max-replications.
#include "cli/precision_option.h"

#include <cmath>
#include <cstdlib>

#include "runner/precision.h"

namespace po = boost::program_options;

namespace sdsim {

void AddPrecisionOptions(po::options_description* opts, PrecisionOption* values) {
  opts->add_options()(
      "precision", po::value(&values->target_text),
      ("instead of --replications: run until the Monte Carlo standard error of every key mean "
       "(each scenario's cost per year, in total and per domain, and its difference from the "
       "baseline) is at most this percentage of it, checked after " +
       std::to_string(kFirstCheckpoint) + " replications and then every " +
       std::to_string(kCheckpointEvery) + "; e.g. " + kRunShPrecision +
       " (what scripts/run.sh uses)")
          .c_str())(
      "max-replications",
      po::value(&values->max_replications)->default_value(values->max_replications),
      "with --precision: stop here even if the target is not met (the report says so)");
}

std::string CheckPrecisionOptions(PrecisionOption* values, bool replications_given) {
  if (values->target_text.empty()) {
    if (values->max_replications != kDefaultMaxReplications)
      return "--max-replications goes with --precision (a fixed count is --replications)";
    return "";
  }
  if (replications_given)
    return "give either --replications (a fixed count) or --precision (a target), not both";
  const std::string& t = values->target_text;
  char* end = nullptr;
  const double percent = t.size() > 1 && t.back() == '%' ? std::strtod(t.c_str(), &end) : NAN;
  if (!(end == t.c_str() + t.size() - 1 && percent >= 0.001 && percent <= 10))
    return "--precision must be a percentage from 0.001% to 10%, e.g. 0.25% (got \"" + t + "\")";
  if (values->max_replications < 1 || values->max_replications > 100000000)
    return "--max-replications must be between 1 and 100000000";
  values->target = percent / 100;
  return "";
}

}  // namespace sdsim
