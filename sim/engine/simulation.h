// Simulation: runs one replication of a Model and records its metrics.
//
// A Simulation owns all mutable state of a replication (clients, event queue, waiting lists,
// random streams, counters) and reuses its storage from one Run() to the next, so a thread that
// runs many replications allocates only while its buffers grow. The Model is shared read-only.
// Run(seed, rep) depends only on (model, seed, rep): same inputs, same bits, on any thread.
// Not thread-safe: use one Simulation per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <vector>

#include "core/model.h"
#include "core/random.h"
#include "engine/event_queue.h"
#include "engine/fifo.h"
#include "engine/metrics.h"

namespace sdsim {

// One care episode of a replication, as `sdsim run --records` writes it. Times are days since
// the start date: `start` is negative for a client in care on the start date, `end` is infinity
// for one still in care at the horizon. `birth` is NaN when ages are not tracked.
struct EpisodeEvent {
  uint64_t client = 0;  // a number unique within the replication
  int node = 0;
  double birth = 0, start = 0, end = 0;
  ExitType exit = ExitType::kAfgerond;
};
// Receives the episodes of a replication as they end (then those still running at the horizon).
class EpisodeSink {
 public:
  virtual ~EpisodeSink() = default;
  virtual void Episode(const EpisodeEvent& e) = 0;
};

class Simulation {
 public:
  explicit Simulation(const Model& model);
  // Episodes go to `sink` (not owned; nullptr = none, the default, at no cost).
  void set_episode_sink(EpisodeSink* sink) { sink_ = sink; }

  ResultLayout layout() const;
  // Runs replication `rep` with run seed `seed` and writes its metrics to *out.
  void Run(uint64_t seed, uint64_t rep, RepResult* out);
  // Number of events handled by the last Run() (for benchmarks).
  uint64_t events() const { return events_; }
  // If set, Run() checks the flag every 4096 events and returns early once it is true (Ctrl-C);
  // the result of that replication is then incomplete and must be discarded.
  void SetCancel(const std::atomic<bool>* cancel) { cancel_ = cancel; }

 private:
  enum State : uint8_t { kFree, kWaiting, kInCare, kAway };
  enum Reason : uint8_t { kByDuration, kByLimit, kByUntil, kByWlz };
  // kFlagGk: under a gedwongen-kader measure (rechter route, or started in a JB/JR form) for the
  // rest of the stay in the domain. kFlagEverCare: has started care (for first-entry rates).
  // kFlagStock: in care or waiting on the start date, and in care without a break since (the
  // "stock" cohort of the boeggolf; a later re-entry is new inflow).
  enum Flag : uint8_t {
    kFlagPgb = 1,
    kFlagVerlengd = 2,
    kFlagGk = 4,
    kFlagEverCare = 8,
    kFlagStock = 16
  };
  struct Client {
    double joined;        // when the client joined its current node (queue or care)
    double birth;         // whole day of birth (may be negative); NaN = age not tracked
    double domain_entry;  // start of the continuous stay in the current domain; NaN = none
    double care_end;      // end of care as drawn from the duration (beyond an age-limit stop)
    double stretch_end;   // when the current stretch of care ends (its kEndCare event)
    // Time of the client's pending kEscalate event while waiting (escalation or overflow), or of
    // its pending kRenewal event while in care; an event whose time no longer matches is stale.
    double pending_at;
    double limit_day;   // the birthday at age limit_age (a cache for the age limit)
    double band_until;  // the birthday that ends the cached age band (-inf: not computed)
    int32_t node;
    int16_t source;     // source of the original request (toegang routing, re-entry)
    int16_t limit_age;  // the age limit_day belongs to; -1 = not computed
    State state;
    Reason reason;  // why the current care stretch ends
    uint8_t flags;
    int8_t band;              // cached age band (-1: none)
    uint32_t ticket;          // matches the client's live waiting-list entry
    uint32_t seen_period;     // period that `seen` refers to
    uint32_t gk_seen_period;  // period in which the client was last counted as a GK client
    GroupMask seen;           // unique-client groups counted during seen_period
  };
  // Flow counters per (period, node).
  struct Flows {
    double wait_sum = 0;
    // Client-days from the events of the period: each start (join) adds the days left in the
    // period, each end (leave) takes them off again; the stock at the period start adds its length.
    double care_days = 0, wait_days = 0;
    uint32_t starts = 0, ends = 0, joins = 0, leaves = 0, waited = 0, escalated = 0, reentries = 0,
             diverted = 0, overflowed = 0, reassessed = 0;
    // The same for the stock cohort (clients of the start date): starts (from its waiting lists
    // and moves between forms), ends and client-days.
    uint32_t starts_stock = 0, ends_stock = 0;
    double care_days_stock = 0;
    uint32_t by_type[static_cast<int>(ExitType::kCount)] = {};
  };
  // Counters per (period, domain).
  struct DomainFlows {
    uint32_t requests = 0, no_help = 0, av = 0;
    uint32_t gk_starts = 0;  // beschikking starts by clients under a gedwongen-kader measure
    uint32_t gk_stock = 0;   // such clients in care at the start of the period
    uint32_t gk_new = 0;     // such clients first counted in the period by a start
    double gk_cost = 0;      // cost of their care
  };

  // This replication's prices, factors and capacities: the model's, changed by the levers with
  // their drawn effect sizes.
  struct NodeParams {
    const RateCurve* tariff;
    const RateCurve* pgb_tariff;
    const RateCurve* per_start;
    const RateCurve* duration_factor;    // nullptr = 1
    const RateCurve* reentry_factor;     // nullptr = 1
    const RateCurve* escalation_factor;  // nullptr = 1
    const std::vector<CapacityStep>* capacity;
    std::vector<int> diversions;  // indices into redirects_, applied when routed to this form
    std::vector<int> shifts;      // indices into redirects_, applied at every entry
    int reassessment = -1;        // index into redirects_: the reassessment lever of this form
  };
  struct Redirect {
    const LeverModel* lever;
    RateCurve share;  // share of clients redirected at time t
    int stream;       // index into lever_streams_
  };

  void Reset(uint64_t seed, uint64_t rep);
  void ApplyLevers(uint64_t seed, uint64_t rep);
  void SplitInflow(uint64_t seed, uint64_t rep);
  const RateCurve* Own(RateCurve curve);
  void PlaceInitialClients(int node);
  void OnArrival(uint32_t source);
  void OnEndCare(uint32_t client);
  // A kChange event: a capacity step (id < nodes) or a reassessment's review date.
  void OnChange(uint32_t id);
  void OnCapacityChange(uint32_t node);
  void OnEscalate(uint32_t client);
  void OnReentry(uint32_t client);
  // Reassessment (reassess.cpp): everyone in care in the lever's forms on its review date, and
  // each client at the renewal of the beschikking.
  void OnReview(int redirect);
  void OnRenewal(uint32_t client);
  void ScheduleRenewal(uint32_t client, int node, bool strictly_after);
  // Draws whether the review moves the client, and moves it if the target has a free place.
  bool Reassess(uint32_t client, int redirect);
  // Sends a client to a routing outcome: a node, or no help / algemene voorziening (leaves).
  void Route(uint32_t client, int32_t target, int domain);
  // Enters node k now; `since` is the date of the beschikking the wait is measured from (now, or
  // the start of the wait at a full form for a client overflowing from it).
  void Enter(uint32_t client, int node) { Enter(client, node, now_); }
  void Enter(uint32_t client, int node, double since);
  // Draws when a waiting client escalates (the form's hazard per day of waiting), or overflows
  // at the maximum wait, and queues the earlier of the two.
  void ScheduleEscalation(uint32_t client, int node);
  void Start(uint32_t client, int node);
  // Adds first_starts_ to new_unique_ for each group of each node (at the end of a run).
  void FoldFirstStarts();
  // Schedules the end of the care stretch starting now (duration, Wlz and age limits), books its
  // cost and pushes the end event. `remaining` is the care still to be given.
  void ScheduleStretch(uint32_t client, int node, double remaining);
  // Adds (sign +1) or takes back (sign -1, for care cut short) the cost of care over [from, to).
  void BookCare(uint32_t client, int node, double from, double to, double sign);
  // Ends the client's care at node k now: counts the outflow of the given type, frees the place.
  void EndEpisode(uint32_t client, int node, ExitType type);
  // Expected cost of one episode at node k starting on `day` (backlog_cost), and per source
  // of a request at its toegang (the routing shares over the forms).
  double EpisodeCost(int node, double day) const;
  void Backlog(double t, double* out);
  void StartWaiting(int node);
  void LeaveDomain(uint32_t client);
  // Leaves care altogether (an exit): the domain, and the stock cohort.
  void LeaveCare(uint32_t client);
  void MarkSeen(Client& client, const NodeModel& node);
  uint32_t NewClient();
  void NextSource();
  // The day on which someone born on day `birth` turns `age` (calendar years; 29 February
  // birthdays fall on 1 March in other years). Negative ages go back in time.
  double Birthday(double birth, int age) const;
  // Age in whole calendar years on day t.
  int AgeAt(double birth, double t) const;
  // A birth day with the age at t in [age_lo, age_hi) whole years, from a uniform u.
  double DrawBirth(double t, double age_lo, double age_hi, double u) const;
  void Snapshot(int period);
  // Days from now to the end of the current period.
  double DaysLeft() const { return period_end_[period_] - now_; }
  Flows& flows(int node) { return flows_[static_cast<size_t>(period_) * num_nodes_ + node]; }
  DomainFlows& domain_flows(int d) {
    return domain_flows_[static_cast<size_t>(period_) * model_.domains.size() + d];
  }
  void Finalize(RepResult* out) const;

  const Model& model_;
  const int num_nodes_;
  const int num_bands_;
  double horizon_;
  std::vector<double> period_end_;
  std::vector<std::pair<double, double>> band_birth_;  // per band: birth days of its ages at day 0
  std::vector<double> fixed_cost_;                     // [period][node][payer slot], deterministic

  // Per-replication state.
  double now_ = 0;
  int period_ = 0;
  int snapshots_ = 0;
  uint64_t events_ = 0;
  EventQueue queue_;
  std::vector<Client> clients_;
  std::vector<uint32_t> free_clients_;
  std::vector<int> busy_, cap_, next_step_, waiting_n_, stock0_, waiting0_;
  std::vector<Fifo> waiting_;
  std::vector<const RateCurve*>
      intensity_;  // per source, with this replication's volatility and levers
  std::vector<double>
      next_arrival_;  // per source, then per extra stream: next arrival (inf = none)
  std::vector<const RateCurve*> inflow_factor_, thin_, extra_;  // per source; nullptr = none
  std::vector<Stream> thin_stream_, extra_arrival_, extra_routing_;
  int next_source_ = -1;
  double next_arrival_time_ = 0;
  std::vector<NodeParams> params_;
  std::deque<RateCurve> owned_curves_;
  std::deque<std::vector<CapacityStep>> owned_capacity_;
  std::vector<Redirect> redirects_;
  std::vector<Stream> lever_streams_;
  std::vector<double> effect_values_;
  std::vector<Stream> source_arrival_, source_routing_, node_duration_, node_events_, node_stock_,
      domain_stream_;
  std::vector<Flows> flows_;               // [period][node]
  std::vector<double> cost_;               // [period][node][payer slot], euros
  std::vector<double> cost_pgb_;           // [period][node]
  std::vector<double> cost_stock_;         // [period][node][payer slot]: of the stock cohort
  std::vector<uint32_t> new_unique_;       // [period][mask bit]: first counted by a start
  std::vector<uint32_t> first_starts_;     // [period][node]: a client's first start in the period
  std::vector<uint32_t> over5_;            // [period][node]: in care > 5 years at period end
  std::vector<uint32_t> band_in_care_;     // [period][domain][band] at period end
  std::vector<uint32_t> band_requests_;    // [period][domain][band]
  std::vector<uint32_t> first_entries_;    // [period][domain][age 0..limit)
  std::vector<DomainFlows> domain_flows_;  // [period][domain]
  std::vector<double> backlog_;            // [period + 1][node]: backlog_cost at the start (row
                                           // 0) and at the end of each period
  std::vector<double> fixed_income_;       // [period][node], before the drawn uncertainty
  std::vector<double> source_cost_;        // scratch: per source, for Backlog()
  std::vector<uint32_t> review_scratch_;   // scratch: clients reviewed on a date
  int max_limit_age_ = 0;
  const std::atomic<bool>* cancel_ = nullptr;
  // Only with an episode sink: each client slot's number and the start of its current care.
  EpisodeSink* sink_ = nullptr;
  std::vector<uint64_t> sink_serial_;
  std::vector<double> sink_start_;
  uint64_t sink_next_ = 0;
  void SinkEpisode(uint32_t c, int k, ExitType exit);
};

}  // namespace sdsim
