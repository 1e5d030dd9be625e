// The printed table of a sweep.
#include "cli/sweep_table.h"

#include <algorithm>
#include <cstdio>

#include "io/cost_table.h"

namespace sdsim {
namespace {

std::string Signed(double v) { return (v >= 0.5 ? "+" : "") + Thousands(v); }

std::string Pad(const std::string& s, size_t width, bool right) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

}  // namespace

std::string SweepTable(const std::vector<std::string>& keys,
                       const std::vector<std::vector<std::string>>& values,
                       const std::vector<Headline>& headlines, const std::vector<bool>& done,
                       size_t base, bool base_is_file, const std::string& baseline) {
  const Headline* first = nullptr;
  for (size_t p = 0; p < headlines.size(); ++p)
    if (done[p] && !first) first = &headlines[p];
  if (!first) return "";
  const bool have_base = done[base];
  // Columns: the point, each key, the cost, the difference from the base point, and the
  // baseline and budget columns when there are any.
  std::vector<std::string> head = {"point"};
  for (const std::string& k : keys) head.push_back(k);
  head.push_back("cost " + first->period + " [p5 - p95]");
  head.push_back("vs point " + std::to_string(base + 1));
  if (first->compared) {
    head.push_back("vs " + baseline);
    head.push_back("P(saving)");
    head.push_back("cumulative");
    head.push_back("payback");
  }
  if (first->budgeted)
    head.push_back("P(over " + first->budget_line + " " + first->budget_period + ")");
  std::vector<std::vector<std::string>> rows;
  for (size_t p = 0; p < headlines.size(); ++p) {
    std::vector<std::string> r = {std::to_string(p + 1)};
    for (const std::string& v : values[p]) r.push_back(v);
    if (!done[p]) {
      r.push_back("not run");
      rows.push_back(r);
      continue;
    }
    const Headline& h = headlines[p];
    r.push_back(Thousands(h.cost / 1e3) + " [" + Thousands(h.p5 / 1e3) + " - " +
                Thousands(h.p95 / 1e3) + "]");
    r.push_back(p == base    ? "base"
                : !have_base ? "-"
                             : Signed((h.cost - headlines[base].cost) / 1e3));
    if (first->compared) {
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.0f%%", 100 * h.p_saving);
      r.push_back(Signed(h.diff / 1e3));
      r.push_back(pct);
      r.push_back(Signed(h.cumulative / 1e3));
      r.push_back(h.payback);
    }
    if (first->budgeted) {
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.0f%%", 100 * h.p_overrun);
      r.push_back(pct);
    }
    rows.push_back(r);
  }
  std::vector<size_t> width(head.size());
  for (size_t c = 0; c < head.size(); ++c) {
    width[c] = head[c].size();
    for (const auto& r : rows)
      if (c < r.size()) width[c] = std::max(width[c], r[c].size());
  }
  std::string out =
      "  sweep: cost " + std::string(first->own ? "paid by the gemeente" : "in total") + " in " +
      first->period + " x EUR 1,000 per point; the difference from point " +
      std::to_string(base + 1) +
      (base_is_file ? " (the base file's own values"
                    : " (the first: no point has the base file's values") +
      (have_base ? "" : "; it did not finish") + ")" +
      (first->compared ? "; paired with " + baseline + " on the same random numbers" : "") +
      "\n    ";
  const size_t numbers = 1 + keys.size();  // the columns from here on are right-aligned
  for (size_t c = 0; c < head.size(); ++c) out += Pad(head[c], width[c], c >= numbers) + "  ";
  while (out.back() == ' ') out.pop_back();
  out += "\n";
  for (const auto& r : rows) {
    out += "    ";
    for (size_t c = 0; c < r.size(); ++c) out += Pad(r[c], width[c], c >= numbers) + "  ";
    while (out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

}  // namespace sdsim
