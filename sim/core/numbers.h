// Numeric constants shared across the code (one definition, so that no two files' own copies
// can clash, e.g. in a unity build).
#pragma once

#include <limits>

namespace sdsim {

// "Not a number": a value that is not defined (a mean over no replications, an age not tracked).
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace sdsim
