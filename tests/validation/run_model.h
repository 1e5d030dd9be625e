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

  // The row of one form (or toegang, or cost line), of a domain (form "all") or of the whole
  // scenario ("all", "all").
  int Group(const std::string& domain, const std::string& form) const {
    for (int g = 0; g < model.num_groups(); ++g) {
      const GroupModel& grp = model.groups[g];
      if (grp.domain != domain || grp.form != form) continue;
      const bool row = form != "all"
                           ? grp.kind == GroupKind::kForm || grp.kind == GroupKind::kToegang ||
                                 grp.kind == GroupKind::kCostLine ||
                                 grp.kind == GroupKind::kIncomeLine
                           : grp.kind == GroupKind::kDomain || grp.kind == GroupKind::kTotal;
      if (row) return g;
    }
    FAIL("no group " << domain << "/" << form);
    return -1;
  }
  // Any row by its full selection (domain, form, pillar, taakveld, payer, age band).
  int GroupWhere(const std::string& domain, const std::string& form, const std::string& pillar,
                 const std::string& taakveld, const std::string& payer,
                 const std::string& band) const {
    for (int g = 0; g < model.num_groups(); ++g) {
      const GroupModel& grp = model.groups[g];
      if (grp.domain == domain && grp.form == form && grp.pillar == pillar &&
          grp.taakveld == taakveld && grp.payer == payer && grp.age_band == band)
        return g;
    }
    FAIL("no group " << domain << "/" << form << "/" << pillar << "/" << taakveld << "/" << payer
                     << "/" << band);
    return -1;
  }
  Stats GetGroup(int group, int period, int metric) const {
    return agg->Get(layout.Index(period, group, metric));
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

// Loads a scenario text (failing the test on any problem) with an aggregator keeping every column.
inline std::unique_ptr<ModelRun> LoadModelRun(const std::string& text, BuildOptions options = {}) {
  auto run = std::make_unique<ModelRun>();
  const auto problems = LoadText(text, &run->model, options);
  for (const auto& p : problems) UNSCOPED_INFO(p);
  REQUIRE(problems.empty());
  run->layout =
      ResultLayout{run->model.calendar.num_periods(), run->model.num_groups(), kNumMetrics};
  run->agg = std::make_unique<Aggregator>(run->layout.size());  // keeps every column
  return run;
}

inline std::unique_ptr<ModelRun> RunModelText(const std::string& text, int replications,
                                              uint64_t seed, int threads = 0,
                                              BuildOptions options = {}) {
  auto run = LoadModelRun(text, options);
  BatchOptions opt;
  opt.seed = seed;
  opt.replications = replications;
  opt.threads = threads;
  RunBatch({&run->model}, opt,
           [&](int, const std::vector<RepResult>& r) { run->agg->Add(r[0].values); });
  return run;
}

}  // namespace sdsim::testing
