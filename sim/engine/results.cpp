// Results of a replication: period-end snapshots (time in the domain, age bands, gedwongen
// kader stock, the expected cost owed to waiting clients) and the metrics per period and output
// group (Finalize).
#include <algorithm>
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

void Simulation::Snapshot(int p) {
  // State at the end of period p: before any event at or after period_end_[p].
  const double t = period_end_[p];
  const size_t domains = model_.domains.size();
  uint32_t* over5 = &over5_[static_cast<size_t>(p) * num_nodes_];
  for (Client& c : clients_) {
    // Which slots hold a client in care is unpredictable: counted without a branch, and only
    // clients with more to count (gedwongen kader, ages) take one. A free slot's node is stale
    // but a valid index (0 for a slot never used).
    const NodeModel& node = model_.nodes[c.node];
    const bool in = (c.state == kInCare) & node.is_care();
    over5[c.node] += in & (t - c.domain_entry > kFiveYears);  // false for NaN (not in care)
    if (!(in & (((c.flags & kFlagGk) != 0) | !std::isnan(c.birth)))) continue;
    if ((c.flags & kFlagGk) && static_cast<size_t>(p) + 1 < period_end_.size())
      ++domain_flows_[(static_cast<size_t>(p) + 1) * domains + node.domain].gk_stock;
    if (std::isnan(c.birth)) continue;
    // The client's age band, cached until the birthday that moves them into the next one.
    if (t >= c.band_until) {
      const int age = AgeAt(c.birth, t);
      c.band = -1;
      c.band_until = INFINITY;
      for (int b = 0; b < num_bands_; ++b)
        if (age >= model_.bands[b].lo && age <= model_.bands[b].hi) {
          c.band = static_cast<int8_t>(b);
          if (model_.bands[b].hi < 200) c.band_until = Birthday(c.birth, model_.bands[b].hi + 1);
          break;
        }
    }
    if (c.band >= 0)
      ++band_in_care_[(static_cast<size_t>(p) * domains + node.domain) * num_bands_ + c.band];
  }
  Backlog(t, &backlog_[(static_cast<size_t>(p) + 1) * num_nodes_]);
}

double Simulation::EpisodeCost(int k, double day) const {
  const NodeModel& node = model_.nodes[k];
  const NodeParams& pr = params_[k];
  double daily = pr.tariff->RateAt(day);
  if (node.pgb_share > 0)
    daily = (1 - node.pgb_share) * daily + node.pgb_share * pr.pgb_tariff->RateAt(day);
  const double f = pr.duration_factor ? pr.duration_factor->RateAt(day) : 1.0;
  const double once = (pr.per_start->starts().empty() ? 0.0 : pr.per_start->RateAt(day)) +
                      (node.one_off.starts().empty() ? 0.0 : node.one_off.RateAt(day));
  return daily * node.mean_time_in_care * f + once;
}

void Simulation::Backlog(double t, double* out) {
  // The expected cost still owed to the clients waiting at time t, at the prices of the day
  // before t (the last day of the period that ends at t).
  const double day = std::max(0.0, t - 0.5);
  bool at_toegang = false;
  for (int k = 0; k < num_nodes_; ++k) {
    out[k] = 0;
    const NodeModel& node = model_.nodes[k];
    if (node.kind == NodeKind::kToegang) at_toegang |= busy_[k] + waiting_n_[k] > 0;
    if (node.is_care() && waiting_n_[k] > 0) out[k] = waiting_n_[k] * EpisodeCost(k, day);
  }
  if (!at_toegang) return;
  // Requests waiting for or in an assessment: the expected cost of the care their request's
  // routing leads to (no help, a general provision and beschikkingsvrij help add nothing here).
  for (size_t s = 0; s < model_.sources.size(); ++s) {
    const Choice& routing = model_.sources[s].routing;
    double sum = 0, prev = 0;
    for (size_t i = 0; i < routing.cum.size(); ++i) {
      if (routing.target[i] >= 0)
        sum += (routing.cum[i] - prev) * EpisodeCost(routing.target[i], day);
      prev = routing.cum[i];
    }
    if (routing.rest >= 0) sum += (1 - prev) * EpisodeCost(routing.rest, day);
    source_cost_[s] = sum;
  }
  for (const Client& c : clients_)
    if ((c.state == kWaiting || c.state == kInCare) && c.source >= 0 &&
        model_.nodes[c.node].kind == NodeKind::kToegang)
      out[c.node] += source_cost_[c.source];
}

void Simulation::Finalize(RepResult* out) const {
  const ResultLayout L = layout();
  out->values.assign(L.size(), kNaN);
  const size_t n = static_cast<size_t>(num_nodes_), domains = model_.domains.size();
  const int own_payer = model_.OwnPayer();
  for (int g = 0; g < L.groups; ++g) {
    const GroupModel& grp = model_.groups[g];
    auto set = [&](int p, int m, double v) {
      if (MetricApplies(grp.kind, m)) out->values[L.Index(p, g, m)] = v;
    };
    if (grp.kind == GroupKind::kBand) {
      for (int p = 0; p < L.periods; ++p) {
        const size_t i =
            (static_cast<size_t>(p) * domains + grp.domain_index) * num_bands_ + grp.band_index;
        const double pop = model_.Population(grp.band_index, model_.calendar.periods()[p].year);
        set(p, kClientsEnd, band_in_care_[i]);
        set(p, kRequests, band_requests_[i]);
        set(p, kClientsPer1000, pop > 0 ? band_in_care_[i] / (pop / 1000) : kNaN);
      }
      continue;
    }
    double stock = 0, waiting = 0, cohort = 0;  // cohort: clients of the stock cohort in care
    for (int k : grp.nodes) {
      if (!model_.nodes[k].is_care() && grp.kind != GroupKind::kToegang) continue;
      stock += stock0_[k];
      waiting += waiting0_[k];
    }
    cohort = stock;
    for (int p = 0; p < L.periods; ++p) {
      const int year = model_.calendar.periods()[p].year;
      Flows sum;
      double cost = 0, cost_pgb = 0, over5 = 0, besch_starts = 0;
      double own_cost = 0, income = 0, backlog = 0, backlog_before = 0, cost_stock = 0;
      for (int k : grp.nodes) {
        const NodeModel& node = model_.nodes[k];
        const size_t pk = static_cast<size_t>(p) * n + k;
        double c = 0;
        for (int slot = 0; slot < 2; ++slot) {
          const int payer = slot == 0 ? node.payer : node.payer_after;
          if (payer == own_payer) own_cost += cost_[pk * 2 + slot] + fixed_cost_[pk * 2 + slot];
          if (grp.kind == GroupKind::kPayer && payer != grp.payer_index) continue;
          c += cost_[pk * 2 + slot] + fixed_cost_[pk * 2 + slot];
          cost_stock += cost_stock_[pk * 2 + slot];
        }
        cost += c;
        cost_pgb += cost_pgb_[pk];
        if (node.is_income)
          income += fixed_income_[pk] *
                    (node.income_effect >= 0 ? 1 + effect_values_[node.income_effect] : 1.0);
        backlog += backlog_[pk + n];
        backlog_before += backlog_[pk];
        if (!node.is_care() && grp.kind != GroupKind::kToegang) continue;
        const Flows& x = flows_[pk];
        sum.wait_sum += x.wait_sum;
        sum.care_days += x.care_days;
        sum.wait_days += x.wait_days;
        sum.starts += x.starts;
        sum.ends += x.ends;
        sum.joins += x.joins;
        sum.leaves += x.leaves;
        sum.waited += x.waited;
        sum.escalated += x.escalated;
        sum.reentries += x.reentries;
        sum.diverted += x.diverted;
        sum.overflowed += x.overflowed;
        sum.reassessed += x.reassessed;
        sum.starts_stock += x.starts_stock;
        sum.ends_stock += x.ends_stock;
        sum.care_days_stock += x.care_days_stock;
        for (int t = 0; t < static_cast<int>(ExitType::kCount); ++t) sum.by_type[t] += x.by_type[t];
        over5 += over5_[pk];
        if (node.beschikking && node.is_care()) besch_starts += x.starts;
      }
      const double unique =
          grp.mask_bit >= 0
              ? stock + new_unique_[static_cast<size_t>(p) * kMaxMaskGroups + grp.mask_bit]
              : kNaN;
      const double days = period_end_[p] - (p ? period_end_[p - 1] : 0.0);
      set(p, kClientsStart, stock);
      set(p, kMeanClients, (stock * days + sum.care_days) / days);
      set(p, kMeanWaiting, (waiting * days + sum.wait_days) / days);
      set(p, kInflow, sum.starts);
      set(p, kOutflow, sum.ends);
      for (int t = 0; t < static_cast<int>(ExitType::kCount); ++t)
        set(p, kOutAfgerond + t, sum.by_type[t]);
      set(p, kUniqueClients, unique);
      stock += static_cast<double>(sum.starts) - sum.ends;
      set(p, kClientsEnd, stock);
      waiting += static_cast<double>(sum.joins) - sum.leaves;
      set(p, kWaitingEnd, waiting);
      set(p, kMeanWaitDays, sum.starts > 0 ? sum.wait_sum / sum.starts : kNaN);
      set(p, kWaitedShare, sum.starts > 0 ? static_cast<double>(sum.waited) / sum.starts : kNaN);
      set(p, kEscalated, sum.escalated);
      set(p, kReentries, sum.reentries);
      set(p, kDiverted, sum.diverted);
      // The boeggolf: the stock cohort and the rest (`stock` is now the period's end).
      const double stock_end = stock;
      const double stock_start = stock_end - (static_cast<double>(sum.starts) - sum.ends);
      const double mean_clients = (stock_start * days + sum.care_days) / days;
      const double cohort_end = cohort + static_cast<double>(sum.starts_stock) - sum.ends_stock;
      const double cohort_mean = (cohort * days + sum.care_days_stock) / days;
      set(p, kClientsStartStock, cohort);
      set(p, kClientsEndStock, cohort_end);
      set(p, kMeanClientsStock, cohort_mean);
      set(p, kCostStock, cost_stock);
      set(p, kClientsStartNew, stock_start - cohort);
      set(p, kClientsEndNew, stock_end - cohort_end);
      set(p, kMeanClientsNew, mean_clients - cohort_mean);
      set(p, kCostNew, cost - cost_stock);
      cohort = cohort_end;
      set(p, kOverflowed, sum.overflowed);
      set(p, kReassessed, sum.reassessed);
      set(p, kCost, cost);
      set(p, kBacklogCost, backlog);
      set(p, kCostWithBacklog, cost + backlog - backlog_before);
      set(p, kIncome, income);
      set(p, kSaldo, income - own_cost);
      set(p, kCostPgb, cost_pgb);
      set(p, kCostPerClient, unique > 0 ? cost / unique : kNaN);
      double pop = 0;
      if (grp.band_index >= 0) {
        pop = model_.Population(grp.band_index, year);
      } else {
        for (int b = 0; b < num_bands_; ++b) pop += model_.Population(b, year);
      }
      set(p, kClientsPer1000, pop > 0 ? unique / (pop / 1000) : kNaN);
      set(p, kShareOver5y, stock > 0 ? over5 / stock : kNaN);
      if (grp.kind != GroupKind::kDomain) continue;
      const int d = grp.domain_index;
      const DomainFlows& df = domain_flows_[static_cast<size_t>(p) * domains + d];
      set(p, kRequests, df.requests);
      set(p, kNoHelp, df.no_help);
      set(p, kAlgemeneVoorziening, df.av);
      const double gk_unique = static_cast<double>(df.gk_stock) + df.gk_new;
      set(p, kGkClientShare, unique > 0 ? gk_unique / unique : kNaN);
      set(p, kGkInflowShare, besch_starts > 0 ? df.gk_starts / besch_starts : kNaN);
      double gk_cost = df.gk_cost;
      for (int k : grp.nodes)
        if (model_.nodes[k].kind == NodeKind::kCostLine && model_.nodes[k].gedwongen_kader)
          gk_cost += fixed_cost_[(static_cast<size_t>(p) * n + k) * 2] +
                     fixed_cost_[(static_cast<size_t>(p) * n + k) * 2 + 1];
      set(p, kGkCostShare, cost > 0 ? gk_cost / cost : kNaN);
      const DomainModel& dm = model_.domains[d];
      if (dm.limit_age > 0) {
        const double years = days / kDaysPerYear;
        double never = 1;
        for (int a = 0; a < dm.limit_age; ++a) {
          const double pop_a = model_.PopulationAtAge(a, year);
          const double entries =
              first_entries_[(static_cast<size_t>(p) * domains + d) * max_limit_age_ + a];
          const double h = pop_a > 0 ? entries / (pop_a * years) : 0.0;
          never *= 1 - std::min(h, 1.0);
        }
        set(p, kLifetimeRisk18, 1 - never);
      }
    }
  }
}

}  // namespace sdsim
