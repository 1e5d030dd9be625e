// Reassessment of clients already in care (a lever of kind kReassessment): on the lever's review
// date everyone in care in its forms is reviewed once (a contract change), and from then on each
// client at every renewal of the beschikking (every validity period from its date). A review
// moves the client, with the lever's share at that moment, to the lever's target form (the
// lokaal team) if it has a free place; the care cut short is taken off the booked cost.
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

void Simulation::OnReview(int r) {
  const LeverModel& lever = *redirects_[r].lever;
  // Everyone in care in the lever's forms now; collected first, because moving one client frees
  // a place that a waiting client takes at once (who is not reviewed today).
  review_scratch_.clear();
  for (uint32_t c = 0; c < clients_.size(); ++c) {
    const Client& client = clients_[c];
    if (client.state == kInCare && params_[client.node].reassessment == r)
      review_scratch_.push_back(c);
  }
  for (const uint32_t c : review_scratch_) {
    if (lever.on_date && Reassess(c, r)) continue;
    if (lever.validity_days > 0) ScheduleRenewal(c, clients_[c].node, lever.on_date);
  }
}

void Simulation::ScheduleRenewal(uint32_t c, int k, bool strictly_after) {
  const Redirect& rd = redirects_[params_[k].reassessment];
  const LeverModel& lever = *rd.lever;
  if (lever.validity_days <= 0 || now_ < lever.review_day) return;
  // Renewals fall every validity period after the beschikking's date (when the client joined
  // the form; for clients in care on the start date, the start of their time in care).
  Client& client = clients_[c];
  const double v = lever.validity_days;
  const double since = now_ - client.joined;
  double n = std::ceil(since / v);
  if (strictly_after && client.joined + n * v <= now_) n += 1;
  const double t = client.joined + std::max(n, 1.0) * v;
  if (t >= horizon_ || t >= client.care_end) return;  // no renewal after the care ends
  client.pending_at = t;
  queue_.Push(t, EventKind::kRenewal, c);
}

void Simulation::OnRenewal(uint32_t c) {
  Client& client = clients_[c];
  if (client.state != kInCare || client.pending_at != now_) return;  // stale
  const int k = client.node;
  const int r = params_[k].reassessment;
  if (r < 0) return;
  client.pending_at = -1;
  if (!Reassess(c, r)) ScheduleRenewal(c, k, true);
}

bool Simulation::Reassess(uint32_t c, int r) {
  const Redirect& rd = redirects_[r];
  const LeverModel& lever = *rd.lever;
  // One draw per review, whether or not the target has a place (common random numbers).
  if (!(lever_streams_[rd.stream].Uniform() < rd.share.RateAt(now_))) return false;
  const int to = lever.to.target[0];
  if (waiting_n_[to] > 0 || busy_[to] >= cap_[to]) return false;  // the team is full
  Client& client = clients_[c];
  const int k = client.node;
  const NodeModel& node = model_.nodes[k];
  // The care booked from now to the end of the stretch is not given.
  BookCare(c, k, now_, std::min(client.stretch_end, horizon_), -1.0);
  ++flows(k).reassessed;
  const DomainModel& dm = model_.domains[node.domain];
  EndEpisode(c, k, to == dm.handover ? ExitType::kOvergedragen : ExitType::kVervolghulp);
  if (model_.nodes[to].domain != node.domain) LeaveDomain(c);
  Enter(c, to);
  return true;
}

}  // namespace sdsim
