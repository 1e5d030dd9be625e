// Simulation: construction, the per-replication reset and the event loop that dispatches each
// event to its handler. The handlers live by concern in the files next to this one:
//   arrivals.cpp  new requests, routing at the toegang, re-entries
//   care.cpp      entering a node, waiting lists, start and end of care, escalation, capacity
//   stretch.cpp   when a stretch of care ends and its cost, booked to the periods
//   ages.cpp      birthdays, ages and the clients in care or waiting on the start date
//   levers.cpp    this replication's parameters under the scenario's levers
//   results.cpp   period-end snapshots and the metrics of a replication
#include "engine/simulation.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "engine/sim_internal.h"

namespace sdsim {

using namespace engine_internal;

Simulation::Simulation(const Model& model)
    : model_(model),
      num_nodes_(model.num_nodes()),
      num_bands_(static_cast<int>(model.bands.size())),
      horizon_(model.calendar.horizon()) {
  for (const Period& p : model.calendar.periods()) period_end_.push_back(p.end);
  queue_.Init(static_cast<size_t>(std::ceil(horizon_)));
  for (const BandModel& b : model.bands)
    band_birth_.push_back({Birthday(0, -(std::min(b.hi, 100) + 1)) + 1, Birthday(0, -b.lo)});
  const size_t n = static_cast<size_t>(num_nodes_);
  for (auto* v : {&busy_, &cap_, &next_step_, &waiting_n_, &stock0_, &waiting0_}) v->resize(n);
  waiting_.resize(n);
  node_duration_.resize(n);
  node_events_.resize(n);
  node_stock_.resize(n);
  source_arrival_.resize(model.sources.size());
  source_routing_.resize(model.sources.size());
  thin_stream_.resize(model.sources.size());
  extra_arrival_.resize(model.sources.size());
  extra_routing_.resize(model.sources.size());
  domain_stream_.resize(model.domains.size());
  for (const DomainModel& d : model.domains) max_limit_age_ = std::max(max_limit_age_, d.limit_age);
  // Fixed costs (lump sums, staff) do not depend on draws: book them once.
  const size_t periods = period_end_.size();
  fixed_cost_.assign(periods * n * 2, 0.0);
  for (int k = 0; k < num_nodes_; ++k) {
    const NodeModel& node = model.nodes[k];
    if (node.fixed.starts().empty()) continue;
    double from = 0;
    for (size_t p = 0; p < periods; ++p) {
      const double to = period_end_[p];
      const double sw = std::clamp(node.payer_switch_day, from, to);
      fixed_cost_[(p * n + k) * 2] += node.fixed.Integral(from, sw);
      fixed_cost_[(p * n + k) * 2 + 1] += node.fixed.Integral(sw, to);
      from = to;
    }
  }
  // Income lines likewise (times their drawn uncertainty, in Finalize).
  fixed_income_.assign(periods * n, 0.0);
  for (int k = 0; k < num_nodes_; ++k) {
    const NodeModel& node = model.nodes[k];
    if (!node.is_income) continue;
    for (size_t p = 0; p < periods; ++p)
      fixed_income_[p * n + k] = node.income.Integral(p ? period_end_[p - 1] : 0.0, period_end_[p]);
  }
  source_cost_.resize(model.sources.size());
}

ResultLayout Simulation::layout() const {
  return ResultLayout{model_.calendar.num_periods(), model_.num_groups(), kNumMetrics};
}

void Simulation::Reset(uint64_t seed, uint64_t rep) {
  now_ = 0;
  period_ = 0;
  snapshots_ = 0;
  events_ = 0;
  queue_.Clear();
  clients_.clear();
  free_clients_.clear();
  const size_t periods = period_end_.size(), n = static_cast<size_t>(num_nodes_),
               domains = model_.domains.size();
  params_.resize(n);
  for (int k = 0; k < num_nodes_; ++k) {
    const NodeModel& node = model_.nodes[k];
    params_[k] = NodeParams{&node.tariff,
                            &node.pgb_tariff,
                            &node.per_start,
                            nullptr,
                            nullptr,
                            nullptr,
                            &node.capacity,
                            {},
                            {},
                            -1};
  }
  for (int k = 0; k < num_nodes_; ++k) {
    const NodeModel& node = model_.nodes[k];
    busy_[k] = waiting_n_[k] = stock0_[k] = waiting0_[k] = 0;
    next_step_[k] = 1;
    waiting_[k].Clear();
    if (node.kind == NodeKind::kCostLine) continue;
    node_duration_[k].Seed(seed, rep, node.duration_key);
    node_events_[k].Seed(seed, rep, node.events_key);
    if (node.initial_clients > 0 || node.initial_waiting > 0)
      node_stock_[k].Seed(seed, rep, node.stock_key);
  }
  for (size_t d = 0; d < domains; ++d) domain_stream_[d].Seed(seed, rep, model_.domains[d].key);
  // Demand volatility: one factor per domain and calendar year (lognormal, mean 1).
  const std::vector<double> years = model_.calendar.YearStarts();
  std::vector<RateCurve> factor(domains);
  for (size_t d = 0; d < domains; ++d) {
    const double v = model_.domains[d].volatility;
    std::vector<double> starts(years.begin(), years.end() - 1), f(starts.size(), 1.0);
    if (v > 0) {
      const double s2 = std::log1p(v * v);
      for (double& x : f)
        x = std::exp(-s2 / 2 + std::sqrt(s2) * boost::random::normal_distribution<double>()(
                                                   domain_stream_[d].engine()));
    }
    factor[d] = RateCurve(std::move(starts), std::move(f), horizon_);
  }
  intensity_.resize(model_.sources.size());
  owned_curves_.clear();
  for (size_t s = 0; s < model_.sources.size(); ++s) {
    const SourceModel& src = model_.sources[s];
    source_arrival_[s].Seed(seed, rep, src.arrival_key);
    source_routing_[s].Seed(seed, rep, src.routing_key);
    intensity_[s] = model_.domains[src.domain].volatility > 0
                        ? Own(src.intensity.Times(factor[src.domain]))
                        : &src.intensity;
  }
  inflow_factor_.assign(model_.sources.size(), nullptr);
  ApplyLevers(seed, rep);
  SplitInflow(seed, rep);
  for (int k = 0; k < num_nodes_; ++k) cap_[k] = (*params_[k].capacity)[0].places;
  flows_.assign(periods * n, Flows{});
  cost_.assign(periods * n * 2, 0.0);
  cost_pgb_.assign(periods * n, 0.0);
  cost_stock_.assign(periods * n * 2, 0.0);
  new_unique_.assign(periods * kMaxMaskGroups, 0);
  first_starts_.assign(periods * n, 0);
  over5_.assign(periods * n, 0);
  band_in_care_.assign(periods * domains * num_bands_, 0);
  band_requests_.assign(periods * domains * num_bands_, 0);
  first_entries_.assign(periods * domains * max_limit_age_, 0);
  domain_flows_.assign(periods * domains, DomainFlows{});
  backlog_.assign((periods + 1) * n, 0.0);
}

void Simulation::Run(uint64_t seed, uint64_t rep, RepResult* out) {
  sink_next_ = 0;
  Reset(seed, rep);
  for (int k = 0; k < num_nodes_; ++k) PlaceInitialClients(k);
  // Slots 0..S-1: the sources; S..2S-1: their extra streams under an inflow increase.
  const size_t ns = model_.sources.size();
  next_arrival_.assign(2 * ns, INFINITY);
  for (size_t s = 0; s < ns; ++s) {
    next_arrival_[s] = intensity_[s]->Advance(0.0, Exp1(source_arrival_[s]));
    if (extra_[s]) next_arrival_[ns + s] = extra_[s]->Advance(0.0, Exp1(extra_arrival_[s]));
  }
  NextSource();
  for (int k = 0; k < num_nodes_; ++k) {
    const auto& steps = *params_[k].capacity;
    for (size_t i = 1; i < steps.size(); ++i)
      if (steps[i].day < horizon_)
        queue_.Push(steps[i].day, EventKind::kChange, static_cast<uint32_t>(k));
  }
  for (size_t r = 0; r < redirects_.size(); ++r)
    if (redirects_[r].lever->kind == LeverKind::kReassessment &&
        redirects_[r].lever->review_day < horizon_)
      queue_.Push(redirects_[r].lever->review_day, EventKind::kChange,
                  static_cast<uint32_t>(num_nodes_ + r));
  Backlog(0, &backlog_[0]);
  const int periods = static_cast<int>(period_end_.size());
  while (true) {
    // Arrivals are kept outside the heap (one pending time per source) but take their place in
    // the documented order: after end-of-care, change and escalation events at the same time.
    const double heap_time = queue_.empty() ? INFINITY : queue_.top().time;
    const bool arrival = next_arrival_time_ < heap_time ||
                         (next_arrival_time_ == heap_time && next_arrival_time_ < INFINITY &&
                          queue_.top().kind() > EventKind::kArrival);
    const double t = arrival ? next_arrival_time_ : heap_time;
    if (!(t < horizon_)) break;
    now_ = t;
    while (now_ >= period_end_[snapshots_]) Snapshot(snapshots_++);
    period_ = snapshots_;
    if ((++events_ & 4095) == 0 && cancel_ && cancel_->load(std::memory_order_relaxed)) break;
    if (arrival) {
      OnArrival(static_cast<uint32_t>(next_source_));
      continue;
    }
    const Event e = queue_.Pop();
    switch (e.kind()) {
      case EventKind::kEndCare:
        OnEndCare(e.id());
        break;
      case EventKind::kChange:
        OnChange(e.id());
        break;
      case EventKind::kEscalate:
        OnEscalate(e.id());
        break;
      case EventKind::kArrival:
        break;  // never queued
      case EventKind::kReentry:
        OnReentry(e.id());
        break;
      case EventKind::kRenewal:
        OnRenewal(e.id());
        break;
    }
  }
  while (snapshots_ < periods) Snapshot(snapshots_++);
  FoldFirstStarts();
  if (sink_) {
    // Episodes still running at the horizon (end = infinity).
    for (uint32_t c = 0; c < clients_.size(); ++c)
      if (clients_[c].state == kInCare && model_.nodes[clients_[c].node].is_care())
        sink_->Episode(EpisodeEvent{sink_serial_[c], clients_[c].node, clients_[c].birth,
                                    sink_start_[c], INFINITY, ExitType::kAfgerond});
  }
  Finalize(out);
}

uint32_t Simulation::NewClient() {
  if (free_clients_.empty()) {
    // Grow by a block of free slots, pushed so that they are handed out in increasing order
    // after any slot freed later: the same slots, in the same order, as growing by one when the
    // free list is empty, with a branch that is almost always taken the same way.
    constexpr uint32_t kBlock = 64;
    const uint32_t first = static_cast<uint32_t>(clients_.size());
    clients_.resize(first + kBlock);  // value-initialised: kFree, ticket 0
    for (uint32_t i = kBlock; i-- > 0;) free_clients_.push_back(first + i);
  }
  const uint32_t id = free_clients_.back();
  free_clients_.pop_back();
  if (sink_) {
    if (sink_serial_.size() < clients_.size()) {
      sink_serial_.resize(clients_.size());
      sink_start_.resize(clients_.size());
    }
    sink_serial_[id] = ++sink_next_;
  }
  Client& c = clients_[id];
  c.birth = c.domain_entry = kNaN;
  c.limit_age = -1;
  c.band_until = -INFINITY;
  c.pending_at = -1;
  c.stretch_end = -1;
  c.source = -1;
  c.flags = 0;
  c.state = kFree;
  c.seen_period = c.gk_seen_period = kNoPeriod;  // `seen` is read only in its own period
  return id;
}

}  // namespace sdsim
