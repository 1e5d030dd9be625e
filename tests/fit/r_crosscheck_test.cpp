// The estimators of sdsim fit against an independent implementation: R's survival package
// (Surv(start, stop, event) Kaplan-Meier with delayed entry, survreg for the parametric families)
// and R's own gamma densities, run by the real Rscript on the same data file.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>

#include "fit/parametric.h"
#include "fit/survival.h"
#include "io/csv.h"
#include "testing.h"

namespace sdsim::testing {
namespace {

std::map<std::string, double> RunR(const std::string& data_path) {
  std::string out;
  const int status =
      RunShell("Rscript '" + SourcePath("tests/fit/crosscheck.R") + "' '" + data_path + "'", &out);
  INFO(out);
  REQUIRE(status == 0);
  std::map<std::string, double> values;
  std::istringstream in(out);
  std::string key;
  double v;
  while (in >> key >> v) values[key] = v;
  return values;
}

TEST_CASE("Kaplan-Meier and the parametric fits agree with R's survival package", "[fit][r]") {
  // A flow seen through a window: delayed entry for episodes already running, censoring at its
  // end; durations Weibull(1.3, 500) in whole days as in records.
  std::mt19937_64 rng(42);
  std::weibull_distribution<double> dur(1.3, 500);
  std::uniform_real_distribution<double> when(-3000, 1500);
  TempDir dir;
  std::string csv = "entry,exit,event\n";
  std::vector<SurvivalObs> all, right;
  for (int i = 0; i < 2500; ++i) {
    const double start = std::floor(when(rng)), d = std::ceil(dur(rng));
    if (start + d <= 0) continue;
    SurvivalObs o{std::max(0.0, -start), 0, start + d <= 1500};
    o.exit = o.event ? d : 1500 - start;
    all.push_back(o);
    if (o.entry == 0) right.push_back(o);
    csv += FormatNumber(o.entry) + "," + FormatNumber(o.exit) + "," + (o.event ? "1" : "0") + "\n";
  }
  const std::map<std::string, double> r = RunR(dir.Write("data.csv", csv));
  const std::vector<KmStep> km = KaplanMeier(all);
  for (int t : {100, 300, 700, 1500}) {
    INFO("t = " << t);
    CHECK(KmSurvival(km, t) == Approx(r.at("km_" + std::to_string(t))).epsilon(1e-9));
    // Greenwood's standard error of S (summary.survfit's std.err).
    const auto step = std::upper_bound(km.begin(), km.end(), double(t),
                                       [](double v, const KmStep& k) { return v < k.time; });
    CHECK(std::prev(step)->se == Approx(r.at("km_se_" + std::to_string(t))).epsilon(1e-6));
  }
  const CompressedSurvival cr = Compress(right);
  const ParametricFit w = FitFamily(Family::kWeibull, cr, {}, 0);
  CHECK(w.p1 == Approx(r.at("weibull_shape")).epsilon(1e-4));
  CHECK(w.p2 == Approx(r.at("weibull_scale")).epsilon(1e-4));
  CHECK(w.loglik == Approx(r.at("weibull_loglik")).epsilon(1e-7));
  const ParametricFit l = FitFamily(Family::kLognormal, cr, {}, 0);
  CHECK(l.p1 == Approx(r.at("lognormal_mu")).epsilon(1e-5));
  CHECK(l.p2 == Approx(r.at("lognormal_sigma")).epsilon(1e-4));
  CHECK(l.p1_se == Approx(r.at("lognormal_mu_se")).epsilon(1e-3));
  const ParametricFit e = FitFamily(Family::kExponential, cr, {}, 0);
  CHECK(e.p1 == Approx(r.at("exponential_mean")).epsilon(1e-6));
  // Gamma with delayed entry, against optim over R's dgamma/pgamma.
  const ParametricFit g = FitFamily(Family::kGamma, Compress(all), {}, 0);
  CHECK(g.p1 == Approx(r.at("gamma_shape")).epsilon(1e-4));
  CHECK(g.p2 == Approx(r.at("gamma_scale")).epsilon(1e-4));
}

}  // namespace
}  // namespace sdsim::testing
