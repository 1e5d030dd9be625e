// A stretch of care: when it ends (duration, Wlz exit, age limit) and its cost, booked day by day
// to the reporting periods and split at the payer switch.
#include <algorithm>
#include <cmath>

#include "engine/booking.h"
#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

void Simulation::ScheduleStretch(uint32_t c, int k, double remaining) {
  const NodeModel& node = model_.nodes[k];
  Client& client = clients_[c];
  client.care_end = now_ + remaining;
  double end = client.care_end;
  Reason reason = kByDuration;
  if (node.wlz_per_day > 0) {
    const double t = now_ + Exp1(node_events_[k]) / node.wlz_per_day;
    if (t < end) {
      end = t;
      reason = kByWlz;
    }
  }
  const DomainModel& dm = model_.domains[node.domain];
  if (dm.limit_age > 0 && node.is_care() && !std::isnan(client.birth)) {
    const bool verlengd = client.flags & kFlagVerlengd;
    // The birthday that ends this stretch, computed once per client and limit.
    const int age = verlengd ? dm.until_age : dm.limit_age;
    if (client.limit_age != age) {
      client.limit_age = static_cast<int16_t>(age);
      client.limit_day = Birthday(client.birth, age);
    }
    const double limit = client.limit_day;
    if (limit < end || (!verlengd && dm.until_age <= dm.limit_age && limit <= now_)) {
      end = std::max(limit, now_);
      reason = verlengd ? kByUntil : kByLimit;
    }
  }
  client.reason = reason;
  client.stretch_end = end;
  if (node.is_care()) BookCare(c, k, now_, std::min(end, horizon_), 1.0);
  if (end < horizon_) queue_.Push(end, EventKind::kEndCare, c);
}

void Simulation::BookCare(uint32_t c, int k, double from, double to, double sign) {
  // Cost of care over [from, to), day by day, split at the payer switch.
  if (!(to > from)) return;
  const NodeModel& node = model_.nodes[k];
  const Client& client = clients_[c];
  const bool pgb = client.flags & kFlagPgb;
  const RateCurve& tariff = pgb ? *params_[k].pgb_tariff : *params_[k].tariff;
  const size_t stride = static_cast<size_t>(num_nodes_) * 2;
  const size_t first = from == now_ ? static_cast<size_t>(period_) : model_.calendar.PeriodOf(from);
  const double sw = std::clamp(node.payer_switch_day, from, to);
  if (sw > from)
    BookToPeriods(tariff, period_end_, first, from, sw, &cost_[static_cast<size_t>(k) * 2], stride,
                  sign);
  if (to > sw)
    BookToPeriods(tariff, period_end_, model_.calendar.PeriodOf(sw), sw, to,
                  &cost_[static_cast<size_t>(k) * 2 + 1], stride, sign);
  if (pgb) BookToPeriods(tariff, period_end_, first, from, to, &cost_pgb_[k], num_nodes_, sign);
  if (client.flags & kFlagStock) {
    if (sw > from)
      BookToPeriods(tariff, period_end_, first, from, sw, &cost_stock_[static_cast<size_t>(k) * 2],
                    stride, sign);
    if (to > sw)
      BookToPeriods(tariff, period_end_, model_.calendar.PeriodOf(sw), sw, to,
                    &cost_stock_[static_cast<size_t>(k) * 2 + 1], stride, sign);
  }
  if (client.flags & kFlagGk) {
    // GK cost per domain: the same integral, booked into the domain's counters.
    const size_t domains = model_.domains.size();
    for (size_t p = first; p < period_end_.size(); ++p) {
      const double lo = p == first ? from : period_end_[p - 1];
      const double hi = std::min(to, period_end_[p]);
      if (hi > lo)
        domain_flows_[p * domains + node.domain].gk_cost += sign * tariff.Integral(lo, hi);
      if (to <= period_end_[p]) break;
    }
  }
}

}  // namespace sdsim
