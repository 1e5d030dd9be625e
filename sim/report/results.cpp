// RunResults: indexing the CSV tables of a run by (scenario, row, metric).
#include "report/results.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/model.h"
#include "scenario/json_file.h"

namespace sdsim {
namespace {

const std::string* Find(const std::vector<std::pair<std::string, std::string>>& files,
                        const char* name) {
  for (const auto& f : files)
    if (f.first == name) return &f.second;
  return nullptr;
}

ResultTable TableOf(const std::vector<std::pair<std::string, std::string>>& files,
                    const char* name) {
  const std::string* text = Find(files, name);
  return text ? ResultTable::Parse(*text) : ResultTable{};
}

void AddOnce(std::vector<std::string>* list, const std::string& v) {
  if (std::find(list->begin(), list->end(), v) == list->end()) list->push_back(v);
}

std::string IndexKey(const std::string& scenario, const RowKey& key, const std::string& metric) {
  return scenario + '\x1f' + key.Joined() + '\x1f' + metric;
}

// Text of a manifest field ("" if absent); numbers as JSON writes them.
std::string Field(const Json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void ReadManifest(const std::string& text, Provenance* p) {
  const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return;
  p->version = Field(j, "version");
  if (const auto it = j.find("command_line"); it != j.end() && it->is_array())
    for (const Json& a : *it)
      if (a.is_string())
        p->command_line += (p->command_line.empty() ? "" : " ") + a.get<std::string>();
  p->seed = Field(j, "seed");
  p->replications = Field(j, "replications");
  p->threads = Field(j, "threads");
  p->mpi_ranks = Field(j, "mpi_ranks");
  p->period = Field(j, "period");
  p->started = Field(j, "started_utc");
  p->finished = Field(j, "finished_utc");
  p->seconds = Field(j, "seconds");
  p->budget_file = Field(j, "budget_file");
  p->peak_memory_mb = Field(j, "peak_memory_mb");
  if (const auto it = j.find("outputs"); it != j.end() && it->is_array())
    for (const Json& o : *it)
      if (o.is_string()) p->outputs.push_back(o.get<std::string>());
  const auto scenarios = j.find("scenarios");
  if (scenarios == j.end() || !scenarios->is_array()) return;
  for (const Json& s : *scenarios) {
    if (!s.is_object()) continue;
    const std::string name = Field(s, "name");
    if (const auto in = s.find("input_files"); in != s.end() && in->is_array())
      for (const Json& f : *in)
        if (f.is_object()) p->inputs.push_back({name, Field(f, "path"), Field(f, "sha256")});
    const auto resolved = s.find("resolved");
    if (resolved == s.end() || !resolved->is_object()) continue;
    const auto domains = resolved->find("domains");
    if (domains == resolved->end() || !domains->is_object()) continue;
    for (auto d = domains->begin(); d != domains->end(); ++d)
      if (d->is_object() && !Field(*d, "label").empty())
        p->domain_labels.emplace(d.key(), Field(*d, "label"));
  }
}

}  // namespace

std::string RunResults::DomainLabel(const std::string& id) const {
  const auto it = provenance_.domain_labels.find(id);
  return it == provenance_.domain_labels.end() ? id : it->second;
}

bool Band::defined() const { return !std::isnan(mean); }

std::string RowKey::Joined() const {
  return domain + '|' + form + '|' + pillar + '|' + taakveld + '|' + payer + '|' + age_band + '|' +
         cohort;
}

RowLevel LevelOf(const RowKey& k) {
  if (k.form != "all" || k.age_band != "all" || k.pillar != "all") return RowLevel::kOther;
  const bool d = k.domain != "all", t = k.taakveld != "all", p = k.payer != "all";
  if (!d && !t && !p) return RowLevel::kTotal;
  if (d && !t && !p) return RowLevel::kDomain;
  if (!d && t && !p) return RowLevel::kTaakveld;
  if (!d && t && p) return RowLevel::kTaakveldPayer;
  if (!d && !t && p) return RowLevel::kPayer;
  return RowLevel::kOther;
}

RowKey RunResults::KeyOf(const ResultTable& t, size_t row) const {
  RowKey k;
  auto get = [&](const char* col, std::string* field) {
    const int c = t.Column(col);
    if (c >= 0) *field = t.Text(row, c);
  };
  get("domain", &k.domain);
  get("form", &k.form);
  get("pillar", &k.pillar);
  get("taakveld", &k.taakveld);
  get("payer", &k.payer);
  get("age_band", &k.age_band);
  get("cohort", &k.cohort);
  return k;
}

RunResults::RunResults(const std::vector<std::pair<std::string, std::string>>& files)
    : summary_(TableOf(files, "summary.csv")),
      compare_(TableOf(files, "compare.csv")),
      budget_(TableOf(files, "budget.csv")),
      targets_(TableOf(files, "targets.csv")) {
  if (const std::string* m = Find(files, "manifest.json")) ReadManifest(*m, &provenance_);
  const ResultTable& s = summary_;
  const int scen = s.Column("scenario"), period = s.Column("period"), metric = s.Column("metric"),
            reps = s.Column("replications");
  for (size_t r = 0; r < s.rows(); ++r) {
    AddOnce(&scenarios_, s.Text(r, scen));
    AddOnce(&periods_, s.Text(r, period));
    replications_ = std::max(replications_, static_cast<int>(s.Number(r, reps)));
  }
  std::set<std::string> seen;  // metric + row key
  for (size_t r = 0; r < s.rows(); ++r) {
    const RowKey key = KeyOf(s, r);
    if (key.cohort != "all") AddOnce(&cohorts_, key.cohort);
    const std::string& m = s.Text(r, metric);
    std::vector<long>& slots = summary_index_[IndexKey(s.Text(r, scen), key, m)];
    slots.resize(periods_.size(), -1);
    const auto p = std::find(periods_.begin(), periods_.end(), s.Text(r, period));
    slots[p - periods_.begin()] = static_cast<long>(r);
    if (seen.insert(m + '\x1f' + key.Joined()).second) rows_by_metric_[m].push_back(key);
  }
  const ResultTable& c = compare_;
  const int cs = c.Column("scenario"), cb = c.Column("baseline"), cp = c.Column("period"),
            cm = c.Column("metric");
  for (size_t r = 0; r < c.rows(); ++r) {
    baseline_ = c.Text(r, cb);
    AddOnce(&compared_, c.Text(r, cs));
    const RowKey key = KeyOf(c, r);
    if (key.Joined() == RowKey{}.Joined()) AddOnce(&compare_metrics_, c.Text(r, cm));
    std::vector<long>& slots = compare_index_[IndexKey(c.Text(r, cs), key, c.Text(r, cm))];
    slots.resize(periods_.size(), -1);
    const auto p = std::find(periods_.begin(), periods_.end(), c.Text(r, cp));
    if (p != periods_.end()) slots[p - periods_.begin()] = static_cast<long>(r);
  }
  if (baseline_.empty() && !scenarios_.empty()) baseline_ = scenarios_.front();
}

bool RunResults::HasMetric(const std::string& metric) const {
  return rows_by_metric_.count(metric) > 0;
}

std::vector<RowKey> RunResults::Rows(RowLevel level, const std::string& metric) const {
  std::vector<RowKey> out;
  const auto it = rows_by_metric_.find(metric);
  if (it == rows_by_metric_.end()) return out;
  for (const RowKey& k : it->second)
    if (k.cohort == "all" && LevelOf(k) == level) out.push_back(k);
  if (level == RowLevel::kTaakveld || level == RowLevel::kTaakveldPayer)
    std::stable_sort(out.begin(), out.end(), [](const RowKey& a, const RowKey& b) {
      return TaakveldBefore(a.taakveld, b.taakveld);
    });
  return out;
}

std::vector<Band> RunResults::Series(const std::string& scenario, const RowKey& key,
                                     const std::string& metric) const {
  const double nan = std::nan("");
  std::vector<Band> out(periods_.size(), Band{nan, nan, nan, nan, nan, nan});
  const auto it = summary_index_.find(IndexKey(scenario, key, metric));
  if (it == summary_index_.end()) return out;
  const ResultTable& s = summary_;
  const int mean = s.Column("mean"), p5 = s.Column("p5"), p25 = s.Column("p25"),
            p50 = s.Column("p50"), p75 = s.Column("p75"), p95 = s.Column("p95");
  for (size_t p = 0; p < it->second.size(); ++p) {
    const long r = it->second[p];
    if (r < 0) continue;
    out[p] = Band{s.Number(r, mean), s.Number(r, p5),  s.Number(r, p25),
                  s.Number(r, p50),  s.Number(r, p75), s.Number(r, p95)};
  }
  return out;
}

std::vector<Diff> RunResults::Differences(const std::string& scenario, const std::string& metric,
                                          const RowKey& key) const {
  const double nan = std::nan("");
  std::vector<Diff> out(periods_.size(), Diff{nan, nan, nan, nan, nan, ""});
  const auto it = compare_index_.find(IndexKey(scenario, key, metric));
  if (it == compare_index_.end()) return out;
  const ResultTable& c = compare_;
  const int mean = c.Column("mean_diff"), p5 = c.Column("p5_diff"), p50 = c.Column("p50_diff"),
            p95 = c.Column("p95_diff"), lower = c.Column("p_lower"),
            payback = c.Column("payback_period");
  for (size_t p = 0; p < it->second.size(); ++p) {
    const long r = it->second[p];
    if (r < 0) continue;
    out[p] = Diff{c.Number(r, mean), c.Number(r, p5),    c.Number(r, p50),
                  c.Number(r, p95),  c.Number(r, lower), c.Text(r, payback)};
  }
  return out;
}

}  // namespace sdsim
