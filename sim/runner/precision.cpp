// Precision: standard errors of the key figures by sd / sqrt(n) and batch means.
#include "runner/precision.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sdsim {
namespace {

constexpr double kPercentiles[3] = {0.05, 0.50, 0.95};

bool IsKeyRow(const GroupModel& g) {
  return g.kind == GroupKind::kTotal || g.kind == GroupKind::kDomain;
}

double ValueOrZero(const RepResult& r, const Model& m, int group, int period) {
  if (group < 0) return 0.0;
  const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
  const double v = r.values[L.Index(period, group, kCost)];
  return std::isnan(v) ? 0.0 : v;
}

}  // namespace

std::vector<int> CheckpointSchedule(bool precision, int replications) {
  std::vector<int> out;
  if (precision)
    for (int n = kFirstCheckpoint; n < replications; n += kCheckpointEvery) out.push_back(n);
  out.push_back(replications);
  return out;
}

void SeriesPrecision::Moments::Add(double v) {
  ++n;
  const double delta = v - mean;
  mean += delta / n;
  m2 += delta * (v - mean);
}

void SeriesPrecision::Add(double v) {
  cell_.Add(v);
  if (std::isnan(v)) return;
  batch_.push_back(v);
  if (batch_.size() < static_cast<size_t>(kBatch)) return;
  std::sort(batch_.begin(), batch_.end());
  for (int i = 0; i < 3; ++i) batch_percentiles_[i].Add(Percentile(batch_, kPercentiles[i]));
  batch_.clear();
}

double SeriesPrecision::SeMean() const {
  const Stats s = cell_.Get();
  return s.n > 1 ? s.sd / std::sqrt(static_cast<double>(s.n)) : std::nan("");
}

double SeriesPrecision::SePercentile(int which) const {
  const Moments& m = batch_percentiles_[which];
  if (m.n < kMinBatches) return std::nan("");
  // The sample sd of K values underestimates their sd by the factor c4(K) (0.973 for K = 10,
  // 0.987 for 20); dividing by it removes that part of the bias.
  const double k = m.n;
  const double c4 =
      std::sqrt(2 / (k - 1)) * std::exp(std::lgamma(k / 2) - std::lgamma((k - 1) / 2));
  return std::sqrt(std::max(m.m2, 0.0) / (k - 1)) / c4 / std::sqrt(k);
}

double KeyFigure::RelativeSe() const {
  if (!(se_mean > 0)) return se_mean == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return reference == 0 ? std::numeric_limits<double>::infinity() : se_mean / std::abs(reference);
}

PrecisionTracker::PrecisionTracker(const std::vector<const Model*>& models,
                                   const std::vector<std::string>& names, int baseline)
    : models_(models), names_(names), baseline_(baseline) {
  // Levels, scenario by scenario; the index of each (scenario, group, period) level.
  std::vector<std::vector<int>> level(models.size());
  for (size_t s = 0; s < models.size(); ++s) {
    const Model& m = *models[s];
    level[s].assign(static_cast<size_t>(m.num_groups()) * m.calendar.num_periods(), -1);
    for (int g = 0; g < m.num_groups(); ++g) {
      if (!IsKeyRow(m.groups[g])) continue;
      for (int p = 0; p < m.calendar.num_periods(); ++p) {
        level[s][static_cast<size_t>(g) * m.calendar.num_periods() + p] =
            static_cast<int>(keys_.size());
        keys_.push_back(Key{static_cast<int>(s), g, p, -1, false, -1});
      }
    }
  }
  // Paired differences from the baseline in the same rows (matched by kind and domain).
  const Model& base = *models[baseline];
  for (size_t s = 0; s < models.size(); ++s) {
    if (static_cast<int>(s) == baseline) continue;
    const Model& m = *models[s];
    for (int g = 0; g < m.num_groups(); ++g) {
      if (!IsKeyRow(m.groups[g])) continue;
      int bg = -1;
      for (int b = 0; b < base.num_groups(); ++b)
        if (base.groups[b].kind == m.groups[g].kind && base.groups[b].domain == m.groups[g].domain)
          bg = b;
      for (int p = 0; p < m.calendar.num_periods(); ++p) {
        // Only periods the baseline has too (a back-cast over other years has no difference).
        if (p >= base.calendar.num_periods() ||
            base.calendar.periods()[p].label != m.calendar.periods()[p].label)
          continue;
        const int ref =
            bg >= 0 ? level[baseline][static_cast<size_t>(bg) * base.calendar.num_periods() + p]
                    : level[s][static_cast<size_t>(g) * m.calendar.num_periods() + p];
        keys_.push_back(Key{static_cast<int>(s), g, p, bg, true, ref});
      }
    }
  }
  series_.resize(keys_.size());
}

void PrecisionTracker::Add(const std::vector<RepResult>& results) {
  for (size_t k = 0; k < keys_.size(); ++k) {
    const Key& key = keys_[k];
    const Model& m = *models_[key.scenario];
    double v = ValueOrZero(results[key.scenario], m, key.group, key.period);
    if (key.difference)
      v -= ValueOrZero(results[baseline_], *models_[baseline_], key.base_group, key.period);
    series_[k].Add(v);
  }
  ++replications_;
}

double PrecisionTracker::Reference(size_t k) const {
  const int ref = keys_[k].reference;
  return series_[ref >= 0 ? static_cast<size_t>(ref) : k].Get().mean;
}

std::vector<KeyFigure> PrecisionTracker::Figures() const {
  std::vector<KeyFigure> out;
  for (size_t k = 0; k < keys_.size(); ++k) {
    const Key& key = keys_[k];
    const Model& m = *models_[key.scenario];
    KeyFigure f;
    f.scenario = names_[key.scenario];
    if (key.difference) f.baseline = names_[baseline_];
    f.domain = m.groups[key.group].domain;
    f.period = m.calendar.periods()[key.period].label;
    f.stats = series_[k].Get();
    f.se_mean = series_[k].SeMean();
    f.se_p5 = series_[k].SePercentile(0);
    f.se_p50 = series_[k].SePercentile(1);
    f.se_p95 = series_[k].SePercentile(2);
    f.reference = Reference(k);
    out.push_back(f);
  }
  return out;
}

double PrecisionTracker::Worst(KeyFigure* worst) const {
  double max = 0;
  size_t at = keys_.size();
  for (size_t k = 0; k < keys_.size(); ++k) {
    KeyFigure f;
    f.se_mean = series_[k].SeMean();
    f.reference = Reference(k);
    const double r = f.RelativeSe();
    if (r > max || at == keys_.size()) {
      max = r;
      at = k;
    }
  }
  if (worst && at < keys_.size()) *worst = Figures()[at];
  return max;
}

PrecisionResult PrecisionTracker::Result(double target, int max_replications) const {
  PrecisionResult r;
  r.target = target;
  r.max_replications = max_replications;
  r.replications = replications_;
  r.worst = Worst(&r.worst_figure);
  r.met = target > 0 && r.worst <= target;
  r.figures = Figures();
  return r;
}

}  // namespace sdsim
