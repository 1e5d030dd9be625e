// Little's law, the escalation hazard and the cost identity on the full Dronten baseline
// (scenarios/dronten/baseline.json: toegang slots, capped forms with waiting lists, escalation,
// age limits, verlengde jeugdhulp, PGB, lump sums, indexation), checked per form and stage.
//
// Little's law needs a window that every client waiting in it enters and leaves: here the whole
// horizon of a drained variant (requests stop on 1 January 2028, the horizon runs to 2030, so that
// every waiting list is empty at its end; re-entries and moves between forms go on). Then, per
// replication and waiting list:
//   - the waiting days counted from the events (mean_waiting x days) equal the waits of the
//     clients who started (mean_wait_days x inflow) plus those of the clients who overflowed to
//     non-contracted care (each after exactly the maximum wait) exactly, up to rounding (1e-9
//     relative): the two come from separate bookkeeping (joins and leaves per period against the
//     wait of each start), so this catches a client lost from, or counted twice on, a list;
//   - on the lists with escalation (jeugd begeleiding and the jeugd toegang) the escalated
//     clients' waits come on top, so the waiting days are at least the others' waits; and each
//     waiting client escalates at hazard h per day, so E[escalated] = h x E[waiting days] (the
//     compensator of the escalation count): within 4 standard errors of the paired difference.
// Per toegang: the mean number in assessment equals the assessment starts times the mean of the
// scenario's assessment_time distribution (L = lambda E[S]; the durations are independent of the
// starts): within 4 standard errors of the paired difference over replications.
//
// The cost identity, per care form and year, in every replication of the baseline as it is: the
// cost booked when care is scheduled (day by day over the stretch, split at period ends and payer
// switches) equals the daily tariff times the client-days counted from the events (PGB days at the
// PGB tariff), plus the trajectory and one-off prices times the starts, plus the fixed budget. It
// holds where the prices are constant within the year (Dronten indexes on 1 January): exact up to
// rounding (1e-9 relative).
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

std::string Drained() {
  std::string levers;
  for (const char* d : {"jeugd", "wmo", "bw"})
    levers += std::string(levers.empty() ? "" : ",") + "\"stop_" + d +
              R"(": {"type": "inflow", "domain": ")" + d +
              R"(", "change": -1, "from": "2028-01-01"})";
  return R"({"extends": ")" + SourcePath("scenarios/dronten/baseline.json") +
         R"(", "name": "drained", "end_date": "2030-12-31", "levers": {)" + levers + "}}";
}

bool Capped(const NodeModel& node) {
  for (const CapacityStep& s : node.capacity)
    if (s.places != kUnlimited) return true;
  return false;
}

// Sum over periods of metric x period length (client-days from a mean), or of metric x weight.
struct RepSums {
  double waiting_days = 0, waits = 0, in_care_days = 0, starts = 0, escalated = 0, overflowed = 0;
};

}  // namespace

TEST_CASE("Full Dronten model: Little's law per waiting list and toegang, escalation hazard",
          "[validation][dronten]") {
  const int reps = 200;
  auto run = RunModelText(Drained(), reps, 7);
  const Model& m = run->model;
  const auto& periods = m.calendar.periods();
  const int last = m.calendar.num_periods() - 1;
  const double root = std::sqrt(static_cast<double>(reps));
  int exact_lists = 0, escalating = 0, toegangs = 0;
  for (int g = 0; g < m.num_groups(); ++g) {
    const GroupModel& grp = m.groups[g];
    if (grp.kind != GroupKind::kForm && grp.kind != GroupKind::kToegang) continue;
    const NodeModel& node = m.nodes[grp.nodes[0]];
    const bool toegang = node.kind == NodeKind::kToegang;
    // An overflow form after a maximum wait (interim staff at the toegang) starts clients whose
    // wait was on another list (counted there, as overflowed x max_wait): its own list has no
    // waiting days. (Overflow at once, from a full lokaal team, carries no wait.)
    bool overflow_target = false;
    for (const NodeModel& other : m.nodes)
      overflow_target |= other.overflow_to == grp.nodes[0] && other.max_wait > 0;
    if (!toegang && !Capped(node)) continue;
    INFO(grp.domain << "/" << grp.form);
    std::vector<double> escalation_gap, service_gap;
    double waiting_days = 0;
    for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
      auto at = [&](int p, int metric) {
        return run->agg->Column(run->layout.Index(p, g, metric))[r];
      };
      REQUIRE(at(last, kWaitingEnd) == 0);  // drained: nobody is left waiting
      RepSums s;
      for (int p = 0; p <= last; ++p) {
        const double len = periods[p].end - periods[p].begin, n = at(p, kInflow);
        s.waiting_days += at(p, kMeanWaiting) * len;
        s.waits += n > 0 ? at(p, kMeanWaitDays) * n : 0.0;
        s.in_care_days += at(p, kMeanClients) * len;
        s.starts += n;
        s.escalated += at(p, kEscalated);
        if (node.overflow_to >= 0) s.overflowed += at(p, kOverflowed);
      }
      s.waits += s.overflowed * node.max_wait;
      waiting_days += s.waiting_days / reps;
      const double rounding = 1e-9 * std::max(1.0, s.waiting_days);
      if (overflow_target) {
        CHECK(s.waiting_days == 0);
      } else if (node.escalation_per_day > 0) {
        CHECK(s.waiting_days >= s.waits - rounding);
        escalation_gap.push_back(s.escalated - node.escalation_per_day * s.waiting_days);
      } else {
        INFO("replication " << r << ": waiting days " << s.waiting_days << ", waits " << s.waits);
        CHECK(std::fabs(s.waiting_days - s.waits) <= rounding);
      }
      if (toegang) service_gap.push_back(s.in_care_days - s.starts * node.duration.Mean());
    }
    if (waiting_days == 0) {
      // nobody ever waited here: the exact identity held trivially
    } else if (node.escalation_per_day > 0) {
      const Stats e = Summarise(escalation_gap);
      INFO("escalated - h x waiting days: " << e.mean << " (se " << e.sd / root
                                            << "); waiting days " << waiting_days);
      CHECK(WithinSe(e.mean, 0, e.sd / root));
      ++escalating;
    } else {
      ++exact_lists;
    }
    if (!toegang) continue;
    const Stats e = Summarise(service_gap);
    INFO("client-days in assessment - starts x E[S]: " << e.mean << " (se " << e.sd / root << ")");
    CHECK(WithinSe(e.mean, 0, e.sd / root));
    ++toegangs;
  }
  // The lists that matter were there and had clients: four capped jeugd forms, the two toegangs
  // and their interim staff.
  CHECK(exact_lists >= 4);
  CHECK(escalating == 2);
  CHECK(toegangs == 4);
}

TEST_CASE("Full Dronten model: cost equals tariff x client-days plus prices x starts",
          "[validation][dronten]") {
  const int reps = 20;
  auto run = RunModelText(
      R"({"extends": ")" + SourcePath("scenarios/dronten/baseline.json") + R"("})", reps, 11);
  const Model& m = run->model;
  int checked = 0;
  for (int g = 0; g < m.num_groups(); ++g) {
    const GroupModel& grp = m.groups[g];
    if (grp.kind != GroupKind::kForm) continue;
    const NodeModel& node = m.nodes[grp.nodes[0]];
    for (int p = 0; p < m.calendar.num_periods(); ++p) {
      const double a = m.calendar.periods()[p].begin, b = m.calendar.periods()[p].end;
      auto flat = [&](const RateCurve& c) {
        for (double s : c.starts())
          if (s > a && s < b) return false;
        return true;
      };
      if (!flat(node.tariff) || !flat(node.pgb_tariff) || !flat(node.per_start) ||
          !flat(node.one_off))
        continue;
      auto rate = [&](const RateCurve& c) { return c.starts().empty() ? 0.0 : c.RateAt(a); };
      const double tariff = rate(node.tariff), pgb_tariff = rate(node.pgb_tariff),
                   once = rate(node.per_start) + rate(node.one_off),
                   fixed = node.fixed.starts().empty() ? 0.0 : node.fixed.Integral(a, b);
      for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
        auto at = [&](int metric) { return run->agg->Column(run->layout.Index(p, g, metric))[r]; };
        const double days = at(kMeanClients) * (b - a), pgb = at(kCostPgb);
        const double pgb_days = pgb_tariff > 0 ? pgb / pgb_tariff : 0.0;
        const double expected = tariff * (days - pgb_days) + pgb + once * at(kInflow) + fixed;
        INFO(grp.domain << "/" << grp.form << " " << m.calendar.periods()[p].label
                        << " replication " << r << ": cost " << at(kCost) << ", from client-days "
                        << expected);
        CHECK(std::fabs(at(kCost) - expected) <= 1e-9 * std::max(1.0, expected));
      }
      ++checked;
    }
  }
  CHECK(checked >= 4 * 15);  // nearly every form in every year
}

}  // namespace sdsim::testing
