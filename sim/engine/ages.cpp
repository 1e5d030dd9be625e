// Ages and the start-date stock: birthdays and ages on the calendar, and the clients in care or
// waiting on the start date with remaining durations consistent with the time already in care.
#include <cmath>

#include "engine/sim_internal.h"
#include "engine/simulation.h"

namespace sdsim {

using namespace engine_internal;

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
    if (!node.initial_birth_days.empty()) {
      client.birth = node.initial_birth_days[i];
      if (dm.limit_age > 0 && AgeAt(client.birth, 0) >= dm.limit_age) client.flags |= kFlagVerlengd;
    } else if (!node.initial_age_cum.empty()) {
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
    if (!node.initial_elapsed_days.empty()) {
      // Each client's real time in care (from records).
      elapsed = node.initial_elapsed_days[i];
      remaining = node.duration.SampleRemaining(node_duration_[k], elapsed);
    } else if (node.initial_elapsed_steady && node.duration.HasLengthBiased() &&
               node.stock_by_rejection) {
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
    client.joined = -elapsed;  // the beschikking's date, for renewals
    if (sink_) sink_start_[c] = -elapsed;
    client.state = kInCare;
    client.flags |= kFlagEverCare | kFlagStock;
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
    client.flags |= kFlagStock;
    waiting_[k].Push(Pack(c, ++client.ticket));
    ++waiting_n_[k];
    ++waiting0_[k];
    // The escalation hazard runs from the start date (a constant hazard has no memory of the wait
    // before it).
    ScheduleEscalation(c, k);
  }
  StartWaiting(k);
}

}  // namespace sdsim
