// Precision: the standard errors of the key figures against the spread they claim to describe,
// and the choice of key figures (levels and paired differences) in a real two-scenario batch.
#include "runner/precision.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

double Sd(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("SeriesPrecision: standard errors match the spread across independent runs",
          "[precision][statistical]") {
  // 1,000 independent runs of 2,000 skewed values (lognormal, sd/mean ~ 0.5, like a cost with a
  // heavy tail). A standard error is right if it equals the sd of its estimate across runs. That
  // sd is itself uncertain by 1/sqrt(2 x 999) = 2.2%, so 4 SE = 9%; the mean of 1,000 reported
  // SEs is far tighter. The batch-means SE of a percentile is known to run a few percent low
  // (precision.h): the band allows 5% for that below the 9%. A wrong formula (no sqrt(batches),
  // or the sd of the batches' means) would be off by a factor of 2 or more. Fixed seed.
  const int runs = 1000, n = 2000;
  std::mt19937_64 rng(20261124);
  std::lognormal_distribution<double> cost(10, 0.5);
  std::vector<double> est[4], se[4];
  for (int r = 0; r < runs; ++r) {
    SeriesPrecision s;
    for (int i = 0; i < n; ++i) s.Add(cost(rng));
    const Stats st = s.Get();
    REQUIRE(st.n == n);
    const double values[4] = {st.mean, st.p5, st.p50, st.p95};
    const double errors[4] = {s.SeMean(), s.SePercentile(0), s.SePercentile(1), s.SePercentile(2)};
    for (int k = 0; k < 4; ++k) {
      est[k].push_back(values[k]);
      se[k].push_back(errors[k]);
    }
  }
  const char* names[4] = {"mean", "p5", "p50", "p95"};
  for (int k = 0; k < 4; ++k) {
    INFO(names[k] << ": sd across runs " << Sd(est[k]) << ", mean reported SE " << Mean(se[k]));
    const double ratio = Mean(se[k]) / Sd(est[k]);
    CHECK(ratio > (k == 0 ? 0.91 : 0.86));
    CHECK(ratio < 1.09);
  }
}

TEST_CASE("SeriesPrecision: sd/sqrt(n) for the mean, percentile SEs from 10 batches of 100",
          "[precision]") {
  SeriesPrecision s;
  CHECK(std::isnan(s.SeMean()));
  // 0, 1, ..., 999 in a scrambled order: every batch of 100 holds a spread of values.
  std::vector<double> v;
  for (int i = 0; i < 1000; ++i) v.push_back((i * 379) % 1000);
  for (int i = 0; i < 999; ++i) s.Add(v[i]);
  CHECK(std::isnan(s.SePercentile(0)));  // 9 batches: not yet
  s.Add(v[999]);
  const Stats st = s.Get();
  CHECK(st.mean == Approx(499.5));
  CHECK(s.SeMean() == Approx(st.sd / std::sqrt(1000.0)));
  CHECK(s.SeMean() == Approx(std::sqrt(1000.0 * 1001 / 12) / std::sqrt(1000.0)));
  // By hand: the batch percentiles and their sd / sqrt(10).
  std::vector<double> p5;
  for (int b = 0; b < 10; ++b) {
    std::vector<double> batch(v.begin() + b * 100, v.begin() + (b + 1) * 100);
    std::sort(batch.begin(), batch.end());
    p5.push_back(Percentile(batch, 0.05));
  }
  const double c4 = 0.9726592741;  // c4(10) = sqrt(2/9) Gamma(5) / Gamma(4.5)
  CHECK(s.SePercentile(0) == Approx(Sd(p5) / c4 / std::sqrt(10.0)));
  // Constant values: no error at all.
  SeriesPrecision c;
  for (int i = 0; i < 1000; ++i) c.Add(7);
  CHECK(c.SeMean() == 0);
  CHECK(c.SePercentile(2) == 0);
}

TEST_CASE("PrecisionTracker: the key figures are the cost levels and their paired differences",
          "[precision]") {
  const std::string domain =
      R"("arrivals_per_day": 2, "routing": {"f": 0.7, "g": 0.3},
  "forms": {"f": {"duration": {"type": "exponential", "mean": 150}, "tariff": {"amount": 60, "per": "day"},
                  "initial": {"clients": 210}},
            "g": {"duration": {"type": "lognormal", "mean": 90, "sd": 60}, "tariff": {"amount": 100, "per": "day"}}})";
  const std::string top = R"({"start_date": "2025-01-01", "end_date": "2027-12-31", )";
  const std::string base_text = top + R"("domains": {"d": {)" + domain + "}}}";
  const std::string alt_text =
      top +
      R"("levers": {"minder": {"type": "inflow", "domain": "d", "change": -0.2, "from": "2026-01-01"}},
      "domains": {"d": {)" +
      domain + "}}}";
  const int reps = 300;
  auto pair = RunPair(base_text, alt_text, reps, 17);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  PrecisionTracker tracker({&base.model, &alt.model}, {"base", "alt"}, 0);
  for (int r = 0; r < reps; ++r) {
    std::vector<RepResult> results(2);
    for (int m = 0; m < 2; ++m) {
      const ModelRun& run = m == 0 ? base : alt;
      results[m].values.resize(run.layout.size());
      for (size_t i = 0; i < run.layout.size(); ++i)
        results[m].values[i] = run.agg->Column(i)[static_cast<size_t>(r)];
    }
    tracker.Add(results);
  }
  const auto figures = tracker.Figures();
  // Two scenarios x (total + domain d) x 3 years of levels, then alt - base in the same rows.
  REQUIRE(figures.size() == 2 * 2 * 3 + 2 * 3);
  double worst = 0;
  for (const KeyFigure& f : figures) {
    INFO(f.scenario << " " << f.baseline << " " << f.domain << " " << f.period);
    const ModelRun& run = f.scenario == "base" ? base : alt;
    const int p = f.period == "2025" ? 0 : f.period == "2026" ? 1 : 2;
    const int g = run.Group(f.domain, "all");
    const Stats level = run.GetGroup(g, p, kCost);
    const Stats base_level = base.GetGroup(base.Group(f.domain, "all"), p, kCost);
    if (f.baseline.empty()) {
      // The same numbers as summary.csv.
      CHECK(f.stats.mean == level.mean);
      CHECK(f.stats.p95 == level.p95);
      CHECK(f.reference == level.mean);
      CHECK(f.se_mean == Approx(level.sd / std::sqrt(static_cast<double>(reps))).epsilon(1e-12));
    } else {
      CHECK(f.baseline == "base");
      std::vector<double> d;
      for (int r = 0; r < reps; ++r)
        d.push_back(run.agg->Column(run.layout.Index(p, g, kCost))[static_cast<size_t>(r)] -
                    base.agg->Column(base.layout.Index(p, base.Group(f.domain, "all"),
                                                       kCost))[static_cast<size_t>(r)]);
      CHECK(f.stats.mean == Approx(Mean(d)).epsilon(1e-12));
      CHECK(f.se_mean == Approx(Sd(d) / std::sqrt(static_cast<double>(reps))).epsilon(1e-9));
      // Measured against the baseline's cost, not against the (small) difference.
      CHECK(f.reference == base_level.mean);
      // Common random numbers: the difference is far tighter than the level.
      if (p > 0) CHECK(f.se_mean < 0.5 * level.sd / std::sqrt(static_cast<double>(reps)));
      if (p == 0) CHECK(f.se_mean == 0);  // the lever starts in 2026
    }
    CHECK(std::isnan(f.se_p5));  // 3 batches of 100: too few for a percentile SE
    worst = std::max(worst, f.RelativeSe());
  }
  KeyFigure at;
  CHECK(tracker.Worst(&at) == worst);
  CHECK(at.RelativeSe() == worst);
  CHECK(tracker.Met(worst));
  CHECK_FALSE(tracker.Met(worst * 0.999));
}

TEST_CASE("PrecisionTracker: a scenario over other years has no difference in those years",
          "[precision]") {
  // A back-cast (history) run next to a baseline: period 0 is another year in each, so only the
  // years both have are compared, and nothing is read beyond the baseline's periods.
  const std::string domain = R"("domains": {"d": {"arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 50, "per": "day"}}}}}})";
  // Fed straight from the batch (RunPair would also build a Comparison, which expects the
  // baseline's years).
  auto base = LoadModelRun(R"({"start_date": "2025-01-01", "end_date": "2026-12-31", )" + domain);
  auto history =
      LoadModelRun(R"({"start_date": "2023-01-01", "end_date": "2026-12-31", )" + domain);
  PrecisionTracker tracker({&base->model, &history->model}, {"base", "history"}, 0);
  BatchOptions opt;
  opt.seed = 3;
  opt.replications = 20;
  RunBatch({&base->model, &history->model}, opt,
           [&](int, const std::vector<RepResult>& r) { tracker.Add(r); });
  int differences = 0;
  for (const KeyFigure& f : tracker.Figures()) differences += !f.baseline.empty();
  // Levels: 2 x 2 years (total, d) + 4 x 2; differences: none, since period 0 is 2023 vs 2025.
  CHECK(tracker.Figures().size() == 2 * 2 + 4 * 2);
  CHECK(differences == 0);
}

TEST_CASE("CheckpointSchedule: after 1000, every 500, and the maximum", "[precision]") {
  CHECK(CheckpointSchedule(false, 250) == std::vector<int>{250});
  CHECK(CheckpointSchedule(true, 2600) == std::vector<int>{1000, 1500, 2000, 2500, 2600});
  CHECK(CheckpointSchedule(true, 2000) == std::vector<int>{1000, 1500, 2000});
  CHECK(CheckpointSchedule(true, 400) == std::vector<int>{400});
}

}  // namespace sdsim::testing
