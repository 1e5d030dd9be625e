// RunToCheckpoints: one batch per block, rank 0's decision shared after each.
#include "cli/checkpoints.h"

#include "cli/dist.h"

namespace sdsim {

CheckpointRun RunToCheckpoints(const std::vector<const Model*>& models, const BatchOptions& options,
                               const std::vector<size_t>& result_sizes, bool distribute,
                               const std::vector<int>& checkpoints, const ReplicationSink& sink,
                               const std::function<bool(int done)>& stop_here) {
  CheckpointRun out;
  const bool root = !distribute || CurrentDist().root();
  int begin = 0;
  for (const int end : checkpoints) {
    BatchOptions block = options;
    block.first = begin;
    block.stride = 1;
    block.replications = end;
    out.planned = end;
    out.events += distribute ? RunDistBatch(models, block, result_sizes, sink)
                             : RunBatch(models, block, sink);
    if (end == checkpoints.back() || (options.cancel && options.cancel->load())) break;
    bool stop = root && stop_here(end);
    if (distribute) stop = ShareRootDecision(stop);
    if (stop) break;
    begin = end;
  }
  return out;
}

}  // namespace sdsim
