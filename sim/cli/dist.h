// Dist: running one job across processes with MPI (Open MPI from Debian), started by `mpirun`
// or a batch scheduler such as Slurm. Each rank runs its share of the replications (or sweep
// points) with its own threads; rank 0 gathers the results, merges them in replication order and
// writes the outputs, which are therefore byte-identical to a single-process run.
//
// Without MPI (a build on a machine without libopenmpi-dev), or without mpirun, there is one rank
// and everything runs as before. Only the CLI layer knows about MPI; the core does not.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/metrics.h"
#include "runner/batch.h"

namespace sdsim {

struct Dist {
  int rank = 0;
  int size = 1;
  bool root() const { return rank == 0; }
  bool distributed() const { return size > 1; }
};

// Starts MPI when this binary has it and runs under mpirun; returns false (with *err) when
// started by mpirun with several processes but built without MPI.
bool InitDist(int* argc, char*** argv, Dist* dist, std::string* err);
void FinalizeDist();
// The process-wide context set by InitDist.
const Dist& CurrentDist();
// Ends the whole distributed job with an exit code (MPI_Abort when distributed).
[[noreturn]] void AbortDist(int code);

// A batch over all ranks: every rank computes replications first + rank, first + rank + size, ...
// (below options.replications); on rank 0 `sink` sees all of them in replication order (from its
// own threads and from the other ranks); on the other ranks it is not called. `result_sizes` are
// the lengths of each model's RepResult. options.stride must be 1.
uint64_t RunDistBatch(const std::vector<const Model*>& models, const BatchOptions& options,
                      const std::vector<size_t>& result_sizes, const ReplicationSink& sink);

// Rank 0's `decision`, on every rank (a broadcast; the value itself when not distributed). Every
// rank must call it at the same point.
bool ShareRootDecision(bool decision);

// Sweep points over ranks: point p is computed by rank p % size with `compute`, which returns
// the point's CSV rows (or a failure message, prefixed with '!'); on rank 0 `deliver` receives
// every point's text in point order. Returns false if the job was interrupted.
void RunDistPoints(size_t points, const std::function<std::string(size_t point)>& compute,
                   const std::function<void(size_t point, const std::string& text)>& deliver);

}  // namespace sdsim
