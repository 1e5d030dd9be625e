// RunBatch's thread pool: every replication reaches the sink once, in order, from one thread at a
// time, with the same numbers for any thread count and any share (first, stride); an exception
// in a replication's sink stops the batch and reaches the caller; Ctrl-C stops it early.
#include "runner/batch.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "validation/run_model.h"

namespace sdsim::testing {
namespace {

const char kScenario[] = R"({"start_date": "2025-01-01", "end_date": "2025-12-31",
  "domains": {"d": {"arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"capacity": 30, "duration": {"type": "exponential", "mean": 40},
                    "tariff": {"amount": 50, "per": "day"}}}}}})";

// One replication's numbers, as the sink sees them.
struct Seen {
  int rep;
  std::vector<double> values;
};

// Equal bit for bit (NaN marks an empty statistic, and NaN != NaN).
bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::vector<Seen> Run(const Model& m, int threads, int reps, int first = 0, int stride = 1) {
  BatchOptions opt;
  opt.seed = 5;
  opt.replications = reps;
  opt.threads = threads;
  opt.first = first;
  opt.stride = stride;
  std::vector<Seen> seen;
  std::atomic<int> inside{0};
  int overlaps = 0;
  RunBatch({&m, &m}, opt, [&](int rep, const std::vector<RepResult>& r) {
    overlaps += inside.fetch_add(1) != 0;
    REQUIRE(r.size() == 2);
    seen.push_back({rep, r[0].values});
    CHECK(
        SameBits(r[1].values, r[0].values));  // both models are the same, with the same (seed, rep)
    inside.fetch_sub(1);
  });
  CHECK(overlaps == 0);
  return seen;
}

}  // namespace

TEST_CASE("RunBatch: each replication once, in order, the same numbers on any thread count",
          "[runner][threads]") {
  auto run = LoadModelRun(kScenario);
  const int reps = 60;
  const std::vector<Seen> one = Run(run->model, 1, reps);
  REQUIRE(one.size() == static_cast<size_t>(reps));
  for (int i = 0; i < reps; ++i) CHECK(one[static_cast<size_t>(i)].rep == i);
  for (int threads : {2, 3, 7}) {
    INFO(threads << " threads");
    const std::vector<Seen> many = Run(run->model, threads, reps);
    REQUIRE(many.size() == one.size());
    for (size_t i = 0; i < one.size(); ++i) {
      CHECK(many[i].rep == one[i].rep);
      CHECK(SameBits(many[i].values, one[i].values));
    }
  }
  // One process's share of a distributed run: its own indices, in order, the same numbers.
  const std::vector<Seen> share = Run(run->model, 3, reps, 2, 7);
  REQUIRE(share.size() == 9);  // 2, 9, ..., 58
  for (size_t i = 0; i < share.size(); ++i) {
    CHECK(share[i].rep == static_cast<int>(2 + 7 * i));
    CHECK(SameBits(share[i].values, one[static_cast<size_t>(share[i].rep)].values));
  }
  CHECK(Run(run->model, 2, reps, reps).empty());  // nothing left for this share
}

TEST_CASE("RunBatch: an error in the sink stops the batch and reaches the caller",
          "[runner][threads]") {
  auto run = LoadModelRun(kScenario);
  BatchOptions opt;
  opt.replications = 500;
  opt.threads = 3;
  std::vector<int> seen;
  CHECK_THROWS_WITH(RunBatch({&run->model}, opt,
                             [&](int rep, const std::vector<RepResult>&) {
                               if (rep == 4) throw std::runtime_error("disk full");
                               seen.push_back(rep);
                             }),
                    "disk full");
  CHECK(seen == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("RunBatch: Ctrl-C stops it early, and what reached the sink is a prefix in order",
          "[runner][threads]") {
  auto run = LoadModelRun(kScenario);
  std::atomic<bool> cancel{false};
  BatchOptions opt;
  opt.replications = 100000;
  opt.threads = 2;
  opt.cancel = &cancel;
  std::vector<int> seen;
  RunBatch({&run->model}, opt, [&](int rep, const std::vector<RepResult>&) {
    seen.push_back(rep);
    if (rep == 10) cancel = true;
  });
  // Replications in flight when Ctrl-C came still reach the sink (cut short), no others start:
  // at most 2 * threads + 2 in flight.
  REQUIRE(seen.size() >= 11);
  CHECK(seen.size() <= 11 + 6);
  for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == static_cast<int>(i));
}

}  // namespace sdsim::testing
