// In-process runs for validation tests: load scenario text, run N replications through the real
// batch runner, and look up replication statistics by (domain, form, period, metric).
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "engine/metrics.h"
#include "runner/batch.h"
#include "runner/stats.h"
#include "testing.h"

namespace sdsim::testing {

struct ModelRun {
  Model model;
  std::unique_ptr<Aggregator> agg;
  ResultLayout layout;

  int Group(const std::string& domain, const std::string& form) const {
    for (int g = 0; g < model.num_groups(); ++g)
      if (model.groups[g].domain == domain && model.groups[g].form == form) return g;
    FAIL("no group " << domain << "/" << form);
    return -1;
  }
  size_t Index(const std::string& domain, const std::string& form, int period, int metric) const {
    return layout.Index(period, Group(domain, form), metric);
  }
  Stats Get(const std::string& domain, const std::string& form, int period, int metric) const {
    return agg->Get(Index(domain, form, period, metric));
  }
  const std::vector<double>& Column(const std::string& domain, const std::string& form, int period,
                                    int metric) const {
    return agg->Column(Index(domain, form, period, metric));
  }
};

inline std::unique_ptr<ModelRun> RunModelText(const std::string& text, int replications, uint64_t seed,
                                              int threads = 0, BuildOptions options = {}) {
  auto run = std::make_unique<ModelRun>();
  const auto problems = LoadText(text, &run->model, options);
  for (const auto& p : problems) UNSCOPED_INFO(p);
  REQUIRE(problems.empty());
  run->layout = ResultLayout{run->model.calendar.num_periods(), run->model.num_groups(), kNumMetrics};
  run->agg = std::make_unique<Aggregator>(run->layout.size());
  BatchOptions opt;
  opt.seed = seed;
  opt.replications = replications;
  opt.threads = threads;
  RunBatch({&run->model}, opt,
           [&](int, const std::vector<RepResult>& r) { run->agg->Add(r[0].values); });
  return run;
}

}  // namespace sdsim::testing
