// Simulation: runs one replication of a Model and records its metrics.
//
// A Simulation owns all mutable state of a replication (clients, event queue, waiting lists,
// random streams, counters) and reuses its storage from one Run() to the next, so a thread that
// runs many replications allocates only while its buffers grow. The Model is shared read-only.
// Run(seed, rep) depends only on (model, seed, rep): same inputs, same bits, on any thread.
// Not thread-safe: use one Simulation per thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/model.h"
#include "core/random.h"
#include "engine/event_queue.h"
#include "engine/fifo.h"
#include "engine/metrics.h"

namespace sdsim {

class Simulation {
 public:
  explicit Simulation(const Model& model);

  ResultLayout layout() const;
  // Runs replication `rep` with run seed `seed` and writes its metrics to *out.
  void Run(uint64_t seed, uint64_t rep, RepResult* out);
  // Number of events handled by the last Run() (for benchmarks).
  uint64_t events() const { return events_; }

 private:
  struct Client {
    double joined;  // when the client joined its current form (queue or care)
    int32_t form;
    uint32_t seen_period;  // period that `seen` refers to
    GroupMask seen;        // groups the client was counted in during seen_period
  };
  // Flow counters per (period, form).
  struct Flows {
    double wait_sum = 0;
    uint32_t starts = 0, ends = 0, joins = 0, leaves = 0, waited = 0;
  };

  void Reset(uint64_t seed, uint64_t rep);
  void OnArrival(uint32_t source);
  void OnEndCare(uint32_t client);
  void OnCapacityChange(uint32_t form);
  void Enter(uint32_t client, int form);
  void Start(uint32_t client, int form);
  void BookCost(int form, double from, double to);
  uint32_t NewClient();
  Flows& flows(int form) { return flows_[static_cast<size_t>(period_) * num_forms_ + form]; }
  void Finalize(RepResult* out) const;

  const Model& model_;
  const int num_forms_;
  double horizon_;
  std::vector<double> period_end_;

  // Per-replication state.
  double now_ = 0;
  int period_ = 0;
  uint64_t events_ = 0;
  EventQueue queue_;
  std::vector<Client> clients_;
  std::vector<uint32_t> free_clients_;
  std::vector<int> busy_, cap_, next_step_;
  std::vector<Fifo> waiting_;
  std::vector<Stream> source_arrival_, source_routing_, form_duration_, form_transition_;
  std::vector<Flows> flows_;         // [period][form]
  std::vector<double> cost_;         // [period][form], euros
  std::vector<uint32_t> new_unique_;  // [period][group]: first counted by a care start
};

}  // namespace sdsim
