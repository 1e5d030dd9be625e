// ClassRun day steps: the start-date stock, then per day the kills at the age limit, ends of
// earlier starts, new requests, the chains of same-day starts, the end of the day and its booked
// cost. Mirrors engine/simulation.cpp event for event (see the comments at each step).
#include <algorithm>
#include <cmath>
#include <set>

#include "expect/class_run.h"

namespace sdsim::expect::detail {

void ClassRun::Start() {
  // PlaceInitialClients: the clients in care on the start date (with their remaining time), and
  // those waiting, who start at once when there is no cap.
  for (int k = 0; k < m_.num_nodes(); ++k) {
    const NodeModel& node = m_.nodes[k];
    if (!node.is_care()) continue;
    const int tag = sh_.tags.sensitive[k] ? sh_.tags.none : kAnyTag;
    if (node.initial_clients > 0) {
      double share = 0;
      if (!cls_.ages) {
        share = node.initial_age_cum.empty() ? 1.0 : 0.0;
      } else {
        for (size_t b = 0; b < node.initial_age_cum.size(); ++b) {
          const double s = node.initial_age_cum[b] - (b ? node.initial_age_cum[b - 1] : 0.0);
          const BirthWindow& w = sh_.ages.initial_window[b];
          if (s > 0 && w.size() > 0)
            share += s * static_cast<double>(cls_.Overlap(w.lo, w.hi)) / w.size();
        }
      }
      const double mass = node.initial_clients * share;
      if (mass > 0) {
        auto add = [&](PointKind kind, double x) {
          if (x <= 0) return;
          Point pt{kind, k, tag, x, false, &sh_.initial[k]};
          pt.in_care = x;
          points_.push_back(pt);
        };
        if (Active(k)) {
          // Under the limit on the start date; between the limit and the verlengd age (flagged
          // verlengd); or past both: care ends at once (kByUntil).
          const LimitCurves& lc = Lim(k);
          const double pre = lc.F[0], mid = std::max(0.0, lc.Fu[0] - lc.F[0]);
          add(kPointP, mass * pre);
          add(kPointW, mass * mid);
          const double old = mass * (1 - pre - mid);
          if (old > 1e-300) AtUntil(k, tag, old, 0);
        } else {
          add(kPointPlain, mass);
        }
      }
    }
    if (node.initial_waiting > 0 && !cls_.ages) {
      Point pt{kPointPlain, k, tag, static_cast<double>(node.initial_waiting), true, &sh_.fresh[k]};
      pt.in_care = pt.mass;
      points_.push_back(pt);
      out_.starts[PN(0, k)] += pt.mass;
      day_starts_[k] += pt.mass;
    }
  }
}

void ClassRun::Kills(int n) {
  // Birthdays at 00:00 of day n: ScheduleStretch ended care at the limit (or verlengd) birthday.
  const size_t count = pipes_.size();
  for (size_t i = 0; i < count; ++i) {
    Pipe& p = pipes_[i];
    if ((p.kind != kCareP && p.kind != kCareW) || p.first >= n) continue;
    const LimitCurves& lc = Lim(p.node);
    const double v = sh_.verlengd[p.domain];
    const std::vector<double>&F = lc.F, &Fu = lc.Fu;
    if (p.kind == kCareP) {
      const double df = F[n - 1] - F[n];
      if (df > 0 && p.icn > 0) {
        const double killed = df * p.icn;
        p.removed += killed * (1 - v);
        AtLimit(p.node, p.tag, killed, n, true);
      }
      if (v > 0 && Fu[n - 1] > Fu[n]) {
        const int j1 = FirstAtMost(F, Fu[n - 1], true),
                  j2 = std::max(j1, FirstAtMost(F, Fu[n], false));
        const double a = Dot(p, 1, 1, 0, j1, n, 2, 1)(0, 0);
        const Eigen::MatrixXd b = Dot(p, 0, 2, j1, j2, n, 2, 1);
        const double killed =
            std::max(0.0, v * ((Fu[n - 1] - Fu[n]) * a + b(0, 0) - Fu[n] * b(1, 0)));
        p.removed += killed;
        AtUntil(p.node, p.tag, killed, n);
      }
    } else if (Fu[n - 1] > Fu[n]) {
      const int ja = FirstAtMost(F, Fu[n - 1], true),
                jb = std::max(ja, FirstAtMost(F, Fu[n], true));
      const Eigen::MatrixXd x = Dot(p, 0, 2, ja, jb, n, 2, 1);
      const double y = Dot(p, 0, 1, jb, n, n, 2, 1)(0, 0);
      const double killed = std::max(0.0, Fu[n - 1] * x(0, 0) - x(1, 0) + (Fu[n - 1] - Fu[n]) * y);
      p.removed += killed;
      AtUntil(p.node, p.tag, killed, n);
    }
  }
  for (Point& pt : points_) {
    if (pt.kind == kPointPlain || pt.mass <= 0) continue;
    const LimitCurves& lc = Lim(pt.node);
    const double v = sh_.verlengd[m_.nodes[pt.node].domain];
    const double c = pt.mass * pt.ker->C[n];
    if (pt.kind == kPointP) {
      const double pre = c * (lc.F[n - 1] - lc.F[n]), verl = c * v * (lc.Fu[n - 1] - lc.Fu[n]);
      if (pre > 0) {
        pt.removed += pre * (1 - v);
        AtLimit(pt.node, pt.tag, pre, n, true);
      }
      if (verl > 0) {
        pt.removed += verl;
        AtUntil(pt.node, pt.tag, verl, n);
      }
    } else {
      const double until = c * (lc.Fu[n - 1] - lc.Fu[n]);
      if (until > 0) {
        pt.removed += until;
        AtUntil(pt.node, pt.tag, until, n);
      }
    }
  }
}

void ClassRun::EndsFromEarlier(int n) {
  const size_t count = pipes_.size();
  for (size_t i = 0; i < count; ++i) {
    Pipe& p = pipes_[i];
    if (p.first >= n) continue;
    const LimitCurves& lc = Lim(p.node);
    const double w = sh_.care[p.table].wlz;
    switch (p.kind) {
      case kCarePlain: {
        const Eigen::MatrixXd r = Dot(p, 0, 1, 0, n, n, 0, 2);
        p.e_pre = r(0, 0);
        p.m_pre = r(0, 1);
        break;
      }
      case kCareP: {
        const double v = sh_.verlengd[p.domain];
        const int j = v > 0 ? FirstAtMost(lc.F, lc.Fu[n], false) : n;
        const Eigen::MatrixXd a = Dot(p, 0, 2, j, n, n, 0, 2), b = Dot(p, 1, 1, 0, j, n, 0, 2);
        const double ne = a(1, 0) + b(0, 0), nm = a(1, 1) + b(0, 1);
        p.nrm_e = ne;
        p.e_pre = lc.F[n] * ne;
        p.m_pre = lc.F[n] * nm;
        if (v > 0) {
          p.e_verl = std::max(0.0, v * (lc.Fu[n] * b(0, 0) + a(0, 0) - lc.F[n] * ne));
          p.m_verl = std::max(0.0, v * (lc.Fu[n] * b(0, 1) + a(0, 1) - lc.F[n] * nm));
        }
        break;
      }
      case kCareW: {
        const int j = FirstAtMost(lc.F, lc.Fu[n], true);
        const Eigen::MatrixXd a = Dot(p, 0, 2, j, n, n, 0, 2);
        p.e_verl = std::max(0.0, lc.Fu[n] * a(0, 0) - a(1, 0));
        p.m_verl = std::max(0.0, lc.Fu[n] * a(0, 1) - a(1, 1));
        break;
      }
      case kToegangPlain: {
        const Eigen::MatrixXd a = Dot(p, 0, 1, 0, n, n, 0, 2);
        const double e = a(0, 0);
        day_started_[p.node] += a(0, 1);
        p.ended += e;
        EndToegang(p.node, p.tag, e, 0, n);
        continue;
      }
      case kToegangLimit: {
        const Eigen::MatrixXd a = Dot(p, 0, 2, 0, n, n, 0, 2);
        const double pre = lc.F[n] * a(1, 0), past = std::max(0.0, a(0, 0) - pre);
        day_started_[p.node] += a(0, 1);
        p.ended += pre + past;
        EndToegang(p.node, p.tag, pre, past, n);
        continue;
      }
    }
    // OnEndCare: by duration (the end choice), or the Wlz (an exit without re-entry).
    const Phase pre_phase = p.kind == kCarePlain ? kPlain : kPre;
    p.ended += p.e_pre + p.e_verl;
    EndCare(p.node, p.tag, p.e_pre - w * p.m_pre, pre_phase, n);
    EndCare(p.node, p.tag, p.e_verl - w * p.m_verl, kVerl, n);
    if (w > 0) {
      CountEnd(p.node, n, w * p.m_pre, ExitType::kWlz);
      CountEnd(p.node, n, w * p.m_verl, ExitType::kWlz);
    }
  }
  for (Point& pt : points_) {
    if (pt.mass <= 0) continue;
    const LimitCurves& lc = Lim(pt.node);
    const double v = sh_.verlengd[m_.nodes[pt.node].domain];
    double fp = 1, fv = 0;
    if (pt.kind == kPointP) {
      fp = lc.F[n];
      fv = v * (lc.Fu[n] - lc.F[n]);
    } else if (pt.kind == kPointW) {
      fp = 0;
      fv = lc.Fu[n];
    }
    const double e = pt.mass * pt.ker->E[n], md = pt.mass * pt.ker->M[n], w = pt.ker->wlz;
    pt.ended += e * (fp + fv);
    EndCare(pt.node, pt.tag, (e - w * md) * fp, pt.kind == kPointPlain ? kPlain : kPre, n);
    EndCare(pt.node, pt.tag, (e - w * md) * fv, kVerl, n);
    if (w > 0) CountEnd(pt.node, n, w * md * (fp + fv), ExitType::kWlz);
    (pt.fresh ? day_started_ : day_initial_)[pt.node] += md * (fp + fv);
  }
  const size_t dcount = delays_.size();
  for (size_t i = 0; i < dcount; ++i) {
    Delay& d = delays_[i];
    if (d.first >= n) continue;
    double back = Dot(d, sh_.delay_table[d.node], 0, 1, 0, n, n, 0, 1)(0, 0);
    if (d.limit) back *= Lim(d.node).F[n];  // OnReentry: too old for the domain now
    Enter(d.target, d.target_tag, back, d.limit ? kPre : kPlain, d.domain, n, true);
  }
}

void ClassRun::Arrivals(int n) {
  // OnArrival: requests of each stream (the class's share of its birth window), to the toegang or
  // routed at once.
  for (size_t s = 0; s < m_.sources.size(); ++s) {
    const SourceModel& src = m_.sources[s];
    const double lambda = sh_.arrivals[s][n];
    if (lambda <= 0) continue;
    double share = 0, pre = 1;
    const bool aged = src.age_hi > 0;
    if (!cls_.ages) {
      share = aged ? 0.0 : 1.0;
    } else if (aged) {
      const ArrivalBirths& w = sh_.ages.source_window[s][n];
      share = w.Mass(cls_.lo, cls_.hi - 1);
      if (share > 0 && lim_[src.domain].active) {
        const int64_t beta = sh_.ages.beta[src.domain][n];
        pre = w.Mass(std::max(cls_.lo, beta), cls_.hi - 1) / share;
      }
    }
    const double m = lambda * share;
    if (m <= 0) continue;
    const int tag = sh_.tags.of_source[s];
    const Phase ph = lim_[src.domain].active ? kPre : kPlain;
    if (src.toegang >= 0) {
      Enter(src.toegang, tag, m * pre, ph, src.domain, n, false);
      Enter(src.toegang, tag, m * (1 - pre), kPast, src.domain, n, false);
    } else {
      Route(src.routing, src.domain, tag, m * pre, m * (1 - pre), ph, n);
    }
  }
}

void ClassRun::SameDay(int n) {
  // Starts of today that also end today, and what follows from them, until nothing is left.
  long guard = 0;
  while (!queue_.empty() || !delay_queue_.empty()) {
    if (++guard > 200000) {
      for (int i : queue_) out_.unconverged += pipes_[i].pending + pipes_[i].pending_past;
      for (int i : delay_queue_) out_.unconverged += delays_[i].pending;
      for (int i : queue_) pipes_[i].pending = pipes_[i].pending_past = 0, pipes_[i].queued = false;
      for (int i : delay_queue_) delays_[i].pending = 0, delays_[i].queued = false;
      queue_.clear();
      delay_queue_.clear();
      break;
    }
    if (!queue_.empty()) {
      const int pi = queue_.back();
      queue_.pop_back();
      Pipe& p = pipes_[pi];
      p.queued = false;
      const double m = p.pending, mp = p.pending_past;
      p.pending = p.pending_past = 0;
      const CareKernel& k = sh_.care[p.table];
      if ((m + mp) * k.E[0] < kNegligible) continue;  // what would end today is negligible
      if (p.kind == kToegangPlain || p.kind == kToegangLimit) {
        p.ended += (m + mp) * k.E[0];
        EndToegang(p.node, p.tag, m * k.E[0], mp * k.E[0], n);
        continue;
      }
      const Phase ph = p.kind == kCarePlain ? kPlain : p.kind == kCareP ? kPre : kVerl;
      p.ended += m * k.E[0];
      EndCare(p.node, p.tag, m * (k.E[0] - k.wlz * k.M[0]), ph, n);
      if (k.wlz > 0) CountEnd(p.node, n, m * k.wlz * k.M[0], ExitType::kWlz);
    } else {
      const int di = delay_queue_.back();
      delay_queue_.pop_back();
      Delay& d = delays_[di];
      d.queued = false;
      const double m = d.pending;
      d.pending = 0;
      if (m * sh_.delay[d.node][0] < kNegligible) continue;
      Enter(d.target, d.target_tag, m * sh_.delay[d.node][0], d.limit ? kPre : kPlain, d.domain, n,
            true);
    }
  }
}

void ClassRun::EndOfDay(int n) {
  for (Pipe& p : pipes_) {
    const CareKernel& k = sh_.care[p.table];
    day_started_[p.node] += p.m_pre + p.m_verl + k.M[0] * p.entered;
    p.in_care += p.entered - p.ended - p.removed;
    if (p.kind == kCareP) p.icn += p.S(n, 1) - (p.nrm_e + k.E[0] * p.S(n, 1));
    CloseBlock(&p, n);
    p.e_pre = p.m_pre = p.e_verl = p.m_verl = p.nrm_e = 0;
    p.entered = p.ended = p.removed = 0;
  }
  for (Delay& d : delays_) CloseBlock(&d, n);
  for (Point& pt : points_) {
    pt.in_care -= pt.ended + pt.removed;
    pt.ended = pt.removed = 0;
  }
  // Snapshot at the end of a period: clients in care by age band (before the next day's events).
  const int p = sh_.period_of_day[n];
  if (n + 1 != static_cast<int>(m_.calendar.periods()[p].end) || !cls_.ages) return;
  const size_t domains = m_.domains.size(), bands = m_.bands.size();
  auto count = [&](int node, double x) {
    if (!m_.nodes[node].is_care() || x == 0) return;
    const int d = m_.nodes[node].domain;
    for (size_t b = 0; b < bands; ++b)
      out_.band_in_care[(static_cast<size_t>(p) * domains + d) * bands + b] +=
          x * band_share_[p][b];
  };
  for (const Pipe& q : pipes_) count(q.node, q.in_care);
  for (const Point& pt : points_) count(pt.node, pt.in_care);
}

void ClassRun::BookCost(int n) {
  // ScheduleStretch books each day of care at that day's price (a PGB client at the PGB price),
  // split at the payer switch; Start books the trajectory price and one-off costs of the start
  // date. A tariff lever scales the prices per day and per trajectory (not one-off costs).
  const int p = sh_.period_of_day[n];
  for (int k = 0; k < m_.num_nodes(); ++k) {
    const double di = day_initial_[k], ds = day_started_[k], st = day_starts_[k];
    if (di == 0 && ds == 0 && st == 0) continue;
    const NodeModel& node = m_.nodes[k];
    const size_t pk = PN(p, k);
    out_.client_days[pk] += di + ds;
    if (!node.is_care()) {  // a toegang: clients in assessment, no price per day
      day_initial_[k] = day_started_[k] = day_starts_[k] = 0;
      continue;
    }
    const int slot = n >= node.payer_switch_day ? 1 : 0;
    const double f = sh_.tariff_factor[k].starts().empty() ? 1.0 : sh_.tariff_factor[k].RateAt(n);
    const double pgb_days = node.pgb_share * ds;
    const double pgb = f * node.pgb_tariff.RateAt(n) * pgb_days;
    double once = 0;
    if (!node.per_start.starts().empty()) once += f * node.per_start.RateAt(n);
    if (!node.one_off.starts().empty()) once += node.one_off.RateAt(n);
    out_.cost[pk * 2 + slot] += f * node.tariff.RateAt(n) * (di + ds - pgb_days) + pgb + once * st;
    out_.cost_pgb[pk] += pgb;
    day_initial_[k] = day_started_[k] = day_starts_[k] = 0;
  }
}

void ClassRun::Run() {
  Start();
  for (int n = 0; n < days_; ++n) {
    if (n > 0) Kills(n);
    EndsFromEarlier(n);
    Arrivals(n);
    SameDay(n);
    EndOfDay(n);
    BookCost(n);
  }
}

}  // namespace sdsim::expect::detail
