// The precision of a run for people: the manifest's "precision" section (every key figure with
// the standard errors of its mean and percentiles, runner/precision.h) and the line the terminal
// report prints.
#pragma once

#include <string>

#include "runner/precision.h"
#include "scenario/json_file.h"

namespace sdsim {

Json PrecisionJson(const PrecisionResult& result);
// One or two lines for the terminal report, ending in a newline.
std::string PrecisionText(const PrecisionResult& result);

}  // namespace sdsim
