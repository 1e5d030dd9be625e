// Precision section and terminal line.
#include "io/precision_report.h"

#include <cmath>
#include <cstdio>

namespace sdsim {
namespace {

// "bw cost 2028 in baseline" or "all cost 2028, lokale_teams minus baseline".
std::string Where(const KeyFigure& f) {
  std::string s = (f.domain == "all" ? std::string("total") : f.domain) + " cost " + f.period;
  return f.baseline.empty() ? s + " in " + f.scenario
                            : s + ", " + f.scenario + " minus " + f.baseline;
}

std::string Percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g%%", fraction * 100);
  return buf;
}

Json Number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

}  // namespace

Json PrecisionJson(const PrecisionResult& r) {
  Json j;
  const bool target = r.target > 0;
  j["target_relative_se"] = target ? Json(r.target) : Json(nullptr);
  j["max_replications"] = target ? Json(r.max_replications) : Json(nullptr);
  j["checkpoints"] =
      target ? Json("after " + std::to_string(kFirstCheckpoint) + " replications, then every " +
                    std::to_string(kCheckpointEvery) + ", up to the maximum")
             : Json(nullptr);
  j["target_met"] = target ? Json(r.met) : Json(nullptr);
  j["largest_relative_se"] = Number(r.worst);
  j["largest_at"] = Where(r.worst_figure);
  j["method"] =
      "Monte Carlo standard errors of the key figures: each scenario's cost per period, in total "
      "and per domain, and each scenario's paired difference from the baseline in the same rows. "
      "se_mean = sd / sqrt(replications); se_p5, se_p50, se_p95 by batch means (the percentile in "
      "consecutive batches of " +
      std::to_string(SeriesPrecision::kBatch) +
      " replications; sd of the batch percentiles / sqrt(batches), corrected by c4; null below " +
      std::to_string(SeriesPrecision::kBatch * SeriesPrecision::kMinBatches) +
      " replications). relative_se = se_mean / |mean| for a level and se_mean / |the baseline's "
      "mean of the row| for a difference. The reported mean lies within 2 standard errors of the "
      "true mean (what endless replications would give) in about 95% of runs; the percentile "
      "errors are approximate and run a few percent low.";
  Json rows = Json::array();
  for (const KeyFigure& f : r.figures) {
    Json row;
    row["scenario"] = f.scenario;
    row["compared_with"] = f.baseline.empty() ? Json(nullptr) : Json(f.baseline);
    row["domain"] = f.domain;
    row["period"] = f.period;
    row["metric"] = "cost";
    row["replications"] = f.stats.n;
    row["mean"] = Number(f.stats.mean);
    row["se_mean"] = Number(f.se_mean);
    row["relative_se"] = Number(f.RelativeSe());
    row["p5"] = Number(f.stats.p5);
    row["se_p5"] = Number(f.se_p5);
    row["p50"] = Number(f.stats.p50);
    row["se_p50"] = Number(f.se_p50);
    row["p95"] = Number(f.stats.p95);
    row["se_p95"] = Number(f.se_p95);
    rows.push_back(row);
  }
  j["key_figures"] = rows;
  return j;
}

std::string PrecisionText(const PrecisionResult& r) {
  const std::string worst = Percent(r.worst) + " (" + Where(r.worst_figure) + ")";
  if (!(r.target > 0))
    return "  precision: the largest Monte Carlo standard error of a key mean is " + worst +
           " of its size;\n    manifest.json gives every key figure with the standard errors of "
           "its mean and "
           "percentiles\n";
  if (r.met)
    return "  precision: target " + Percent(r.target) + " met after " +
           std::to_string(r.replications) + " replications; largest standard error " + worst + "\n";
  return "  precision: target " + Percent(r.target) + " NOT met at the maximum of " +
         std::to_string(r.replications) + " replications; largest standard error " + worst +
         ".\n  Raise --max-replications or ask for less (--precision).\n";
}

}  // namespace sdsim
