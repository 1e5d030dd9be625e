// Batch: runs the replications of one or more scenarios on a pool of threads and hands the
// results to a sink strictly in replication order.
//
// Replication r of every scenario runs with the same (seed, r), so scenarios share random draws
// wherever their models agree (common random numbers). Each worker thread owns its Simulations;
// the Models are shared read-only. Because the sink sees replications in index order, whatever it
// computes is identical for any thread count. The number of replications in flight is bounded,
// so memory does not grow with the replication count.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/model.h"
#include "engine/metrics.h"

namespace sdsim {

struct BatchOptions {
  uint64_t seed = 1;
  int replications = 1000;
  int threads = 0;  // 0 = all hardware threads
  // If set and it becomes true, no further replications are started and those in flight stop
  // within a few thousand events (Ctrl-C); RunBatch returns soon after, and the caller must treat
  // the results as incomplete (the last ones handed to the sink may be cut short).
  const std::atomic<bool>* cancel = nullptr;
  // Run only the replications first, first + stride, first + 2 stride, ... (< replications): one
  // process's share of a distributed run. The sink still sees each one's own index, in order.
  int first = 0;
  int stride = 1;
};

// Receives replication `rep` (in increasing order): one RepResult per model, in model order.
// Called from one thread at a time.
using ReplicationSink = std::function<void(int rep, const std::vector<RepResult>& results)>;

// Runs everything; returns the total number of events handled (for benchmarks).
uint64_t RunBatch(const std::vector<const Model*>& models, const BatchOptions& options,
                  const ReplicationSink& sink);

// The thread count RunBatch will use for `requested` (0 = all hardware threads).
int EffectiveThreads(int requested);

}  // namespace sdsim
