// Small helpers shared by the engine's source files (simulation.cpp and the handler files next to
// it); not part of the engine's interface.
#pragma once

#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <limits>

#include "core/model.h"
#include "core/numbers.h"

namespace sdsim::engine_internal {

constexpr uint32_t kNoPeriod = std::numeric_limits<uint32_t>::max();
constexpr double kFiveYears = 5 * kDaysPerYear;

// A standard exponential draw from a stream.
template <class S>
double Exp1(S& s) {
  return boost::random::exponential_distribution<double>()(s.engine());
}

// A waiting-list entry: the client slot and the ticket that must still match when it is popped.
inline uint64_t Pack(uint32_t client, uint32_t ticket) { return (uint64_t{client} << 32) | ticket; }

}  // namespace sdsim::engine_internal
