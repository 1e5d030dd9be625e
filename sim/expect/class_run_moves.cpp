// ClassRun moves: entries into pipes, what the age limit and the verlengd age do to them, the ends
// of care and toegang, and the routing that follows.
#include <algorithm>
#include <cmath>

#include "expect/class_run.h"

namespace sdsim::expect::detail {

void ClassRun::EnterW(int k, int tag, double m, int n) {
  if (m <= 0) return;
  const LimitCurves& lc = Lim(k);
  if (lc.Fu[n] - lc.F[n] <= 1e-12) {
    AtUntil(k, tag, m, n);  // nobody in this class is between the limit and the verlengd age today
    return;
  }
  AddEntry(GetPipe(k, tag, n, true), n, m, kVerl);
}

void ClassRun::Enter(int k, int tag, double m, Phase ph, int od, int n, bool reentry,
                     bool shifted) {
  if (m <= 0) return;
  const NodeModel& node = m_.nodes[k];
  const int p = sh_.period_of_day[n];
  if (reentry) out_.reentries[PN(p, k)] += m;  // OnReentry counts where the client comes back
  if (!shifted && !sh_.shifts[k].empty()) {
    // Routing shift levers: a share of every entry goes to the lever's forms instead (the first
    // lever that draws it).
    double keep = 1;
    for (const Shared::Redirect& r : sh_.shifts[k]) {
      const double d = keep * r.share.RateAt(n);
      if (d <= 0) continue;
      out_.diverted[PN(p, k)] += m * d;
      for (const auto& [to, q] : r.to) Enter(to, tag, m * d * q, ph, od, n, false, true);
      keep -= d;
    }
    m *= keep;
    if (m <= 0) return;
  }
  out_.starts[PN(p, k)] += m;  // Start: every entry starts at once (no caps)
  if (!node.is_care()) {
    // The toegang: assessment starts (limit ages are checked when care starts).
    if (Active(k) && (od != node.domain || ph == kPlain)) {
      const double pre = m * Lim(k).F[n];
      if (pre > 0) AddEntry(GetPipe(k, tag, n), n, pre, kPre);
      if (m - pre > 0) AddEntry(GetPipe(k, tag, n), n, m - pre, kPast);
    } else {
      AddEntry(GetPipe(k, tag, n), n, m, ph);
    }
    return;
  }
  day_starts_[k] += m;
  if (!Active(k)) {
    AddEntry(GetPipe(k, tag, n), n, m, kPlain);
    return;
  }
  const LimitCurves& lc = Lim(k);
  if (od == node.domain && ph == kPre && lc.F[n] > 0) {
    EnterP(k, tag, m, n);
  } else if (od == node.domain && ph == kVerl) {
    EnterW(k, tag, m, n);
  } else if (od == node.domain && (ph == kPast || ph == kPre)) {
    PastLimit(k, tag, m, n, false);
  } else {
    // From another domain (LeaveDomain cleared verlengd) or of unknown age: uniform over the class.
    const double pre = m * lc.F[n], mid = m * std::max(0.0, lc.Fu[n] - lc.F[n]);
    if (pre > 0) EnterP(k, tag, pre, n);
    PastLimit(k, tag, mid, n, false);
    PastLimit(k, tag, m - pre - mid, n, true);
  }
}

void ClassRun::PastLimit(int k, int tag, double m, int n, bool beyond_until) {
  // ScheduleStretch: the limit birthday lies before now, so care ends at once (kByLimit) and the
  // at_limit choice is drawn; a verlengd client goes on until the verlengd age (or, past it too,
  // ends at once again).
  if (m <= 1e-300) return;
  const int d = m_.nodes[k].domain;
  ForEach(m_.domains[d].at_limit, [&](int32_t x, double s) {
    if (x == kChoiceVerlengd) {
      if (beyond_until)
        AtUntil(k, tag, m * s, n);
      else
        EnterW(k, tag, m * s, n);
      return;
    }
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::AtLimit(int k, int tag, double m, int n, bool) {
  const int d = m_.nodes[k].domain;
  ForEach(m_.domains[d].at_limit, [&](int32_t x, double s) {
    if (x == kChoiceVerlengd) return;  // carries on in its pipe (the P formula keeps it)
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::AtUntil(int k, int tag, double m, int n) {
  if (m <= 1e-300) return;
  const int d = m_.nodes[k].domain;
  const Choice& c = m_.domains[d].at_until;
  if (c.cum.empty() && c.rest == 0) {
    // No transfers given: the builder leaves rest = 0 (node 0); the intent is to leave.
    CountEnd(k, n, m, ExitType::kAgeOut);
    return;
  }
  ForEach(c, [&](int32_t x, double s) {
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::EndCare(int k, int tag, double m, Phase ph, int n) {
  if (m <= 1e-300) return;
  const NodeModel& node = m_.nodes[k];
  const DomainModel& dm = m_.domains[node.domain];
  ForEach(node.end, [&](int32_t x, double s) {
    const double y = m * s;
    if (x >= 0) {
      CountEnd(k, n, y, ExitType::kVervolghulp);
      Enter(x, tag, y, ph, node.domain, n, false);
      return;
    }
    const ExitType type = ExitOf(x);
    CountEnd(k, n, y, type);
    if (type == ExitType::kOvergedragen && dm.handover >= 0 && dm.handover != k) {
      Enter(dm.handover, tag, y, ph, node.domain, n, false);
      return;
    }
    // Re-entry after afgerond / voortijdig; a client past the age limit never comes back.
    if ((type == ExitType::kAfgerond || type == ExitType::kVoortijdig) &&
        node.reentry_probability > 0 && ph != kVerl) {
      const int di = GetDelay(k, tag);
      Delay& d = delays_[di];
      double p_back = node.reentry_probability;
      if (!sh_.reentry_factor[k].starts().empty())
        p_back = std::min(1.0, p_back * sh_.reentry_factor[k].RateAt(n));  // a reentry lever
      const double back = y * p_back;
      if (d.limit) {
        if (Lim(k).F[n] <= 0) return;
        d.S(n, 0) += back / Lim(k).F[n];
      } else {
        d.S(n, 0) += back;
      }
      d.first = std::min(d.first, n);
      d.last = n;
      d.pending += back;
      if (!d.queued) {
        d.queued = true;
        delay_queue_.push_back(di);
      }
    }
  });
}

void ClassRun::Route(const Choice& routing, int domain, int tag, double pre, double past,
                     Phase pre_phase, int n) {
  const int p = sh_.period_of_day[n];
  ForEach(routing, [&](int32_t x, double s) {
    if (x >= 0) {
      // Diversion levers: a share of these requests goes to the lever's form (the lokaal team;
      // without caps it always has a free place).
      double keep = 1;
      for (const Shared::Redirect& r : sh_.diversions[x]) {
        const double d = keep * r.share.RateAt(n);
        if (d <= 0) continue;
        out_.diverted[PN(p, x)] += (pre + past) * s * d;
        Enter(r.to[0].first, tag, pre * s * d, pre_phase, domain, n, false);
        Enter(r.to[0].first, tag, past * s * d, kPast, domain, n, false);
        keep -= d;
      }
      Enter(x, tag, pre * s * keep, pre_phase, domain, n, false);
      Enter(x, tag, past * s * keep, kPast, domain, n, false);
    } else if (x == kRouteNoHelp) {
      out_.no_help[static_cast<size_t>(p) * m_.domains.size() + domain] += (pre + past) * s;
    } else {
      out_.av[static_cast<size_t>(p) * m_.domains.size() + domain] += (pre + past) * s;
    }
  });
}

void ClassRun::EndToegang(int k, int tag, double pre, double past, int n) {
  if (pre + past <= 1e-300) return;
  CountEnd(k, n, pre + past, ExitType::kAfgerond);  // not a care form: only the total counts
  const int s = sh_.tags.source_of_tag[tag];
  if (s < 0) return;  // cannot happen: only toegang streams enter a toegang
  Route(m_.sources[s].routing, m_.nodes[k].domain, tag, pre, past, Active(k) ? kPre : kPlain, n);
}

}  // namespace sdsim::expect::detail
