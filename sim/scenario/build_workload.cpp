// The work of one replication, estimated from the model before anything runs (Model::work), and
// the refusal of scenarios that no machine should run: more events per replication than
// sensible, more memory than any workstation has, or clients that move between forms forever
// without time passing (durations of 0 in a closed loop, which made `sdsim run` hang).
//
// The estimate is an upper bound of the right order, not a forecast: every arrival is counted as
// if it stayed until the end (memory), and every episode of care as one event plus its request.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "scenario/builder.h"

namespace sdsim {
namespace {

// About 2.5 minutes per replication at the engine's 7 million events per second: 1000
// replications would take two days. The national scale test needs 2e7.
constexpr double kMaxEvents = 1e9;
// Memory of one replication (one per worker thread); the command line also compares it with the
// machine's memory.
constexpr double kMaxBytes = 16e9;
// Memory per client held at once: the client record, its pending event and queue entries, and
// the engine's bookkeeping (calibrated on scenarios/bench/national.json: 297 MB measured).
constexpr double kBytesPerClient = 160;
// Events per second the engine handles on one thread, for the time in messages (README bench).
constexpr double kEventsPerSecond = 7e6;

std::string Round(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, x < 1e7 ? "%.0f" : "%.2g", x);
  return buf;
}

}  // namespace

void Builder::EstimateWork() {
  const Model& m = *m_;
  const int n = m.num_nodes();
  const double horizon = m.calendar.horizon();
  // P(k, j): the chance that a stay in form k is followed by one in form j: vervolghulp, or a
  // re-entry after leaving (counted as a new stay in k). leak: the chance of leaving for good.
  Eigen::MatrixXd P = Eigen::MatrixXd::Zero(n, n);
  std::vector<double> leak(n, 0.0), mean(n, 0.0);
  for (int k = 0; k < n; ++k) {
    const NodeModel& node = m.nodes[k];
    if (!node.is_care()) continue;
    mean[k] = node.duration.Mean();
    double prev = 0, to_forms = 0;
    for (size_t i = 0; i < node.end.cum.size(); ++i) {
      const double share = node.end.cum[i] - prev;
      prev = node.end.cum[i];
      if (node.end.target[i] >= 0) {
        P(k, node.end.target[i]) += share;
        to_forms += share;
      }
    }
    const double leaves = std::max(0.0, 1 - to_forms);
    P(k, k) += leaves * node.reentry_probability;
    leak[k] = leaves * (1 - node.reentry_probability);
    // Time per stay: the duration, and the wait before a re-entry.
    if (node.reentry_probability > 0)
      mean[k] += leaves * node.reentry_probability * node.reentry_delay.Mean();
  }
  // reach(k, j): j can follow k (directly or through other forms), k included.
  std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
  for (int k = 0; k < n; ++k) {
    reach[k][k] = 1;
    for (int j = 0; j < n; ++j)
      if (P(k, j) > 0) reach[k][j] = 1;
  }
  for (int via = 0; via < n; ++via)
    for (int k = 0; k < n; ++k)
      if (reach[k][via])
        for (int j = 0; j < n; ++j)
          if (reach[via][j]) reach[k][j] = 1;
  // Episodes per client entering k, at most one per shortest mean stay within reach in the
  // horizon; a client who can never leave (a closed loop) cycles until the end of the horizon.
  std::vector<double> bound(n, 1.0), episodes(n, 1.0);
  std::vector<char> trapped(n, 0);
  for (int k = 0; k < n; ++k) {
    if (!m.nodes[k].is_care()) continue;
    double shortest = INFINITY;
    bool can_leave = false;
    for (int j = 0; j < n; ++j)
      if (reach[k][j]) {
        shortest = std::min(shortest, mean[j]);
        can_leave |= leak[j] > 1e-12;
      }
    bound[k] = shortest > 0 ? 1 + horizon / shortest : INFINITY;
    trapped[k] = !can_leave;
    if (trapped[k] && std::isinf(bound[k])) {
      std::string loop;
      for (int j = 0; j < n; ++j)
        if (reach[k][j] && mean[j] == 0) loop += (loop.empty() ? "" : ", ") + m.nodes[j].key();
      Problem(node_ptr_[k] + (m.nodes[k].end.target.empty() ? "/reentry" : "/transitions"),
              "clients can move between forms with a duration of 0 (" + loop +
                  ") forever without time passing: transitions (and re-entry) that add up to 1 "
                  "lead back; give those forms a duration above 0, or let part of the clients "
                  "leave");
      return;
    }
  }
  // Expected episodes: E = 1 + P E over the forms clients can leave, the others at their bound.
  std::vector<int> open;
  for (int k = 0; k < n; ++k) {
    if (!m.nodes[k].is_care()) continue;
    if (trapped[k])
      episodes[k] = bound[k];
    else
      open.push_back(k);
  }
  if (!open.empty()) {
    const int o = static_cast<int>(open.size());
    Eigen::MatrixXd A = Eigen::MatrixXd::Identity(o, o);
    Eigen::VectorXd rhs = Eigen::VectorXd::Ones(o);
    for (int a = 0; a < o; ++a)
      for (int j = 0; j < n; ++j) {
        const double p = P(open[a], j);
        if (p == 0) continue;
        const auto at = std::find(open.begin(), open.end(), j);
        if (at != open.end())
          A(a, at - open.begin()) -= p;
        else
          rhs(a) += p * episodes[j];
      }
    const Eigen::VectorXd e = A.colPivHouseholderQr().solve(rhs);
    for (int a = 0; a < o; ++a) {
      const double x = e(a);
      episodes[open[a]] = std::isfinite(x) && x >= 1 ? std::min(x, bound[open[a]]) : bound[open[a]];
    }
  }
  // Arrivals (with the largest inflow increase a lever may draw), requests and episodes.
  WorkEstimate& w = m_->work;
  w = WorkEstimate{};
  double heaviest = -1;
  const auto consider = [&](double events, const std::string& ptr, const std::string& what) {
    w.events += events;
    if (events > heaviest) {
      heaviest = events;
      w.heaviest = ptr;
      w.heaviest_what = what;
    }
  };
  for (size_t s = 0; s < m.sources.size(); ++s) {
    const SourceModel& src = m.sources[s];
    double factor = 1;
    for (const LeverModel& lever : m.levers)
      if (lever.kind == LeverKind::kInflow && std::find(lever.sources.begin(), lever.sources.end(),
                                                        static_cast<int>(s)) != lever.sources.end())
        factor *= 1 + std::max(0.0, m.effects[lever.effect].size.Quantile(0.999));
    const double arrivals = src.intensity.Integral(horizon) * factor;
    double per_arrival = 1 + (src.toegang >= 0 ? 1 : 0), prev = 0;
    for (size_t i = 0; i < src.routing.cum.size(); ++i) {
      const double share = src.routing.cum[i] - prev;
      prev = src.routing.cum[i];
      if (src.routing.target[i] >= 0) per_arrival += share * episodes[src.routing.target[i]];
    }
    w.clients += arrivals;
    consider(
        arrivals * per_arrival, source_ptr_[s],
        Round(arrivals) + " requests over the horizon, " + Round(per_arrival) + " events each");
  }
  for (int k = 0; k < n; ++k) {
    const NodeModel& node = m.nodes[k];
    const double stock = static_cast<double>(node.initial_clients) + node.initial_waiting;
    if (stock == 0) continue;
    w.clients += stock;
    consider(stock * episodes[k], node_ptr_[k] + "/initial",
             Round(stock) + " clients on the start date, " + Round(episodes[k]) + " episodes each");
  }
  w.bytes = w.clients * kBytesPerClient;
  if (w.heaviest.empty()) return;
  const Json* value = nullptr;
  try {
    value = &sc_.doc.at(Json::json_pointer(w.heaviest));
  } catch (const Json::exception&) {
  }
  const std::string cause = " (most from here: " + w.heaviest_what + "); check this value";
  if (w.events > kMaxEvents) {
    Problem(w.heaviest,
            "one replication would handle about " + Round(w.events) + " events, more than the " +
                Round(kMaxEvents) + " sdsim runs (about " +
                Round(w.events / kEventsPerSecond / 60) + " minutes per replication)" + cause,
            value);
  } else if (w.bytes > kMaxBytes) {
    Problem(w.heaviest,
            "one replication would hold up to " + Round(w.clients) + " clients at once, about " +
                Round(w.bytes / 1e9) + " GB of memory, more than the " + Round(kMaxBytes / 1e9) +
                " GB sdsim allows" + cause,
            value);
  }
}

}  // namespace sdsim
