// ClassRun bookkeeping: pipes, delays and their day series, and the sums of a series against a
// kernel over past days (exact for recent days, block-linear long ago).
#include <algorithm>

#include "expect/class_run.h"

namespace sdsim::expect::detail {

int ClassRun::FirstAtMost(const std::vector<double>& F, double x, bool strict) const {
  // F is non-increasing.
  int lo = 0, hi = days_;  // answer in [0, days]
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    if (strict ? F[mid] < x : F[mid] <= x)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

Eigen::MatrixXd ClassRun::Dot(const Series& p, int table, int c0, int nc, int a, int b, int n,
                              int k0, int nk) const {
  const KernelTable& t = sh_.tables[table];
  a = std::max({a, p.first, n - t.support + 1});
  b = std::min({b, n, p.last + 1});
  Eigen::MatrixXd r = Eigen::MatrixXd::Zero(nc, nk);
  if (b <= a) return r;
  // Days long ago in blocks (see KernelTable); the rest exactly, in plain loops (at these sizes
  // they beat Eigen's GEMM with its packing).
  int kb_lo = 0, kb_hi = 0;
  if (t.block0.size() > 0) {
    const int old_end = std::min(b, n - kExactDays);
    kb_lo = (a + kBlockDays - 1) / kBlockDays;
    kb_hi = old_end > 0 ? old_end / kBlockDays : 0;
  }
  auto exact = [&](int from, int to) {
    const long len = to - from, row = days_ - n + from;
    if (len <= 0) return;
    for (int c = 0; c < nc; ++c) {
      const double* s = p.S.col(c0 + c).data() + from;
      for (int k = 0; k < nk; ++k) {
        const double* q = t.rev.col(k0 + k).data() + row;
        double acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
        long j = 0;
        for (; j + 4 <= len; j += 4) {
          acc0 += s[j] * q[j];
          acc1 += s[j + 1] * q[j + 1];
          acc2 += s[j + 2] * q[j + 2];
          acc3 += s[j + 3] * q[j + 3];
        }
        for (; j < len; ++j) acc0 += s[j] * q[j];
        r(c, k) += (acc0 + acc1) + (acc2 + acc3);
      }
    }
  };
  if (kb_hi <= kb_lo) {
    exact(a, b);
    return r;
  }
  exact(a, kb_lo * kBlockDays);
  exact(kb_hi * kBlockDays, b);
  // Block kb covers days kb*B .. kb*B + B - 1, its first day m = n - kb*B days ago, and
  // s(kb*B + i) ~ B0 + (i - mid) B1 (normalised sums, see CloseBlock).
  const int nkc = static_cast<int>(t.rev.cols()), row0 = t.blocks - n / kBlockDays,
            phase = n % kBlockDays;
  const long len = kb_hi - kb_lo;
  for (int c = 0; c < nc; ++c) {
    const double* b0 = p.B0.col(c0 + c).data() + kb_lo;
    const double* b1 = p.B1.col(c0 + c).data() + kb_lo;
    for (int k = 0; k < nk; ++k) {
      const int col = phase * nkc + k0 + k;
      const double* q0 = t.block0.col(col).data() + row0 + kb_lo;
      const double* q1 = t.block1.col(col).data() + row0 + kb_lo;
      double acc0 = 0, acc1 = 0;
      for (long j = 0; j < len; ++j) {
        acc0 += b0[j] * q0[j];
        acc1 += b1[j] * q1[j];
      }
      r(c, k) += acc0 + acc1;
    }
  }
  return r;
}

void ClassRun::CloseBlock(Series* p, int n) {
  // Day n ends a block: its sums are final (entries only ever go to today).
  if ((n + 1) % kBlockDays != 0 || p->first > n) return;
  // Kept as the level and slope of the block's linear fit: B0 = sum / B, B1 = weighted sum / var.
  const int kb = n / kBlockDays, d0 = kb * kBlockDays;
  const double mid = (kBlockDays - 1) / 2.0,
               var = kBlockDays * (kBlockDays * kBlockDays - 1.0) / 12.0;
  for (int c = 0; c < p->S.cols(); ++c) {
    double s0 = 0, s1 = 0;
    for (int i = 0; i < kBlockDays; ++i) {
      s0 += p->S(d0 + i, c);
      s1 += (i - mid) * p->S(d0 + i, c);
    }
    p->B0(kb, c) = s0 / kBlockDays;
    p->B1(kb, c) = s1 / var;
  }
}

int ClassRun::GetPipe(int k, int tag, int n, bool w) {
  const NodeModel& node = m_.nodes[k];
  if (node.is_care() && !sh_.tags.sensitive[k]) tag = kAnyTag;
  const int variant = sh_.variant_of_day[k].empty() ? 0 : sh_.variant_of_day[k][n];
  int& idx =
      (w ? w_of_ : pipe_of_)[(static_cast<size_t>(k) * sh_.tags.count + tag) * variants_ + variant];
  if (idx >= 0) return idx;
  Pipe p;
  p.node = k;
  p.tag = tag;
  p.domain = node.domain;
  p.table = sh_.care_table[k][variant];
  if (w)
    p.kind = kCareW;
  else if (node.is_care())
    p.kind = Active(k) ? kCareP : kCarePlain;
  else
    p.kind = Active(k) ? kToegangLimit : kToegangPlain;
  p.Init(days_, 2);
  pipes_.push_back(std::move(p));
  idx = static_cast<int>(pipes_.size()) - 1;
  return idx;
}

int ClassRun::GetDelay(int k, int tag) {
  if (!sh_.tags.sensitive[k]) tag = kAnyTag;
  int& idx = delay_of_[static_cast<size_t>(k) * sh_.tags.count + tag];
  if (idx >= 0) return idx;
  const NodeModel& node = m_.nodes[k];
  const DomainModel& dm = m_.domains[node.domain];
  Delay d;
  d.node = k;
  d.tag = tag;
  d.domain = node.domain;
  d.limit = Active(k);
  d.Init(days_, 1);
  // OnReentry: a client without a stream takes the domain's toegang stream; back via the toegang
  // (routed like that stream) if the form says so and the stream came via a toegang.
  int eff = tag;
  if (tag == 2 && sh_.tags.none == 2 && dm.toegang_source >= 0)
    eff = sh_.tags.of_source[dm.toegang_source];
  const bool toegang_tag = eff >= 3;
  d.target = node.reentry_via_toegang && dm.toegang >= 0 && toegang_tag ? dm.toegang : k;
  d.target_tag = eff;
  delays_.push_back(std::move(d));
  idx = static_cast<int>(delays_.size()) - 1;
  return idx;
}

void ClassRun::Queue(int pi) {
  if (!pipes_[pi].queued) {
    pipes_[pi].queued = true;
    queue_.push_back(pi);
  }
}

void ClassRun::AddEntry(int pi, int n, double m, Phase ph) {
  Pipe& p = pipes_[pi];
  const LimitCurves& lc = Lim(p.node);
  switch (p.kind) {
    case kCarePlain:
    case kToegangPlain:
      p.S(n, 0) += m;
      break;
    case kCareP:
      p.S(n, 0) += m;
      p.S(n, 1) += m / lc.F[n];
      break;
    case kToegangLimit:
      // Entries under the limit are also kept divided by F (so that the share past the limit by
      // the end of the assessment follows); those already past it only as they are.
      p.S(n, 0) += m;
      if (ph != kPast && lc.F[n] > 0) p.S(n, 1) += m / lc.F[n];
      if (ph == kPast) {
        p.pending_past += m;
        p.first = std::min(p.first, n);
        p.last = n;
        p.entered += m;
        Queue(pi);
        return;
      }
      break;
    case kCareW: {
      const double width = lc.Fu[n] - lc.F[n];
      p.S(n, 0) += m / width;
      p.S(n, 1) += m * lc.F[n] / width;
      break;
    }
  }
  p.first = std::min(p.first, n);
  p.last = n;
  p.entered += m;
  p.pending += m;
  Queue(pi);
}

}  // namespace sdsim::expect::detail
