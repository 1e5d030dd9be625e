// targets.csv and the terminal table of targets.
#include "io/targets_csv.h"

#include <cmath>
#include <cstdio>

#include "engine/metrics.h"
#include "io/summary.h"

namespace sdsim {
namespace {

std::string Short(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[32];
  if (std::fabs(v) >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
  else if (std::fabs(v) >= 100)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

std::string TargetsCsv(const std::vector<ScenarioTargets>& scenarios, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (const char* c :
       {"scenario", "target", "metric", "selection", "period", "lower", "upper", "replications",
        "mean", "p5", "p95", "probability_met", "mean_in_range", "source"})
    w.Text(c);
  w.EndRow();
  const double nan = std::nan("");
  for (const ScenarioTargets& s : scenarios) {
    for (const TargetResult& r : s.results) {
      const TargetModel& t = *r.target;
      w.Text(s.scenario).Text(t.name).Text(MetricName(t.metric)).Text(t.selection);
      w.Text(s.model->calendar.periods()[t.period].label);
      w.Number(std::isinf(t.lower) ? nan : t.lower).Number(std::isinf(t.upper) ? nan : t.upper);
      const int dec = MetricDecimals(t.metric);
      w.Integer(r.stats.n).Number(r.stats.mean, dec).Number(r.stats.p5, dec);
      w.Number(r.stats.p95, dec).Number(r.probability_met, 4);
      w.Text(r.mean_in_range ? "yes" : "no").Text(t.source);
      w.EndRow();
    }
  }
  return w.str();
}

std::string TargetsTable(const std::vector<ScenarioTargets>& scenarios) {
  std::string out;
  char line[512];
  for (const ScenarioTargets& s : scenarios) {
    if (s.results.empty()) continue;
    size_t met = 0;
    for (const TargetResult& r : s.results) met += r.mean_in_range;
    if (met == s.results.size()) {
      out += "  targets of " + s.scenario + ": all " + std::to_string(met) +
             " met (the mean within the accepted range; targets.csv)\n";
      continue;
    }
    out += "  targets of " + s.scenario + ": " + std::to_string(met) + " of " +
           std::to_string(s.results.size()) +
           " met (targets.csv); off (mean [p5 - p95] against the accepted range; P = share of "
           "replications within it):\n";
    for (const TargetResult& r : s.results) {
      if (r.mean_in_range) continue;
      const TargetModel& t = *r.target;
      std::string range = std::isinf(t.upper)   ? ">= " + Short(t.lower)
                          : std::isinf(t.lower) ? "<= " + Short(t.upper)
                                                : Short(t.lower) + " - " + Short(t.upper);
      std::snprintf(line, sizeof line,
                    "    %-4s %-44.44s %-8s %9s [%s - %s]  accepted %-12s P %3.0f%%\n",
                    r.mean_in_range ? "ok" : "OFF", t.name.c_str(),
                    s.model->calendar.periods()[t.period].label.c_str(),
                    Short(r.stats.mean).c_str(), Short(r.stats.p5).c_str(),
                    Short(r.stats.p95).c_str(), range.c_str(), 100 * r.probability_met);
      out += line;
    }
  }
  return out;
}

}  // namespace sdsim
