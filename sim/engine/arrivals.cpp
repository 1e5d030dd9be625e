// Arrivals and the toegang: new requests from the sources (Poisson, thinned or superposed by
// inflow levers), their ages, routing to care forms or other outcomes (with diversion to the
// lokaal team), and re-entries of former clients.
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

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
      requests[b] += static_cast<uint32_t>(whole >= model_.bands[b].lo) &
                     static_cast<uint32_t>(whole <= model_.bands[b].hi);
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

}  // namespace sdsim
