// EventQueue: the pending events of one replication, popped in Event::Before order.
//
// A calendar queue with one bucket per simulation day: an event for a later day is appended to
// that day's bucket in O(1); when the queue reaches a day, that bucket is sorted in place (latest
// first) and popped from its end. An event for a day before the current one leaves the current
// day's bucket as it is (it is sorted again when the queue comes back to it) and becomes the only
// event of its own, empty, day. This pops exactly the order of a single global heap (the order is
// total: every event has its own sequence number), but each operation works on the few events of
// one day instead of the whole caseload. Buckets keep their storage across Clear(), so a reused
// queue does not allocate in steady state. The queue assigns insertion sequence numbers itself.
// Not thread-safe; owned by one Simulation.
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
    return buckets_[day_].back();
  }

  void Push(double time, EventKind kind, uint32_t id) {
    assert(id <= Event::kMaxId && next_seq_ <= Event::kMaxSeq && time >= 0);
    const Event e = Event::Make(time, kind, next_seq_++, id);
    const size_t d = static_cast<size_t>(time);
    assert(d < buckets_.size());
    ++size_;
    std::vector<Event>& bucket = buckets_[d];
    if (d == day_) {
      // Rarer (an event later today): insert it in order.
      bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), e, After{}), e);
    } else if (d > day_) {
      bucket.push_back(e);
      last_used_ = std::max(last_used_, d);
    } else {
      // Earlier than the current day (which top() may have moved well ahead of the simulation
      // clock when the next event was far away). The days in between, d's included, are empty:
      // d becomes the current day, its one event sorted.
      assert(bucket.empty());
      bucket.push_back(e);
      last_used_ = std::max(last_used_, day_);
      day_ = d;
    }
  }

  Event Pop() {
    Refill();
    std::vector<Event>& today = buckets_[day_];
    const Event e = today.back();
    today.pop_back();
    --size_;
    return e;
  }

 private:
  // A function object (not a function pointer) so that the sort inlines it.
  struct After {
    bool operator()(const Event& a, const Event& b) const { return b.Before(a); }
  };
  // Moves to the next day with events, if the current one has none left, and sorts it.
  void Refill() {
    if (!buckets_[day_].empty()) return;
    do ++day_;
    while (buckets_[day_].empty());
    // Sorting a day's dozen events once costs fewer (unpredictable) comparisons than popping
    // them one by one from a heap.
    std::vector<Event>& today = buckets_[day_];
    std::sort(today.begin(), today.end(), After{});
  }

  std::vector<std::vector<Event>> buckets_;
  size_t day_ = 0, last_used_ = 0, size_ = 0;
  uint64_t next_seq_ = 0;
};

}  // namespace sdsim
