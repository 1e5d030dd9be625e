// Simulation: the event loop and one handler per event kind.
#include "engine/simulation.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <limits>

#include "engine/booking.h"

namespace sdsim {
namespace {

constexpr uint32_t kNoPeriod = std::numeric_limits<uint32_t>::max();
constexpr double kFiveYears = 5 * kDaysPerYear;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class S>
double Exp1(S& s) {
  return boost::random::exponential_distribution<double>()(s.engine());
}

uint64_t Pack(uint32_t client, uint32_t ticket) { return (uint64_t{client} << 32) | ticket; }

}  // namespace

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
                            {}};
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
  new_unique_.assign(periods * kMaxMaskGroups, 0);
  over5_.assign(periods * n, 0);
  band_in_care_.assign(periods * domains * num_bands_, 0);
  band_requests_.assign(periods * domains * num_bands_, 0);
  first_entries_.assign(periods * domains * max_limit_age_, 0);
  domain_flows_.assign(periods * domains, DomainFlows{});
}

const RateCurve* Simulation::Own(RateCurve curve) {
  owned_curves_.push_back(std::move(curve));
  return &owned_curves_.back();
}

void Simulation::ApplyLevers(uint64_t seed, uint64_t rep) {
  owned_capacity_.clear();
  redirects_.clear();
  if (model_.levers.empty()) return;
  // Effect sizes: one standard normal per effect from its own stream, correlated through the
  // Cholesky factor (a Gaussian copula), then each through its own distribution.
  const size_t ne = model_.effects.size();
  std::vector<double> z(ne), corr(ne);
  for (size_t e = 0; e < ne; ++e) {
    Stream s;
    s.Seed(seed, rep, model_.effects[e].key);
    z[e] = boost::random::normal_distribution<double>()(s.engine());
  }
  for (size_t a = 0; a < ne; ++a) {
    if (model_.effect_cholesky.empty()) {
      corr[a] = z[a];
      continue;
    }
    corr[a] = 0;
    for (size_t b = 0; b <= a; ++b) corr[a] += model_.effect_cholesky[a * ne + b] * z[b];
  }
  effect_values_.resize(ne);
  for (size_t e = 0; e < ne; ++e)
    effect_values_[e] = model_.effects[e].size.Quantile(NormalCdf(corr[e]));
  lever_streams_.resize(model_.levers.size());
  const RateCurve one = RateCurve::Constant(1, horizon_);
  for (size_t l = 0; l < model_.levers.size(); ++l) {
    const LeverModel& lever = model_.levers[l];
    const double size = effect_values_[lever.effect];
    // The multiplier 1 + size x ramp(t) (or, for shares, size x ramp(t)).
    const RateCurve factor = lever.ramp.Scaled(size).Plus(one);
    auto times = [&](const RateCurve* base) { return Own(base ? base->Times(factor) : factor); };
    switch (lever.kind) {
      case LeverKind::kInflow:
        for (int s : lever.sources)
          inflow_factor_[s] = Own(inflow_factor_[s] ? inflow_factor_[s]->Times(factor) : factor);
        break;
      case LeverKind::kDuration:
        for (int k : lever.nodes) params_[k].duration_factor = times(params_[k].duration_factor);
        break;
      case LeverKind::kReentry:
        for (int k : lever.nodes) params_[k].reentry_factor = times(params_[k].reentry_factor);
        break;
      case LeverKind::kEscalation:
        for (int k : lever.nodes)
          params_[k].escalation_factor = times(params_[k].escalation_factor);
        break;
      case LeverKind::kTariff:
        for (int k : lever.nodes) {
          params_[k].tariff = Own(params_[k].tariff->Times(factor));
          params_[k].pgb_tariff = Own(params_[k].pgb_tariff->Times(factor));
          if (!params_[k].per_start->starts().empty())
            params_[k].per_start = Own(params_[k].per_start->Times(factor));
        }
        break;
      case LeverKind::kCapacity:
        for (int k : lever.nodes) {
          // Places at every change of either the schedule or the factor, rounded down.
          const auto& base = *params_[k].capacity;
          std::vector<double> days;
          for (const CapacityStep& st : base) days.push_back(st.day);
          for (double d : factor.starts()) days.push_back(d);
          std::sort(days.begin(), days.end());
          days.erase(std::unique(days.begin(), days.end()), days.end());
          std::vector<CapacityStep> steps;
          for (double d : days) {
            int places = base[0].places;
            for (const CapacityStep& st : base)
              if (st.day <= d) places = st.places;
            if (places != kUnlimited)
              places = static_cast<int>(std::floor(places * factor.RateAt(d) + 1e-9));
            if (steps.empty() || steps.back().places != places) steps.push_back({d, places});
          }
          owned_capacity_.push_back(std::move(steps));
          params_[k].capacity = &owned_capacity_.back();
        }
        break;
      case LeverKind::kDiversion:
      case LeverKind::kRoutingShift: {
        lever_streams_[l].Seed(seed, rep, lever.key);
        const int index = static_cast<int>(redirects_.size());
        redirects_.push_back(Redirect{&lever, lever.ramp.Scaled(size), static_cast<int>(l)});
        for (int k : lever.nodes)
          (lever.kind == LeverKind::kDiversion ? params_[k].diversions : params_[k].shifts)
              .push_back(index);
        break;
      }
    }
  }
}

void Simulation::SplitInflow(uint64_t seed, uint64_t rep) {
  // An inflow lever keeps the baseline's arrivals where it can (common random numbers): a lower
  // demand drops each baseline arrival with probability 1 - f(t) (thinning), a higher demand adds
  // a second stream at (f(t) - 1) x the base rate (superposition). Both are exactly Poisson with
  // rate f(t) x base.
  const size_t ns = model_.sources.size();
  thin_.assign(ns, nullptr);
  extra_.assign(ns, nullptr);
  for (size_t s = 0; s < ns; ++s) {
    if (!inflow_factor_[s]) continue;
    const RateCurve& f = *inflow_factor_[s];
    thin_[s] = Own(f.Map([](double x) { return std::min(x, 1.0); }));
    thin_stream_[s].Seed(seed, rep, PurposeKey("thin/" + model_.sources[s].id));
    const RateCurve more = f.Map([](double x) { return std::max(x - 1.0, 0.0); });
    if (more.Integral(horizon_) > 0) {
      extra_[s] = Own(intensity_[s]->Times(more));
      extra_arrival_[s].Seed(seed, rep, PurposeKey("extra-arrivals/" + model_.sources[s].id));
      extra_routing_[s].Seed(seed, rep, PurposeKey("extra-routing/" + model_.sources[s].id));
    }
  }
}

void Simulation::Run(uint64_t seed, uint64_t rep, RepResult* out) {
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
        OnCapacityChange(e.id());
        break;
      case EventKind::kEscalate:
        OnEscalate(e.id());
        break;
      case EventKind::kArrival:
        break;  // never queued
      case EventKind::kReentry:
        OnReentry(e.id());
        break;
    }
  }
  while (snapshots_ < periods) Snapshot(snapshots_++);
  Finalize(out);
}

void Simulation::NextSource() {
  // The earliest pending arrival; equal times go to the lower source index.
  // Locals and selects rather than a branch per slot: which slot is earliest is unpredictable.
  int best = -1;
  double best_time = INFINITY;
  for (size_t s = 0; s < next_arrival_.size(); ++s) {
    const double t = next_arrival_[s];
    const bool earlier = t < best_time;
    best = earlier ? static_cast<int>(s) : best;
    best_time = earlier ? t : best_time;
  }
  next_source_ = best;
  next_arrival_time_ = best_time;
}

uint32_t Simulation::NewClient() {
  uint32_t id;
  if (!free_clients_.empty()) {
    id = free_clients_.back();
    free_clients_.pop_back();
  } else {
    id = static_cast<uint32_t>(clients_.size());
    clients_.emplace_back();
    clients_.back().ticket = 0;
  }
  Client& c = clients_[id];
  c.birth = c.domain_entry = kNaN;
  c.limit_age = -1;
  c.band_until = -INFINITY;
  c.escalate_at = -1;
  c.source = -1;
  c.flags = 0;
  c.state = kFree;
  c.seen_period = c.gk_seen_period = kNoPeriod;
  c.seen = GroupMask{};
  return id;
}

int Simulation::AgeAt(double birth, double t) const { return model_.calendar.AgeAt(birth, t); }

double Simulation::DrawBirth(double t, double age_lo, double age_hi, double u) const {
  // A birth day such that the age at t (in calendar years) is in [age_lo, age_hi), uniform over
  // the days of that span.
  const double youngest = Birthday(t, -static_cast<int>(age_lo));
  const double oldest = Birthday(t, -static_cast<int>(age_hi)) + 1;
  return std::floor(oldest + u * (youngest + 1 - oldest));
}

double Simulation::Birthday(double birth, int age) const {
  return model_.calendar.Birthday(birth, age);
}

void Simulation::PlaceInitialClients(int k) {
  const NodeModel& node = model_.nodes[k];
  if (node.initial_clients == 0 && node.initial_waiting == 0) return;
  Stream& s = node_stock_[k];
  const DomainModel& dm = model_.domains[node.domain];
  for (int i = 0; i < node.initial_clients; ++i) {
    const uint32_t c = NewClient();
    Client& client = clients_[c];
    client.node = k;
    client.joined = 0;
    if (!node.initial_age_cum.empty()) {
      const double u = s.Uniform();
      size_t b = 0;
      while (b + 1 < node.initial_age_cum.size() && u >= node.initial_age_cum[b]) ++b;
      // Birth days of the band's ages on the start date: [oldest, youngest], computed once.
      client.birth = std::floor(band_birth_[b].first +
                                s.Uniform() * (band_birth_[b].second + 1 - band_birth_[b].first));
      if (dm.limit_age > 0 && AgeAt(client.birth, 0) >= dm.limit_age) client.flags |= kFlagVerlengd;
    }
    // Time already in care: from the equilibrium of the duration (a steady flow), or as given.
    // The remaining duration follows from the time already spent, never from a fresh draw.
    double elapsed, remaining;
    if (node.initial_elapsed_steady && node.duration.HasLengthBiased() && node.stock_by_rejection) {
      // Closed form: the whole episode is length-biased, and where the start date falls in it
      // is uniform; both parts then have the equilibrium density S(x) / E[D]. With a Wlz hazard
      // h the time already in care has density S(x) e^{-hx} / E[T] instead: keep a draw with
      // probability e^{-h x} (the Wlz exit ahead is memoryless and drawn when care is scheduled).
      double whole;
      do {
        whole = node.duration.SampleLengthBiased(node_duration_[k]);
        elapsed = s.Uniform() * whole;
      } while (node.wlz_per_day > 0 && s.Uniform() >= std::exp(-node.wlz_per_day * elapsed));
      remaining = whole - elapsed;
    } else {
      if (node.initial_elapsed_steady) {
        const auto& q = node.equilibrium_quantiles;
        const double x = s.Uniform() * static_cast<double>(q.size() - 1);
        const size_t j = static_cast<size_t>(x);
        elapsed = j + 1 < q.size() ? q[j] + (x - j) * (q[j + 1] - q[j]) : q.back();
      } else {
        elapsed = node.initial_elapsed.Sample(s);
      }
      remaining = node.duration.SampleRemaining(node_duration_[k], elapsed);
    }
    client.domain_entry = -elapsed;
    client.state = kInCare;
    client.flags |= kFlagEverCare;
    if (node.gedwongen_kader ||
        (node.initial_gk_share > 0 && s.Uniform() < node.initial_gk_share)) {
      client.flags |= kFlagGk;
      ++domain_flows_[node.domain].gk_stock;  // period 0
    }
    ++busy_[k];
    ++stock0_[k];
    ScheduleStretch(c, k, remaining);
  }
  // Clients already on the waiting list on the start date (not joins of the first period); any
  // free places are taken from the list at once.
  for (int i = 0; i < node.initial_waiting; ++i) {
    const uint32_t c = NewClient();
    Client& client = clients_[c];
    client.node = k;
    client.joined = 0;
    client.state = kWaiting;
    waiting_[k].Push(Pack(c, ++client.ticket));
    ++waiting_n_[k];
    ++waiting0_[k];
    // The escalation hazard runs from the start date (a constant hazard has no memory of the wait
    // before it).
    ScheduleEscalation(c, k);
  }
  StartWaiting(k);
}

void Simulation::OnArrival(uint32_t slot) {
  const size_t ns = model_.sources.size();
  const bool extra = slot >= ns;
  const uint32_t s = extra ? static_cast<uint32_t>(slot - ns) : slot;
  const SourceModel& src = model_.sources[s];
  Stream& rs = extra ? extra_routing_[s] : source_routing_[s];
  if (extra) {
    next_arrival_[slot] = extra_[s]->Advance(now_, Exp1(extra_arrival_[s]));
  } else {
    next_arrival_[s] = intensity_[s]->Advance(now_, Exp1(source_arrival_[s]));
    if (thin_[s] && thin_stream_[s].Uniform() >= thin_[s]->RateAt(now_)) {
      // Dropped by a lower demand: take the same draws the request would have taken, so that
      // later requests draw what they draw without the lever.
      if (src.age_hi > 0) rs.Uniform();
      if (src.toegang < 0) src.routing.Draw(rs);
      NextSource();
      return;
    }
  }
  NextSource();
  const uint32_t c = NewClient();
  Client& client = clients_[c];
  client.source = static_cast<int16_t>(s);
  if (src.gedwongen_kader) client.flags |= kFlagGk;
  ++domain_flows(src.domain).requests;
  if (src.age_hi > 0) {
    // A birth day with the age at arrival in [age_lo, age_hi): uniform over the span in days,
    // corrected by a day where the mean year length puts it one year off.
    const double day = std::floor(now_);
    double birth =
        day - std::floor((src.age_lo + rs.Uniform() * (src.age_hi - src.age_lo)) * kDaysPerYear);
    int whole = AgeAt(birth, now_);
    if (whole >= src.age_hi) {
      birth = Birthday(day, -static_cast<int>(src.age_hi)) + 1;
      whole = AgeAt(birth, now_);
    } else if (whole < src.age_lo) {
      birth = Birthday(day, -static_cast<int>(src.age_lo));
      whole = AgeAt(birth, now_);
    }
    client.birth = birth;
    // Counted without a branch per band (which band matches is unpredictable).
    uint32_t* requests =
        &band_requests_[(static_cast<size_t>(period_) * model_.domains.size() + src.domain) *
                        num_bands_];
    for (int b = 0; b < num_bands_; ++b)
      requests[b] += (whole >= model_.bands[b].lo) & (whole <= model_.bands[b].hi);
  }
  if (src.toegang >= 0)
    Enter(c, src.toegang);
  else
    Route(c, src.routing.Draw(rs), src.domain);
}

void Simulation::Route(uint32_t c, int32_t t, int domain) {
  if (t >= 0) {
    // Diversion (stevige lokale teams): a share of these requests is helped by the team instead,
    // as long as it has a free place.
    for (int i : params_[t].diversions) {
      const Redirect& rd = redirects_[i];
      const int to = rd.lever->to.target[0];
      if (lever_streams_[rd.stream].Uniform() < rd.share.RateAt(now_) && waiting_n_[to] == 0 &&
          busy_[to] < cap_[to]) {
        ++flows(t).diverted;
        t = to;
        break;
      }
    }
    Enter(c, t);
    return;
  }
  if (t == kRouteNoHelp)
    ++domain_flows(domain).no_help;
  else
    ++domain_flows(domain).av;
  clients_[c].state = kFree;
  free_clients_.push_back(c);
}

void Simulation::Enter(uint32_t c, int k) {
  for (int i : params_[k].shifts) {
    const Redirect& rd = redirects_[i];
    Stream& ls = lever_streams_[rd.stream];
    if (ls.Uniform() < rd.share.RateAt(now_)) {
      ++flows(k).diverted;
      k = rd.lever->to.Draw(ls);
      break;
    }
  }
  Client& client = clients_[c];
  client.node = k;
  client.joined = now_;
  if (waiting_n_[k] == 0 && busy_[k] < cap_[k]) {
    Start(c, k);
    return;
  }
  client.state = kWaiting;
  client.escalate_at = -1;  // an escalation scheduled for an earlier wait must not fire here
  ++client.ticket;
  waiting_[k].Push(Pack(c, client.ticket));
  ++waiting_n_[k];
  ++flows(k).joins;
  flows(k).wait_days += DaysLeft();
  ScheduleEscalation(c, k);
}

void Simulation::ScheduleEscalation(uint32_t c, int k) {
  const NodeModel& node = model_.nodes[k];
  if (node.escalation_per_day <= 0) return;
  const double f = params_[k].escalation_factor ? params_[k].escalation_factor->RateAt(now_) : 1.0;
  const double t = f > 0 ? now_ + Exp1(node_events_[k]) / (node.escalation_per_day * f) : INFINITY;
  clients_[c].escalate_at = t;
  if (t < horizon_) queue_.Push(t, EventKind::kEscalate, c);
}

void Simulation::MarkSeen(Client& client, const NodeModel& node) {
  if (client.seen_period != static_cast<uint32_t>(period_)) {
    client.seen_period = period_;
    client.seen = GroupMask{};
  }
  client.seen[0] |= node.groups[0];
  client.seen[1] |= node.groups[1];
}

void Simulation::Start(uint32_t c, int k) {
  const NodeModel& node = model_.nodes[k];
  Client& client = clients_[c];
  client.state = kInCare;
  ++busy_[k];
  Flows& fl = flows(k);
  ++fl.starts;
  fl.care_days += DaysLeft();
  const double wait = now_ - client.joined;
  fl.wait_sum += wait;
  fl.waited += wait > 0;
  // Unique clients: count each group the client enters for the first time in this period.
  if (client.seen_period != static_cast<uint32_t>(period_)) {
    client.seen_period = period_;
    client.seen = GroupMask{};
  }
  uint32_t* unique = &new_unique_[static_cast<size_t>(period_) * kMaxMaskGroups];
  for (int w = 0; w < 2; ++w) {
    uint64_t fresh = node.groups[w] & ~client.seen[w];
    client.seen[w] |= node.groups[w];
    while (fresh) {
      ++unique[w * 64 + __builtin_ctzll(fresh)];
      fresh &= fresh - 1;
    }
  }
  if (node.is_care()) {
    if (std::isnan(client.domain_entry)) client.domain_entry = now_;
    const DomainModel& dm = model_.domains[node.domain];
    if (!(client.flags & kFlagEverCare)) {
      // First care start of a new client: the first-entry rate by age behind lifetime_risk_18.
      client.flags |= kFlagEverCare;
      if (dm.limit_age > 0 && !std::isnan(client.birth)) {
        const int age = AgeAt(client.birth, now_);
        if (age < dm.limit_age)
          ++first_entries_[(static_cast<size_t>(period_) * model_.domains.size() + node.domain) *
                               max_limit_age_ +
                           age];
      }
    }
    if (node.gedwongen_kader) client.flags |= kFlagGk;
    if (client.flags & kFlagGk) {
      DomainFlows& df = domain_flows(node.domain);
      if (node.beschikking) ++df.gk_starts;
      if (client.gk_seen_period != static_cast<uint32_t>(period_)) {
        client.gk_seen_period = period_;
        ++df.gk_new;
      }
    }
    client.flags &= ~kFlagPgb;
    if (node.pgb_share > 0 && node_events_[k].Uniform() < node.pgb_share) client.flags |= kFlagPgb;
    const double once =
        (params_[k].per_start->starts().empty() ? 0.0 : params_[k].per_start->RateAt(now_)) +
        (node.one_off.starts().empty() ? 0.0 : node.one_off.RateAt(now_));
    if (once > 0) {
      cost_[(static_cast<size_t>(period_) * num_nodes_ + k) * 2 +
            (now_ >= node.payer_switch_day)] += once;
      if (client.flags & kFlagGk) domain_flows(node.domain).gk_cost += once;
    }
  }
  const double factor = params_[k].duration_factor ? params_[k].duration_factor->RateAt(now_) : 1.0;
  ScheduleStretch(c, k, node.duration.Sample(node_duration_[k]) * factor);
}

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
  // Cost of this stretch, day by day, split at the payer switch.
  const double to = std::min(end, horizon_);
  if (node.is_care() && to > now_) {
    const bool pgb = client.flags & kFlagPgb;
    const RateCurve& tariff = pgb ? *params_[k].pgb_tariff : *params_[k].tariff;
    const size_t stride = static_cast<size_t>(num_nodes_) * 2;
    const double sw = std::clamp(node.payer_switch_day, now_, to);
    if (sw > now_)
      BookToPeriods(tariff, period_end_, period_, now_, sw, &cost_[static_cast<size_t>(k) * 2],
                    stride);
    if (to > sw)
      BookToPeriods(tariff, period_end_, model_.calendar.PeriodOf(sw), sw, to,
                    &cost_[static_cast<size_t>(k) * 2 + 1], stride);
    if (pgb) BookToPeriods(tariff, period_end_, period_, now_, to, &cost_pgb_[k], num_nodes_);
    if (client.flags & kFlagGk) {
      // GK cost per domain: the same integral, booked into the domain's counters.
      const size_t domains = model_.domains.size();
      for (size_t p = static_cast<size_t>(period_); p < period_end_.size(); ++p) {
        const double lo = p == static_cast<size_t>(period_) ? now_ : period_end_[p - 1];
        const double hi = std::min(to, period_end_[p]);
        if (hi > lo) domain_flows_[p * domains + node.domain].gk_cost += tariff.Integral(lo, hi);
        if (to <= period_end_[p]) break;
      }
    }
  }
  if (end < horizon_) queue_.Push(end, EventKind::kEndCare, c);
}

void Simulation::StartWaiting(int k) {
  while (waiting_n_[k] > 0 && busy_[k] < cap_[k]) {
    const uint64_t entry = waiting_[k].Pop();
    const uint32_t c = static_cast<uint32_t>(entry >> 32);
    const Client& client = clients_[c];
    if (client.state != kWaiting || client.node != k ||
        client.ticket != static_cast<uint32_t>(entry))
      continue;
    --waiting_n_[k];
    ++flows(k).leaves;
    flows(k).wait_days -= DaysLeft();
    Start(c, k);
  }
}

void Simulation::LeaveDomain(uint32_t c) {
  clients_[c].domain_entry = kNaN;
  clients_[c].flags &= ~(kFlagVerlengd | kFlagGk);
}

void Simulation::OnEndCare(uint32_t c) {
  Client& client = clients_[c];
  const int k = client.node;
  const NodeModel& node = model_.nodes[k];
  const DomainModel& dm = model_.domains[node.domain];
  int32_t outcome;
  switch (client.reason) {
    case kByLimit:
      outcome = dm.at_limit.Draw(domain_stream_[node.domain]);
      break;
    case kByUntil:
      outcome = dm.at_until.Draw(domain_stream_[node.domain]);
      break;
    case kByWlz:
      outcome = ExitTarget(ExitType::kWlz);
      break;
    default:
      outcome = node.kind == NodeKind::kToegang
                    ? model_.sources[client.source].routing.Draw(node_events_[k])
                    : node.end.Draw(node_events_[k]);
  }
  if (outcome == kChoiceVerlengd) {
    // Verlengde jeugdhulp: the same care goes on past the age limit, up to until_age.
    client.flags |= kFlagVerlengd;
    ScheduleStretch(c, k, client.care_end - now_);
    return;
  }
  --busy_[k];
  Flows& fl = flows(k);
  ++fl.ends;
  fl.care_days -= DaysLeft();
  if (node.is_care()) {
    ExitType type = ExitType::kVervolghulp;
    if (client.reason == kByLimit || client.reason == kByUntil)
      type = ExitType::kAgeOut;
    else if (IsExitTarget(outcome))
      type = ExitOf(outcome);
    ++fl.by_type[static_cast<int>(type)];
  }
  MarkSeen(client, node);
  if (client.flags & kFlagGk) client.gk_seen_period = period_;
  StartWaiting(k);
  if (node.kind == NodeKind::kToegang) {
    Route(c, outcome, node.domain);
    return;
  }

  if (outcome >= 0) {
    if (model_.nodes[outcome].domain != node.domain) LeaveDomain(c);
    Enter(c, outcome);
    return;
  }
  const ExitType type = ExitOf(outcome);
  if (type == ExitType::kOvergedragen && dm.handover >= 0 && dm.handover != k) {
    Enter(c, dm.handover);
    return;
  }
  LeaveDomain(c);
  const double reentry =
      node.reentry_probability *
      (params_[k].reentry_factor ? params_[k].reentry_factor->RateAt(now_) : 1.0);
  if ((type == ExitType::kAfgerond || type == ExitType::kVoortijdig) &&
      node.reentry_probability > 0 && node_events_[k].Uniform() < std::min(reentry, 1.0)) {
    const double back = now_ + node.reentry_delay.Sample(node_events_[k]);
    if (back < horizon_) {
      client.state = kAway;
      queue_.Push(back, EventKind::kReentry, c);
      return;
    }
  }
  client.state = kFree;
  free_clients_.push_back(c);
}

void Simulation::OnCapacityChange(uint32_t k) {
  cap_[k] = (*params_[k].capacity)[next_step_[k]++].places;
  StartWaiting(static_cast<int>(k));
}

void Simulation::OnEscalate(uint32_t c) {
  Client& client = clients_[c];
  if (client.state != kWaiting || client.escalate_at != now_) return;  // started meanwhile
  const int k = client.node;
  ++client.ticket;  // its waiting-list entry is now stale
  --waiting_n_[k];
  Flows& fl = flows(k);
  ++fl.leaves;
  fl.wait_days -= DaysLeft();
  ++fl.escalated;
  client.escalate_at = -1;
  Enter(c, model_.nodes[k].escalation_to);
}

void Simulation::OnReentry(uint32_t c) {
  Client& client = clients_[c];
  const NodeModel& node = model_.nodes[client.node];
  const DomainModel& dm = model_.domains[node.domain];
  if (dm.limit_age > 0 && !std::isnan(client.birth) &&
      now_ >= Birthday(client.birth, dm.limit_age)) {
    client.state = kFree;  // too old for this domain now
    free_clients_.push_back(c);
    return;
  }
  // Back via the toegang (routed like the request the client first came with, or like the
  // domain's toegang requests for a client who was already in care on the start date).
  // A client who first came to another domain (a transfer at 18) is routed like this domain's
  // own toegang requests.
  if (client.source < 0 || model_.sources[client.source].domain != node.domain)
    client.source = static_cast<int16_t>(dm.toegang_source);
  const int target = node.reentry_via_toegang && dm.toegang >= 0 && client.source >= 0 &&
                             model_.sources[client.source].toegang >= 0
                         ? dm.toegang
                         : client.node;
  ++flows(target).reentries;
  Enter(c, target);
}

void Simulation::Snapshot(int p) {
  // State at the end of period p: before any event at or after period_end_[p].
  const double t = period_end_[p];
  const size_t domains = model_.domains.size();
  for (Client& c : clients_) {
    if (c.state != kInCare) continue;
    const NodeModel& node = model_.nodes[c.node];
    if (!node.is_care()) continue;
    if (t - c.domain_entry > kFiveYears) ++over5_[static_cast<size_t>(p) * num_nodes_ + c.node];
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
}

void Simulation::Finalize(RepResult* out) const {
  const ResultLayout L = layout();
  out->values.assign(L.size(), kNaN);
  const size_t n = static_cast<size_t>(num_nodes_), domains = model_.domains.size();
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
    double stock = 0, waiting = 0;
    for (int k : grp.nodes) {
      if (!model_.nodes[k].is_care() && grp.kind != GroupKind::kToegang) continue;
      stock += stock0_[k];
      waiting += waiting0_[k];
    }
    for (int p = 0; p < L.periods; ++p) {
      const int year = model_.calendar.periods()[p].year;
      Flows sum;
      double cost = 0, cost_pgb = 0, over5 = 0, besch_starts = 0;
      for (int k : grp.nodes) {
        const NodeModel& node = model_.nodes[k];
        const size_t pk = static_cast<size_t>(p) * n + k;
        double c = 0;
        for (int slot = 0; slot < 2; ++slot) {
          const int payer = slot == 0 ? node.payer : node.payer_after;
          if (grp.kind == GroupKind::kPayer && payer != grp.payer_index) continue;
          c += cost_[pk * 2 + slot] + fixed_cost_[pk * 2 + slot];
        }
        cost += c;
        cost_pgb += cost_pgb_[pk];
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
      set(p, kCost, cost);
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
