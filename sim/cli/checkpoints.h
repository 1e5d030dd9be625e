// Running a job's replications in blocks that end at checkpoints (runner/precision.h): after each
// block rank 0 decides whether to go on (has a precision target been met?), and every rank follows
// its decision. Blocks run in replication order, so which replications are run, and their results,
// are the same for any thread or MPI rank count.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/model.h"
#include "runner/batch.h"

namespace sdsim {

struct CheckpointRun {
  uint64_t events = 0;
  int planned = 0;  // the end of the last block started: replications the run means to have
};

// Runs replications [0, checkpoints[0]), then [checkpoints[0], checkpoints[1]), ... and after each
// block but the last asks `stop_here(replications done)` on rank 0 whether to end there. With
// `distribute` the blocks are spread over the MPI ranks (cli/dist.h) and `sink` is called on rank
// 0 only. options.first and options.replications are set per block; Ctrl-C (options.cancel) ends
// the run after the block in flight.
CheckpointRun RunToCheckpoints(const std::vector<const Model*>& models, const BatchOptions& options,
                               const std::vector<size_t>& result_sizes, bool distribute,
                               const std::vector<int>& checkpoints, const ReplicationSink& sink,
                               const std::function<bool(int done)>& stop_here);

}  // namespace sdsim
