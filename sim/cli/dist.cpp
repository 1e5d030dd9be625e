// Dist: MPI when available (SDSIM_WITH_MPI), a single process otherwise.
#include "cli/dist.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#ifdef SDSIM_WITH_MPI
#include <mpi.h>
#endif

namespace sdsim {
namespace {

Dist g_dist;
bool g_mpi = false;

// Started by mpirun (Open MPI), Slurm's srun, or another PMI launcher with several processes?
int LauncherSize() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
    if (const char* v = std::getenv(var)) return std::atoi(v);
  return 1;
}

#ifdef SDSIM_WITH_MPI
// Waits for a request without spinning: MPI's blocking calls poll at full speed, which would take
// a core away from this rank's own simulation threads.
void Wait(MPI_Request* request) {
  int done = 0;
  while (true) {
    MPI_Test(request, &done, MPI_STATUS_IGNORE);
    if (done) return;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}
#endif

}  // namespace

const Dist& CurrentDist() { return g_dist; }

bool InitDist(int* argc, char*** argv, Dist* dist, std::string* err) {
  const int launched = LauncherSize();
#ifdef SDSIM_WITH_MPI
  if (launched > 1 || std::getenv("OMPI_COMM_WORLD_SIZE")) {
    int provided = 0;
    MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided);
    if (provided < MPI_THREAD_SERIALIZED) {
      *err = "the MPI library does not support calls from worker threads (MPI_THREAD_SERIALIZED)";
      MPI_Finalize();
      return false;
    }
    g_mpi = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &g_dist.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g_dist.size);
  }
#else
  (void)argc;
  (void)argv;
  if (launched > 1) {
    *err = "started by mpirun with " + std::to_string(launched) +
           " processes, but this sdsim was built without MPI: distributed runs need Open MPI "
           "(Debian packages libopenmpi-dev and openmpi-bin; scripts/setup.sh installs them), then "
           "rebuild with scripts/build.sh";
    return false;
  }
#endif
  *dist = g_dist;
  return true;
}

void FinalizeDist() {
#ifdef SDSIM_WITH_MPI
  if (g_mpi) MPI_Finalize();
#endif
  g_mpi = false;
}

void AbortDist(int code) {
#ifdef SDSIM_WITH_MPI
  if (g_mpi && g_dist.distributed()) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

uint64_t RunDistBatch(const std::vector<const Model*>& models, const BatchOptions& options,
                      const std::vector<size_t>& result_sizes, const ReplicationSink& sink) {
  if (!g_dist.distributed()) return RunBatch(models, options, sink);
#ifdef SDSIM_WITH_MPI
  size_t total = 0;
  for (size_t n : result_sizes) total += n;
  BatchOptions mine = options;
  mine.first = options.first + g_dist.rank;
  mine.stride = g_dist.size;
  if (!g_dist.root()) {
    // A worker sends each result to rank 0 as soon as it is done (in its own replication order:
    // MPI keeps the order of messages between two processes).
    std::vector<double> buffer(total);
    const uint64_t events = RunBatch(models, mine, [&](int, const std::vector<RepResult>& results) {
      size_t at = 0;
      for (const RepResult& r : results) {
        std::copy(r.values.begin(), r.values.end(), buffer.begin() + static_cast<long>(at));
        at += r.values.size();
      }
      MPI_Request request;
      MPI_Isend(buffer.data(), static_cast<int>(total), MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, &request);
      Wait(&request);
    });
    unsigned long long mine_events = events;
    MPI_Reduce(&mine_events, nullptr, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    return events;
  }
  // Rank 0 computes its own share in a background thread into a small bounded queue, and merges
  // everything in replication order in this thread.
  std::mutex mu;
  std::condition_variable cv;
  std::map<int, std::vector<RepResult>> local;
  bool local_done = false;
  const size_t kMaxBuffered = 64;
  uint64_t events = 0;
  std::thread worker([&] {
    events = RunBatch(models, mine, [&](int rep, const std::vector<RepResult>& results) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return local.size() < kMaxBuffered; });
      local.emplace(rep, results);
      cv.notify_all();
    });
    std::lock_guard<std::mutex> lock(mu);
    local_done = true;
    cv.notify_all();
  });
  std::vector<double> buffer(total);
  std::vector<RepResult> results(models.size());
  for (int rep = options.first; rep < options.replications; ++rep) {
    const int owner = (rep - options.first) % g_dist.size;
    if (owner == 0) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return local.count(rep) > 0 || local_done; });
      if (!local.count(rep)) break;  // interrupted
      results = std::move(local[rep]);
      local.erase(rep);
      cv.notify_all();
    } else {
      if (options.cancel && options.cancel->load()) break;
      MPI_Request request;
      MPI_Irecv(buffer.data(), static_cast<int>(total), MPI_DOUBLE, owner, 0, MPI_COMM_WORLD,
                &request);
      Wait(&request);
      size_t at = 0;
      for (size_t m = 0; m < models.size(); ++m) {
        results[m].values.assign(buffer.begin() + static_cast<long>(at),
                                 buffer.begin() + static_cast<long>(at + result_sizes[m]));
        at += result_sizes[m];
      }
    }
    sink(rep, results);
  }
  worker.join();
  // The events counted on the other ranks.
  unsigned long long others = 0, none = 0;
  MPI_Reduce(&none, &others, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
  return events + others;
#else
  (void)result_sizes;
  return RunBatch(models, options, sink);
#endif
}

bool ShareRootDecision(bool decision) {
#ifdef SDSIM_WITH_MPI
  if (g_dist.distributed()) {
    int value = decision ? 1 : 0;
    MPI_Request request;
    MPI_Ibcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD, &request);
    Wait(&request);
    return value != 0;
  }
#endif
  return decision;
}

void RunDistPoints(size_t points, const std::function<std::string(size_t)>& compute,
                   const std::function<void(size_t, const std::string&)>& deliver) {
  if (!g_dist.distributed()) {
    for (size_t p = 0; p < points; ++p) deliver(p, compute(p));
    return;
  }
#ifdef SDSIM_WITH_MPI
  const size_t size = static_cast<size_t>(g_dist.size), rank = static_cast<size_t>(g_dist.rank);
  if (rank != 0) {
    for (size_t p = rank; p < points; p += size) {
      const std::string text = compute(p);
      MPI_Request request;
      MPI_Isend(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, 1, MPI_COMM_WORLD,
                &request);
      Wait(&request);
    }
    return;
  }
  for (size_t p = 0; p < points; ++p) {
    if (p % size == 0) {
      deliver(p, compute(p));
      continue;
    }
    MPI_Status status;
    int ready = 0;
    while (!ready) {
      MPI_Iprobe(static_cast<int>(p % size), 1, MPI_COMM_WORLD, &ready, &status);
      if (!ready) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    std::string text(static_cast<size_t>(count), '\0');
    MPI_Recv(text.data(), count, MPI_CHAR, status.MPI_SOURCE, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    deliver(p, text);
  }
#else
  (void)compute;
  (void)deliver;
#endif
}

}  // namespace sdsim
