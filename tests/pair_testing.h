// Shared helpers for the lever, comparison, budget and output tests: two scenarios run in one
// batch (common random numbers) with every per-replication value kept, NaN-aware exact column
// comparison, and a small CSV reader for the files the real binary writes.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runner/compare.h"
#include "validation/run_model.h"

namespace sdsim::testing {

// Two scenarios run together by RunBatch: replication r of both uses the same (seed, r).
struct PairRun {
  std::unique_ptr<ModelRun> base, alt;
  std::unique_ptr<Comparison> cmp;  // alt minus base, fed in replication order
};

inline PairRun RunPair(const std::string& base_text, const std::string& alt_text, int replications,
                       uint64_t seed, int threads = 0) {
  PairRun out;
  out.base = LoadModelRun(base_text);
  out.alt = LoadModelRun(alt_text);
  out.cmp = std::make_unique<Comparison>(out.base->model, out.alt->model);
  BatchOptions opt;
  opt.seed = seed;
  opt.replications = replications;
  opt.threads = threads;
  RunBatch({&out.base->model, &out.alt->model}, opt, [&](int, const std::vector<RepResult>& r) {
    out.base->agg->Add(r[0].values);
    out.alt->agg->Add(r[1].values);
    out.cmp->Add(r[0], r[1]);
  });
  return out;
}

// Exactly the same values, NaN equal to NaN.
inline bool SameValues(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

// Every metric of group `g` in period `p` identical per replication in both runs (same layout).
inline bool SameCell(const ModelRun& a, const ModelRun& b, int g, int p,
                     std::string* which = nullptr) {
  for (int m = 0; m < kNumMetrics; ++m) {
    const size_t i = a.layout.Index(p, g, m);
    if (!SameValues(a.agg->Column(i), b.agg->Column(i))) {
      if (which) *which = std::string(MetricName(m));
      return false;
    }
  }
  return true;
}

// A parsed CSV file: the header and the rows as text (a UTF-8 byte-order mark is dropped).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int Col(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    FAIL("no column " << name);
    return -1;
  }
  // Rows whose columns have the given values. In a table with a `cohort` column (summary.csv)
  // the rows of cohort "all" unless the match names a cohort.
  std::vector<const std::vector<std::string>*> Where(
      const std::map<std::string, std::string>& match) const {
    std::vector<std::pair<int, std::string>> cols;
    for (const auto& [k, v] : match) cols.push_back({Col(k), v});
    if (!match.count("cohort") && std::find(header.begin(), header.end(), "cohort") != header.end())
      cols.push_back({Col("cohort"), "all"});
    std::vector<const std::vector<std::string>*> out;
    for (const auto& r : rows) {
      bool ok = true;
      for (const auto& [c, v] : cols) ok = ok && r[static_cast<size_t>(c)] == v;
      if (ok) out.push_back(&r);
    }
    return out;
  }
  // The one row matching; fails otherwise.
  const std::vector<std::string>& One(const std::map<std::string, std::string>& match) const {
    const auto rs = Where(match);
    REQUIRE(rs.size() == 1);
    return *rs[0];
  }
  const std::string& Get(const std::vector<std::string>& row, const std::string& col) const {
    return row[static_cast<size_t>(Col(col))];
  }
};

inline CsvTable ParseCsvTable(std::string text, char sep = ',') {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text = text.substr(3);
  CsvTable t;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == sep) {
      row.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n') {
      row.push_back(cell);
      cell.clear();
      if (t.header.empty())
        t.header = row;
      else
        t.rows.push_back(row);
      row.clear();
      any = false;
    } else if (c != '\r') {
      cell += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(cell);
    if (t.header.empty())
      t.header = row;
    else
      t.rows.push_back(row);
  }
  return t;
}

// A number cell ("" = NaN), with the dialect's decimal separator.
inline double CsvNumber(std::string s, char decimal = '.') {
  if (s.empty()) return std::nan("");
  if (decimal != '.')
    for (char& c : s)
      if (c == decimal) c = '.';
  size_t used = 0;
  const double v = std::stod(s, &used);
  REQUIRE(used == s.size());
  return v;
}

}  // namespace sdsim::testing
