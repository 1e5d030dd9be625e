// The simulated episodes of one replication in the records format of `sdsim fit`
// (scenarios/records.md), for `sdsim run --records FILE`: a fitted model can be compared with the
// records it came from, or fitted again.
#pragma once

#include <cstdint>
#include <string>

#include "core/model.h"

namespace sdsim {

// Runs replication `rep` of `model` with `seed` (the same draws as in a batch run) and returns
// records.csv text: client_id,birth_date,domain,form,start_date,end_date,end_reason. Episodes
// in care at the horizon have no end; clients in care on the start date keep their real start.
std::string SimulatedRecords(const Model& model, uint64_t seed, uint64_t rep);

}  // namespace sdsim
