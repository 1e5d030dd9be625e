// EventQueue: the pending events of one replication, popped in Event::Before order.
//
// A calendar queue with one bucket per simulation day: an event for a later day is appended to
// that day's bucket in O(1); when the queue reaches a day, its bucket is sorted ("today") and
// popped from the end. An event for a day before the loaded one puts that day back into its bucket
// and becomes today. This pops exactly the order of a single global heap, but each operation works
// on the few events of one day instead of the whole caseload. Buckets keep their storage across
// Clear(), so a reused queue does not allocate in steady state. The queue assigns insertion
// sequence numbers itself. Not thread-safe; owned by one Simulation.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/event.h"

namespace sdsim {

class EventQueue {
 public:
  // Events may be scheduled at times in [0, days).
  void Init(size_t days) {
    buckets_.resize(days + 1);
    Clear();
  }
  void Clear() {
    for (size_t d = day_; d <= last_used_ && d < buckets_.size(); ++d) buckets_[d].clear();
    today_.clear();
    day_ = 0;
    last_used_ = 0;
    size_ = 0;
    next_seq_ = 0;
  }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  // Requires !empty().
  const Event& top() {
    Refill();
    return today_.back();
  }

  void Push(double time, EventKind kind, uint32_t id) {
    assert(id <= Event::kMaxId && next_seq_ <= Event::kMaxSeq && time >= 0);
    const Event e = Event::Make(time, kind, next_seq_++, id);
    const size_t d = static_cast<size_t>(time);
    assert(d < buckets_.size());
    ++size_;
    if (d == day_) {
      // Rarer (an event later today): insert it in order.
      today_.insert(std::upper_bound(today_.begin(), today_.end(), e, After{}), e);
    } else if (d > day_) {
      buckets_[d].push_back(e);
      last_used_ = std::max(last_used_, d);
    } else {
      // Earlier than the loaded day (which top() may have fetched well ahead of the simulation
      // clock when the next event was far away): put that day back and make d the current day,
      // so today_ never grows into a long sorted list. The days in between are empty.
      std::vector<Event>& bucket = buckets_[day_];
      bucket.insert(bucket.end(), today_.begin(), today_.end());
      last_used_ = std::max(last_used_, day_);
      today_.assign(1, e);
      day_ = d;
    }
  }

  Event Pop() {
    Refill();
    const Event e = today_.back();
    today_.pop_back();
    --size_;
    return e;
  }

 private:
  // A function object (not a function pointer) so that the sort inlines it.
  struct After {
    bool operator()(const Event& a, const Event& b) const { return b.Before(a); }
  };
  void Refill() {
    while (today_.empty()) {
      ++day_;
      // Copy rather than swap: each bucket keeps the storage it needs itself, so memory does not
      // creep up as large vectors wander between buckets over many replications.
      std::vector<Event>& bucket = buckets_[day_];
      today_.assign(bucket.begin(), bucket.end());
      bucket.clear();
      // Sorting a day's dozen events once costs fewer (unpredictable) comparisons than popping
      // them one by one from a heap.
      std::sort(today_.begin(), today_.end(), After{});
    }
  }

  std::vector<std::vector<Event>> buckets_;
  std::vector<Event> today_;  // the current day's events, latest first (the next one last)
  size_t day_ = 0, last_used_ = 0, size_ = 0;
  uint64_t next_seq_ = 0;
};

}  // namespace sdsim
