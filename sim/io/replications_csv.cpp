// replications.csv, streamed in blocks.
#include "io/replications_csv.h"

#include <algorithm>
#include <cstring>

#include "io/summary.h"

namespace sdsim {
namespace {

// The row's name in a wide column header: its ids that are not "all", or "total".
std::string RowName(const GroupModel& g) {
  std::string out;
  for (const std::string* id : {&g.domain, &g.pillar, &g.taakveld, &g.payer})
    if (*id != "all") out += (out.empty() ? "" : " ") + *id;
  return out.empty() ? "total" : out;
}

bool Begroting(const char* level) {
  for (const char* l : {"taakveld", "taakveld_payer", "domain", "domain_payer", "payer", "total"})
    if (std::strcmp(level, l) == 0) return true;
  return false;
}

}  // namespace

ReplicationWriter::ReplicationWriter(const std::string& path, CsvDialect dialect,
                                     PerReplication what, const std::vector<const Model*>& models,
                                     const std::vector<std::string>& names)
    : file_(std::fopen(path.c_str(), "wb")),
      opened_(file_ != nullptr),
      dialect_(dialect),
      what_(what),
      models_(models),
      names_(names) {
  if (!file_) return;
  CsvWriter w(dialect);
  if (what_ == PerReplication::kAll) {
    for (const char* c :
         {"scenario", "replication", "level", "domain", "form", "pillar", "taakveld", "payer",
          "age_band", "cohort", "year", "period", "metric", "value"})
      w.Text(c);
  } else {
    static const int kClientMetrics[] = {kClientsEnd, kUniqueClients, kInflow, kOutflow,
                                         kWaitingEnd};
    w.Text("replication");
    for (size_t s = 0; s < models_.size(); ++s) {
      const Model& m = *models_[s];
      const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
      for (int g = 0; g < m.num_groups(); ++g) {
        const GroupModel& grp = m.groups[g];
        const char* level = GroupLevel(grp);
        if (!Begroting(level)) continue;
        std::vector<int> metrics = {kCost};
        if (grp.kind == GroupKind::kDomain || grp.kind == GroupKind::kTotal)
          metrics.insert(metrics.end(), std::begin(kClientMetrics), std::end(kClientMetrics));
        for (int k : metrics) {
          if (!MetricDefined(m, grp, k)) continue;
          for (int p = 0; p < L.periods; ++p) {
            columns_.push_back({s, L.Index(p, g, k), MetricDecimals(k)});
            w.Text(names_[s] + ": " + RowName(grp) + " " + MetricName(k) + " " +
                   m.calendar.periods()[p].label);
          }
        }
      }
    }
  }
  w.EndRow();
  buffer_ = w.str();
}

ReplicationWriter::~ReplicationWriter() { Close(); }

void ReplicationWriter::Add(int rep, const std::vector<RepResult>& results) {
  if (!file_) return;
  CsvWriter w(dialect_, /*bom=*/false);
  if (what_ == PerReplication::kTotals) {
    w.Integer(rep);
    for (const Column& c : columns_) w.Number(results[c.scenario].values[c.index], c.decimals);
    w.EndRow();
  } else {
    for (size_t s = 0; s < models_.size(); ++s) {
      const Model& m = *models_[s];
      const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
      for (int g = 0; g < L.groups; ++g) {
        const GroupModel& grp = m.groups[g];
        for (int p = 0; p < L.periods; ++p) {
          const Period& per = m.calendar.periods()[p];
          for (int k = 0; k < L.metrics; ++k) {
            if (!MetricDefined(m, grp, k)) continue;
            w.Text(names_[s]).Integer(rep).Text(GroupLevel(grp)).Text(grp.domain).Text(grp.form);
            w.Text(grp.pillar).Text(grp.taakveld).Text(grp.payer).Text(grp.age_band);
            w.Text(MetricCohort(k)).Integer(per.year).Text(per.label);
            w.Text(MetricName(MetricBase(k)));
            w.Number(results[s].values[L.Index(p, g, k)], MetricDecimals(k));
            w.EndRow();
          }
        }
      }
    }
  }
  buffer_ += w.str();
  if (buffer_.size() > (1 << 20)) Flush();
}

void ReplicationWriter::Close() {
  if (!file_) return;
  Flush();
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
}

void ReplicationWriter::Flush() {
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
  buffer_.clear();
}

}  // namespace sdsim
