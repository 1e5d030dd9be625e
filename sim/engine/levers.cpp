// Levers: this replication's prices, durations, capacities and redirects, from the model's
// levers and their drawn effect sizes (Simulation::ApplyLevers), and inflow changes as thinning
// and superposition of the baseline's arrivals (Simulation::SplitInflow).
#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

const RateCurve* Simulation::Own(RateCurve curve) {
  owned_curves_.push_back(std::move(curve));
  return &owned_curves_.back();
}

void Simulation::ApplyLevers(uint64_t seed, uint64_t rep) {
  owned_capacity_.clear();
  redirects_.clear();
  effect_values_.clear();
  if (model_.effects.empty()) return;  // no levers and no uncertain income
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
      case LeverKind::kRoutingShift:
      case LeverKind::kReassessment: {
        lever_streams_[l].Seed(seed, rep, lever.key);
        const int index = static_cast<int>(redirects_.size());
        redirects_.push_back(Redirect{&lever, lever.ramp.Scaled(size), static_cast<int>(l)});
        for (int k : lever.nodes) {
          if (lever.kind == LeverKind::kReassessment)
            params_[k].reassessment = index;  // at most one per form (checked when read)
          else
            (lever.kind == LeverKind::kDiversion ? params_[k].diversions : params_[k].shifts)
                .push_back(index);
        }
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

}  // namespace sdsim
