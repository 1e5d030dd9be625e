// RunBatch: a three-stage oneTBB pipeline (issue indices in order -> simulate in parallel ->
// consume in order).
#include "runner/batch.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <memory>
#include <vector>

#include "engine/simulation.h"
#include "runner/tsan_sync.h"

namespace sdsim {
namespace {

struct Work {
  int rep = 0;
  std::vector<RepResult> results;
};

}  // namespace

int EffectiveThreads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

uint64_t RunBatch(const std::vector<const Model*>& models, const BatchOptions& options,
                  const ReplicationSink& sink) {
  const int threads = EffectiveThreads(options.threads);
  std::atomic<uint64_t> events{0};
  // Per-thread simulators, one per model, reused across replications.
  using Sims = std::vector<std::unique_ptr<Simulation>>;
  tbb::enumerable_thread_specific<Sims> sims([&] {
    Sims s;
    for (const Model* m : models) {
      s.push_back(std::make_unique<Simulation>(*m));
      s.back()->SetCancel(options.cancel);  // Ctrl-C also stops a replication under way
    }
    return s;
  });
  // One Work buffer per token, so steady state does not allocate. At most `tokens` replications
  // are in flight and they are consumed in order, so the ones in flight are consecutive and
  // the count of issued replications modulo tokens names a free buffer without any locking.
  const int tokens = 2 * threads + 2;
  std::vector<Work> pool(static_cast<size_t>(tokens));
  for (Work& w : pool) w.results.resize(models.size());
  int next = options.first;
  long issued = 0;
  tbb::task_arena arena(threads);
  // Under ThreadSanitizer every stage is ordered after what happened before it on any thread
  // (tsan_sync.h): slightly more than TBB guarantees, never less. No effect otherwise.
  int sync = 0;
  HappensBefore(&sync);
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<size_t>(tokens),
        tbb::make_filter<
            void, Work*>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& fc) -> Work* {
          HappensAfter(&sync);
          if (next >= options.replications || (options.cancel && options.cancel->load())) {
            fc.stop();
            HappensBefore(&sync);
            return nullptr;
          }
          Work* w = &pool[static_cast<size_t>(issued++ % tokens)];
          w->rep = next;
          next += options.stride;
          HappensBefore(&sync);
          return w;
        }) & tbb::make_filter<Work*, Work*>(tbb::filter_mode::parallel, [&](Work* w) {
          HappensAfter(&sync);
          Sims& local = sims.local();
          uint64_t n = 0;
          for (size_t m = 0; m < local.size(); ++m) {
            local[m]->Run(options.seed, static_cast<uint64_t>(w->rep), &w->results[m]);
            n += local[m]->events();
          }
          events.fetch_add(n, std::memory_order_relaxed);
          HappensBefore(&sync);
          return w;
        }) & tbb::make_filter<Work*, void>(tbb::filter_mode::serial_in_order, [&](Work* w) {
          HappensAfter(&sync);
          sink(w->rep, w->results);
          HappensBefore(&sync);
        }));
  });
  HappensAfter(&sync);
  return events.load();
}

}  // namespace sdsim
