// Simulation: the event loop and one handler per event kind.
#include "engine/simulation.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <limits>

#include "engine/booking.h"

namespace sdsim {
namespace {
constexpr uint32_t kNoPeriod = std::numeric_limits<uint32_t>::max();
}

Simulation::Simulation(const Model& model)
    : model_(model), num_forms_(model.num_forms()), horizon_(model.calendar.horizon()) {
  for (const Period& p : model.calendar.periods()) period_end_.push_back(p.end);
  busy_.resize(num_forms_);
  cap_.resize(num_forms_);
  next_step_.resize(num_forms_);
  waiting_.resize(num_forms_);
  source_arrival_.resize(model.sources.size());
  source_routing_.resize(model.sources.size());
  form_duration_.resize(num_forms_);
  form_transition_.resize(num_forms_);
}

ResultLayout Simulation::layout() const {
  return ResultLayout{model_.calendar.num_periods(), model_.num_groups(), kNumMetrics};
}

void Simulation::Reset(uint64_t seed, uint64_t rep) {
  now_ = 0;
  period_ = 0;
  events_ = 0;
  queue_.Clear();
  clients_.clear();
  free_clients_.clear();
  for (int f = 0; f < num_forms_; ++f) {
    const FormModel& form = model_.forms[f];
    busy_[f] = 0;
    cap_[f] = form.capacity[0].places;
    next_step_[f] = 1;
    waiting_[f].Clear();
    form_duration_[f].Seed(seed, rep, form.duration_key);
    form_transition_[f].Seed(seed, rep, form.transition_key);
  }
  for (size_t s = 0; s < model_.sources.size(); ++s) {
    source_arrival_[s].Seed(seed, rep, model_.sources[s].arrival_key);
    source_routing_[s].Seed(seed, rep, model_.sources[s].routing_key);
  }
  flows_.assign(static_cast<size_t>(model_.calendar.num_periods()) * num_forms_, Flows{});
  cost_.assign(flows_.size(), 0.0);
  new_unique_.assign(static_cast<size_t>(model_.calendar.num_periods()) * model_.num_groups(), 0);
}

void Simulation::Run(uint64_t seed, uint64_t rep, RepResult* out) {
  Reset(seed, rep);
  for (size_t s = 0; s < model_.sources.size(); ++s) {
    const double e = boost::random::exponential_distribution<double>()(source_arrival_[s].engine());
    const double t = model_.sources[s].intensity.Advance(0.0, e);
    if (t < horizon_) queue_.Push(t, EventKind::kArrival, static_cast<uint32_t>(s));
  }
  for (int f = 0; f < num_forms_; ++f) {
    const auto& steps = model_.forms[f].capacity;
    for (size_t k = 1; k < steps.size(); ++k)
      if (steps[k].day < horizon_) queue_.Push(steps[k].day, EventKind::kChange, static_cast<uint32_t>(f));
  }
  while (!queue_.empty() && queue_.top().time < horizon_) {
    const Event e = queue_.Pop();
    now_ = e.time;
    period_ = model_.calendar.PeriodOf(now_);
    ++events_;
    switch (e.kind()) {
      case EventKind::kEndCare: OnEndCare(e.id()); break;
      case EventKind::kChange: OnCapacityChange(e.id()); break;
      case EventKind::kArrival: OnArrival(e.id()); break;
    }
  }
  Finalize(out);
}

uint32_t Simulation::NewClient() {
  uint32_t id;
  if (!free_clients_.empty()) {
    id = free_clients_.back();
    free_clients_.pop_back();
  } else {
    id = static_cast<uint32_t>(clients_.size());
    clients_.emplace_back();
  }
  Client& c = clients_[id];
  c.seen_period = kNoPeriod;
  c.seen = GroupMask{};
  return id;
}

void Simulation::OnArrival(uint32_t s) {
  const SourceModel& src = model_.sources[s];
  const double u = source_routing_[s].Uniform();
  size_t i = 0;
  while (i + 1 < src.route_cum.size() && u >= src.route_cum[i]) ++i;
  Enter(NewClient(), src.route_form[i]);
  const double e = boost::random::exponential_distribution<double>()(source_arrival_[s].engine());
  const double next = src.intensity.Advance(now_, e);
  if (next < horizon_) queue_.Push(next, EventKind::kArrival, s);
}

void Simulation::Enter(uint32_t c, int f) {
  Client& client = clients_[c];
  client.form = f;
  client.joined = now_;
  if (waiting_[f].empty() && busy_[f] < cap_[f]) {
    Start(c, f);
  } else {
    waiting_[f].Push(c);
    ++flows(f).joins;
  }
}

void Simulation::Start(uint32_t c, int f) {
  const FormModel& form = model_.forms[f];
  Client& client = clients_[c];
  const double end = now_ + form.duration.Sample(form_duration_[f]);
  ++busy_[f];
  Flows& fl = flows(f);
  ++fl.starts;
  const double wait = now_ - client.joined;
  fl.wait_sum += wait;
  fl.waited += wait > 0;
  // Unique clients: count each group the client enters for the first time in this period.
  if (client.seen_period != static_cast<uint32_t>(period_)) {
    client.seen_period = period_;
    client.seen = GroupMask{};
  }
  uint32_t* unique = &new_unique_[static_cast<size_t>(period_) * model_.num_groups()];
  for (int w = 0; w < 2; ++w) {
    uint64_t fresh = form.groups[w] & ~client.seen[w];
    client.seen[w] |= form.groups[w];
    while (fresh) {
      ++unique[w * 64 + __builtin_ctzll(fresh)];
      fresh &= fresh - 1;
    }
  }
  BookCost(f, now_, std::min(end, horizon_));
  if (end < horizon_) queue_.Push(end, EventKind::kEndCare, c);
}

void Simulation::BookCost(int f, double from, double to) {
  BookToPeriods(model_.forms[f].tariff, period_end_, static_cast<size_t>(period_), from, to,
                &cost_[f], static_cast<size_t>(num_forms_));
}

void Simulation::OnEndCare(uint32_t c) {
  Client& client = clients_[c];
  const int f = client.form;
  const FormModel& form = model_.forms[f];
  --busy_[f];
  ++flows(f).ends;
  if (client.seen_period != static_cast<uint32_t>(period_)) {
    client.seen_period = period_;
    client.seen = GroupMask{};
  }
  client.seen[0] |= form.groups[0];
  client.seen[1] |= form.groups[1];
  if (!waiting_[f].empty() && busy_[f] < cap_[f]) {
    ++flows(f).leaves;
    Start(waiting_[f].Pop(), f);
  }
  if (!form.next_form.empty()) {
    const double u = form_transition_[f].Uniform();
    for (size_t i = 0; i < form.next_form.size(); ++i) {
      if (u < form.next_cum[i]) {
        Enter(c, form.next_form[i]);
        return;
      }
    }
  }
  free_clients_.push_back(c);
}

void Simulation::OnCapacityChange(uint32_t f) {
  cap_[f] = model_.forms[f].capacity[next_step_[f]++].places;
  while (!waiting_[f].empty() && busy_[f] < cap_[f]) {
    ++flows(f).leaves;
    Start(waiting_[f].Pop(), f);
  }
}

void Simulation::Finalize(RepResult* out) const {
  const ResultLayout L = layout();
  out->values.assign(L.size(), 0.0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int g = 0; g < L.groups; ++g) {
    const std::vector<int>& members = model_.groups[g].forms;
    double stock = 0, waiting = 0;  // nobody is in care or waiting at the start (yet)
    for (int p = 0; p < L.periods; ++p) {
      Flows sum;
      double cost = 0;
      for (int f : members) {
        const Flows& x = flows_[static_cast<size_t>(p) * num_forms_ + f];
        cost += cost_[static_cast<size_t>(p) * num_forms_ + f];
        sum.wait_sum += x.wait_sum;
        sum.starts += x.starts;
        sum.ends += x.ends;
        sum.joins += x.joins;
        sum.leaves += x.leaves;
        sum.waited += x.waited;
      }
      double* v = &out->values[L.Index(p, g, 0)];
      v[kClientsStart] = stock;
      v[kInflow] = sum.starts;
      v[kOutflow] = sum.ends;
      v[kUniqueClients] = stock + new_unique_[static_cast<size_t>(p) * L.groups + g];
      stock += static_cast<double>(sum.starts) - sum.ends;
      v[kClientsEnd] = stock;
      waiting += static_cast<double>(sum.joins) - sum.leaves;
      v[kWaitingEnd] = waiting;
      v[kMeanWaitDays] = sum.starts > 0 ? sum.wait_sum / sum.starts : nan;
      v[kWaitedShare] = sum.starts > 0 ? static_cast<double>(sum.waited) / sum.starts : nan;
      v[kCost] = cost;
    }
  }
}

}  // namespace sdsim
