// replications.csv: every replication's own values, for a user's own analysis (a histogram, a
// paired difference, a correlation), streamed to a file while the run goes on.
//
// Two layouts:
//  - kTotals (`--per-replication`, the default): wide, one row per replication and one column per
//    scenario, row, metric and period ("baseline: jeugd cost 2026"), so that it fits a spreadsheet
//    (10,000 replications are 10,000 rows; Excel holds 1,048,576 rows and 16,384 columns) and the
//    scenarios of one replication, which ran on the same random numbers, stand side by side. Rows:
//    the begroting's (taakveld, taakveld x payer, domain, domain x payer, payer, total) with their
//    cost, and the domains and the total with clients_end, unique_clients, inflow, outflow and
//    waiting_end.
//  - kAll (`--per-replication all`): long, one line per scenario, replication, output row, period
//    and metric: the full file, far larger than a spreadsheet holds (read it with R or Python).
// Values are rounded like summary.csv (euros to cents; shares to 4 decimals, else 2).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/model.h"
#include "engine/metrics.h"
#include "io/csv.h"

namespace sdsim {

enum class PerReplication { kNone, kTotals, kAll };

class ReplicationWriter {
 public:
  ReplicationWriter(const std::string& path, CsvDialect dialect, PerReplication what,
                    const std::vector<const Model*>& models, const std::vector<std::string>& names);
  ~ReplicationWriter();
  ReplicationWriter(const ReplicationWriter&) = delete;
  ReplicationWriter& operator=(const ReplicationWriter&) = delete;

  bool ok() const { return opened_ && !failed_; }
  // Columns of the wide layout (0 for kAll); more than a spreadsheet's 16,384 is possible with
  // monthly periods and many scenarios.
  size_t columns() const { return columns_.size(); }
  // Replication `rep` of every scenario (results in the order of the models).
  void Add(int rep, const std::vector<RepResult>& results);
  void Close();

 private:
  struct Column {
    size_t scenario, index;  // index into the scenario's result values
    int decimals;
  };
  void Flush();
  FILE* file_;
  bool opened_;
  bool failed_ = false;
  CsvDialect dialect_;
  PerReplication what_;
  std::vector<const Model*> models_;
  std::vector<std::string> names_;
  std::vector<Column> columns_;
  std::string buffer_;
};

}  // namespace sdsim
