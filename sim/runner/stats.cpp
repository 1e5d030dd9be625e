// Replication statistics: exact percentiles, and the streaming CellStats (Welford + P-squared).
#include "runner/stats.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sdsim {
namespace {

// Marker probabilities: the reported percentiles and points between them (and the extremes).
constexpr std::array<double, 15> kMarkers = {0,    0.025, 0.05, 0.15,  0.25, 0.375, 0.5, 0.625,
                                             0.75, 0.825, 0.90, 0.925, 0.95, 0.975, 1};
constexpr int kM = static_cast<int>(kMarkers.size());

}  // namespace

double Percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

// The reported percentiles of sorted values.
void SetPercentiles(const std::vector<double>& sorted, Stats* s) {
  s->p5 = Percentile(sorted, 0.05);
  s->p25 = Percentile(sorted, 0.25);
  s->p50 = Percentile(sorted, 0.50);
  s->p75 = Percentile(sorted, 0.75);
  s->p90 = Percentile(sorted, 0.90);
  s->p95 = Percentile(sorted, 0.95);
}

}  // namespace

Stats Summarise(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  Stats s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) {
    const double nan = std::nan("");
    s.mean = s.sd = s.p5 = s.p25 = s.p50 = s.p75 = s.p90 = s.p95 = nan;
    return s;
  }
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / s.n;
  double ss = 0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / (s.n - 1)) : 0.0;
  std::sort(values.begin(), values.end());
  SetPercentiles(values, &s);
  return s;
}

// Extended P-squared: marker heights q, actual positions n (1-based), desired positions np.
struct CellStats::Sketch {
  std::array<double, kM> q{}, n{}, np{};

  explicit Sketch(const std::vector<double>& sorted) {
    const double count = static_cast<double>(sorted.size());
    for (int i = 0; i < kM; ++i) {
      n[i] = 1 + std::round(kMarkers[i] * (count - 1));
      if (i > 0 && n[i] <= n[i - 1]) n[i] = n[i - 1] + 1;
      q[i] = sorted[static_cast<size_t>(n[i]) - 1];
      np[i] = 1 + kMarkers[i] * (count - 1);
    }
  }

  void Add(double x) {
    int k;
    if (x < q[0]) {
      q[0] = x;
      k = 0;
    } else if (x >= q[kM - 1]) {
      q[kM - 1] = std::max(q[kM - 1], x);
      k = kM - 2;
    } else {
      k = 0;
      while (k + 1 < kM - 1 && x >= q[k + 1]) ++k;
    }
    for (int i = k + 1; i < kM; ++i) n[i] += 1;
    for (int i = 0; i < kM; ++i) np[i] += kMarkers[i];
    for (int i = 1; i < kM - 1; ++i) {
      const double d = np[i] - n[i];
      if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
        const double s = d > 0 ? 1.0 : -1.0;
        const double par =
            q[i] + s / (n[i + 1] - n[i - 1]) *
                       ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) +
                        (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
        if (q[i - 1] < par && par < q[i + 1]) {
          q[i] = par;
        } else {
          const int j = i + static_cast<int>(s);
          q[i] = q[i] + s * (q[j] - q[i]) / (n[j] - n[i]);
        }
        n[i] += s;
      }
    }
  }

  double At(double p) const {
    for (int i = 0; i < kM; ++i)
      if (kMarkers[i] == p) return q[i];
    return std::nan("");
  }
};

CellStats::CellStats() = default;
CellStats::~CellStats() = default;
CellStats::CellStats(CellStats&&) noexcept = default;
CellStats& CellStats::operator=(CellStats&&) noexcept = default;

void CellStats::Add(double v) {
  if (std::isnan(v)) return;
  ++n_;
  const double delta = v - mean_;
  mean_ += delta / n_;
  m2_ += delta * (v - mean_);
  if (constant_) {
    if (n_ == 1) {
      first_ = v;
      return;
    }
    if (v == first_) return;
    constant_ = false;
    exact_.assign(n_ - 1, first_);
  }
  if (sketch_) {
    sketch_->Add(v);
    return;
  }
  exact_.push_back(v);
  if (exact_.size() > kExactCap) {
    std::sort(exact_.begin(), exact_.end());
    sketch_ = std::make_unique<Sketch>(exact_);
    std::vector<double>().swap(exact_);
  }
}

Stats CellStats::Get() const {
  Stats s;
  s.n = static_cast<int>(n_);
  const double nan = std::nan("");
  if (n_ == 0) {
    s.mean = s.sd = s.p5 = s.p25 = s.p50 = s.p75 = s.p90 = s.p95 = nan;
    return s;
  }
  s.mean = mean_;
  s.sd = n_ > 1 ? std::sqrt(std::max(m2_, 0.0) / (n_ - 1)) : 0.0;
  if (constant_) {
    s.mean = first_;
    s.sd = 0;
    s.p5 = s.p25 = s.p50 = s.p75 = s.p90 = s.p95 = first_;
  } else if (sketch_) {
    s.p5 = sketch_->At(0.05);
    s.p25 = sketch_->At(0.25);
    s.p50 = sketch_->At(0.5);
    s.p75 = sketch_->At(0.75);
    s.p90 = sketch_->At(0.90);
    s.p95 = sketch_->At(0.95);
  } else {
    std::vector<double> sorted = exact_;
    std::sort(sorted.begin(), sorted.end());
    SetPercentiles(sorted, &s);
  }
  return s;
}

Aggregator::Aggregator(const std::vector<bool>& active, bool keep_columns)
    : slot_(active.size(), -1), keep_columns_(keep_columns) {
  for (size_t i = 0; i < active.size(); ++i) {
    if (!active[i]) continue;
    slot_[i] = static_cast<int>(cells_.size());
    cells_.push_back(i);
  }
  stats_.resize(cells_.size());
  if (keep_columns_) columns_.resize(cells_.size());
}

void Aggregator::Add(const std::vector<double>& values) {
  for (size_t c = 0; c < cells_.size(); ++c) {
    const double v = values[cells_[c]];
    stats_[c].Add(v);
    if (keep_columns_) columns_[c].push_back(v);
  }
  ++replications_;
}

Stats Aggregator::Get(size_t index) const {
  if (slot_[index] < 0) return CellStats().Get();
  return stats_[slot_[index]].Get();
}

const std::vector<double>& Aggregator::Column(size_t index) const {
  static const std::vector<double> kEmpty;
  return slot_[index] < 0 || !keep_columns_ ? kEmpty : columns_[slot_[index]];
}

}  // namespace sdsim
