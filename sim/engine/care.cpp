// Care and waiting: entering a node (routing shifts), FIFO waiting lists, overflow from a full
// form to its overflow form (open-end care), starting care (unique clients, gedwongen kader, PGB,
// trajectory prices), escalation while waiting, capacity changes and the end of care
// (vervolghulp, handover, exits, re-entry).
#include <algorithm>
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

void Simulation::Enter(uint32_t c, int k, double since) {
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
  client.joined = since;
  if (waiting_n_[k] == 0 && busy_[k] < cap_[k]) {
    Start(c, k);
    return;
  }
  const NodeModel& node = model_.nodes[k];
  if (node.overflow_to >= 0 && node.max_wait <= 0) {
    // Open-end care: the form is full, so the client goes to the overflow form at once.
    ++flows(k).overflowed;
    Enter(c, node.overflow_to, since);
    return;
  }
  client.state = kWaiting;
  client.pending_at = -1;  // an escalation scheduled for an earlier wait must not fire here
  ++client.ticket;
  waiting_[k].Push(Pack(c, client.ticket));
  ++waiting_n_[k];
  ++flows(k).joins;
  flows(k).wait_days += DaysLeft();
  ScheduleEscalation(c, k);
}

void Simulation::ScheduleEscalation(uint32_t c, int k) {
  const NodeModel& node = model_.nodes[k];
  double t = INFINITY;
  if (node.escalation_per_day > 0) {
    const double f =
        params_[k].escalation_factor ? params_[k].escalation_factor->RateAt(now_) : 1.0;
    if (f > 0) t = now_ + Exp1(node_events_[k]) / (node.escalation_per_day * f);
  }
  // Open-end care with a maximum wait: the client overflows when it is reached.
  if (node.overflow_to >= 0) t = std::min(t, std::max(now_, clients_[c].joined + node.max_wait));
  if (t == INFINITY) return;
  clients_[c].pending_at = t;
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
  client.pending_at = -1;  // no escalation or renewal of an earlier stay may fire now
  if (sink_) sink_start_[c] = now_;
  ++busy_[k];
  Flows& fl = flows(k);
  ++fl.starts;
  fl.care_days += DaysLeft();
  if (client.flags & kFlagStock) {
    ++fl.starts_stock;
    fl.care_days_stock += DaysLeft();
  }
  const double wait = now_ - client.joined;
  fl.wait_sum += wait;
  fl.waited += wait > 0;
  // Unique clients: count each group the client enters for the first time in this period. The
  // client's first start in the period (the usual case) enters all of the node's groups: counted
  // once per node here and spread over its groups at the end of the run (FoldFirstStarts).
  if (client.seen_period != static_cast<uint32_t>(period_)) {
    client.seen_period = period_;
    client.seen = node.groups;
    ++first_starts_[static_cast<size_t>(period_) * num_nodes_ + k];
  } else {
    uint32_t* unique = &new_unique_[static_cast<size_t>(period_) * kMaxMaskGroups];
    for (int w = 0; w < 2; ++w) {
      uint64_t fresh = node.groups[w] & ~client.seen[w];
      client.seen[w] |= node.groups[w];
      while (fresh) {
        ++unique[w * 64 + __builtin_ctzll(fresh)];
        fresh &= fresh - 1;
      }
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
      const size_t i =
          (static_cast<size_t>(period_) * num_nodes_ + k) * 2 + (now_ >= node.payer_switch_day);
      cost_[i] += once;
      if (client.flags & kFlagStock) cost_stock_[i] += once;
      if (client.flags & kFlagGk) domain_flows(node.domain).gk_cost += once;
    }
  } else if (!params_[k].per_start->starts().empty()) {
    // An assessment by interim staff at the toegang: a price per assessment.
    cost_[(static_cast<size_t>(period_) * num_nodes_ + k) * 2 + (now_ >= node.payer_switch_day)] +=
        params_[k].per_start->RateAt(now_);
  }
  const double factor = params_[k].duration_factor ? params_[k].duration_factor->RateAt(now_) : 1.0;
  ScheduleStretch(c, k, node.duration.Sample(node_duration_[k]) * factor);
  if (params_[k].reassessment >= 0) ScheduleRenewal(c, k, false);
}

void Simulation::FoldFirstStarts() {
  const size_t periods = period_end_.size();
  for (size_t p = 0; p < periods; ++p)
    for (int k = 0; k < num_nodes_; ++k) {
      const uint32_t count = first_starts_[p * num_nodes_ + k];
      if (count == 0) continue;
      for (int w = 0; w < 2; ++w)
        for (uint64_t bits = model_.nodes[k].groups[w]; bits; bits &= bits - 1)
          new_unique_[p * kMaxMaskGroups + w * 64 + __builtin_ctzll(bits)] += count;
    }
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

void Simulation::LeaveCare(uint32_t c) {
  LeaveDomain(c);
  clients_[c].flags &= ~kFlagStock;  // a later re-entry is new inflow
}

void Simulation::OnEndCare(uint32_t c) {
  Client& client = clients_[c];
  // Stale: the stretch was cut short (a reassessment moved the client).
  if (client.stretch_end != now_ || client.state != kInCare) return;
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
  ExitType exit = ExitType::kVervolghulp;
  if (client.reason == kByLimit || client.reason == kByUntil)
    exit = ExitType::kAgeOut;
  else if (IsExitTarget(outcome))
    exit = ExitOf(outcome);
  EndEpisode(c, k, exit);
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
  LeaveCare(c);
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

void Simulation::SinkEpisode(uint32_t c, int k, ExitType exit) {
  sink_->Episode(EpisodeEvent{sink_serial_[c], k, clients_[c].birth, sink_start_[c], now_, exit});
}

void Simulation::EndEpisode(uint32_t c, int k, ExitType type) {
  Client& client = clients_[c];
  const NodeModel& node = model_.nodes[k];
  if (sink_ && node.is_care()) SinkEpisode(c, k, type);
  --busy_[k];
  Flows& fl = flows(k);
  ++fl.ends;
  fl.care_days -= DaysLeft();
  if (client.flags & kFlagStock) {
    ++fl.ends_stock;
    fl.care_days_stock -= DaysLeft();
  }
  if (node.is_care()) ++fl.by_type[static_cast<int>(type)];
  MarkSeen(client, node);
  if (client.flags & kFlagGk) client.gk_seen_period = period_;
  StartWaiting(k);
}

void Simulation::OnChange(uint32_t id) {
  if (id < static_cast<uint32_t>(num_nodes_))
    OnCapacityChange(id);
  else
    OnReview(static_cast<int>(id) - num_nodes_);
}

void Simulation::OnCapacityChange(uint32_t k) {
  cap_[k] = (*params_[k].capacity)[next_step_[k]++].places;
  StartWaiting(static_cast<int>(k));
}

void Simulation::OnEscalate(uint32_t c) {
  Client& client = clients_[c];
  if (client.state != kWaiting || client.pending_at != now_) return;  // started meanwhile
  const int k = client.node;
  const NodeModel& node = model_.nodes[k];
  ++client.ticket;  // its waiting-list entry is now stale
  --waiting_n_[k];
  Flows& fl = flows(k);
  ++fl.leaves;
  fl.wait_days -= DaysLeft();
  client.pending_at = -1;
  if (node.overflow_to >= 0 && now_ >= client.joined + node.max_wait) {
    // The maximum wait is reached: care at the overflow form (the wait counts from the
    // beschikking, so the overflow form's mean wait includes it).
    ++fl.overflowed;
    Enter(c, node.overflow_to, client.joined);
    return;
  }
  ++fl.escalated;
  Enter(c, node.escalation_to);
}

}  // namespace sdsim
