// RunBatch: a small pool of std::threads (the calling thread is one of them) that take
// replication indices in order, simulate them in parallel and hand them to the sink in order.
//
// Plain threads, a mutex and a condition variable instead of a oneTBB pipeline: every hand-off is
// then one that ThreadSanitizer sees, so its verdict on the [threads] tests needs no annotations
// or suppressions (TBB's scheduler lives in the uninstrumented libtbb.so, and TSan reported the
// pipeline's own filter objects as races whenever it could not restore a stack). A replication
// takes about a millisecond, so two short locks per replication cost nothing measurable.
#include "runner/batch.h"

#include <tbb/info.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "engine/simulation.h"

namespace sdsim {
namespace {

struct Work {
  int rep = 0;
  bool done = false;  // simulated, waiting for the sink
  std::vector<RepResult> results;
};

// The state the threads share; everything but `work_[i].results` (owned by the one thread that
// took replication i until it sets `done`, then by the sink) is guarded by `mu_`.
class Pool {
 public:
  Pool(const std::vector<const Model*>& models, const BatchOptions& options,
       const ReplicationSink& sink, int threads)
      : models_(models),
        options_(options),
        sink_(sink),
        // At most `tokens` replications in flight: enough to keep every thread busy while one
        // waits for the sink, and memory does not grow with the replication count.
        tokens_(2 * threads + 2),
        total_(options.first < options.replications
                   ? (options.replications - options.first + options.stride - 1) / options.stride
                   : 0),
        work_(static_cast<size_t>(tokens_)) {
    for (Work& w : work_) w.results.resize(models.size());
  }

  // One worker's loop: take the next replication, simulate it, sink what is ready in order.
  void Serve() {
    try {
      // Each thread owns its simulators, one per model, reused across replications.
      std::vector<std::unique_ptr<Simulation>> sims;
      for (const Model* m : models_) {
        sims.push_back(std::make_unique<Simulation>(*m));
        sims.back()->SetCancel(options_.cancel);  // Ctrl-C also stops a replication under way
      }
      std::unique_lock<std::mutex> lock(mu_);
      for (;;) {
        freed_.wait(lock, [&] { return Finished() || issued_ - sunk_ < tokens_; });
        if (Finished()) return;
        const long k = issued_++;
        Work& w = work_[static_cast<size_t>(k % tokens_)];
        w.rep = static_cast<int>(options_.first + k * options_.stride);
        lock.unlock();
        uint64_t n = 0;
        for (size_t m = 0; m < sims.size(); ++m) {
          sims[m]->Run(options_.seed, static_cast<uint64_t>(w.rep), &w.results[m]);
          n += sims[m]->events();
        }
        lock.lock();
        events_ += n;
        w.done = true;
        if (!sinking_) SinkReady(lock);
      }
    } catch (...) {
      std::lock_guard<std::mutex> guard(mu_);
      if (!error_) error_ = std::current_exception();
      freed_.notify_all();
    }
  }

  uint64_t events() const { return events_; }
  const std::exception_ptr& error() const { return error_; }

 private:
  // No more replications to start: all issued, Ctrl-C, or a thread failed.
  bool Finished() const {
    return issued_ >= total_ || error_ || (options_.cancel && options_.cancel->load());
  }

  // Hands every finished replication that is next in order to the sink, outside the lock, so the
  // other threads keep simulating; one thread at a time does this (`sinking_`). A sink that
  // throws ends the batch (`error_`), and RunBatch rethrows it.
  void SinkReady(std::unique_lock<std::mutex>& lock) {
    sinking_ = true;
    while (sunk_ < issued_ && !error_) {
      Work& w = work_[static_cast<size_t>(sunk_ % tokens_)];
      if (!w.done) break;
      lock.unlock();
      try {
        sink_(w.rep, w.results);
      } catch (...) {
        // Recorded before another thread can take over the sink, so no replication is sunk
        // twice and none after the failed one.
        lock.lock();
        if (!error_) error_ = std::current_exception();
        freed_.notify_all();
        break;
      }
      lock.lock();
      w.done = false;
      ++sunk_;
      freed_.notify_all();
    }
    sinking_ = false;
  }

  const std::vector<const Model*>& models_;
  const BatchOptions& options_;
  const ReplicationSink& sink_;
  const long tokens_;
  const long total_;
  std::vector<Work> work_;
  std::mutex mu_;
  std::condition_variable freed_;  // a buffer was freed, or the batch is finished
  long issued_ = 0;                // replications handed out (k-th one is first + k * stride)
  long sunk_ = 0;                  // replications handed to the sink
  bool sinking_ = false;
  uint64_t events_ = 0;
  std::exception_ptr error_;
};

}  // namespace

int EffectiveThreads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

uint64_t RunBatch(const std::vector<const Model*>& models, const BatchOptions& options,
                  const ReplicationSink& sink) {
  const int threads = EffectiveThreads(options.threads);
  Pool pool(models, options, sink, threads);
  std::vector<std::thread> helpers;
  try {
    for (int t = 1; t < threads; ++t) helpers.emplace_back([&pool] { pool.Serve(); });
  } catch (const std::system_error&) {  // the system refused a thread: the ones we have do all
    // the work, with the same results (they do not depend on the thread count)
  }
  pool.Serve();
  for (std::thread& t : helpers) t.join();
  if (pool.error()) std::rethrow_exception(pool.error());
  return pool.events();
}

}  // namespace sdsim
