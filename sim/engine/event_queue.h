// EventQueue: the pending events of one replication, popped in Event::Before order.
//
// A 4-ary min-heap over a vector that keeps its capacity across Clear(), so a replication that
// reuses its queue does not allocate in steady state. The queue assigns insertion sequence
// numbers itself. Not thread-safe; owned by one Simulation.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/event.h"

namespace sdsim {

class EventQueue {
 public:
  void Clear() {
    heap_.clear();
    next_seq_ = 0;
  }
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }

  void Push(double time, EventKind kind, uint32_t id) {
    assert(id <= Event::kMaxId && next_seq_ <= Event::kMaxSeq);
    const Event e = Event::Make(time, kind, next_seq_++, id);
    size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > 0) {
      const size_t parent = (hole - 1) / 4;
      if (!e.Before(heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  Event Pop() {
    const Event result = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    const size_t n = heap_.size();
    if (n > 0) {
      size_t hole = 0;
      while (true) {
        const size_t first = 4 * hole + 1;
        if (first >= n) break;
        size_t best = first;
        const size_t end = first + 4 < n ? first + 4 : n;
        for (size_t c = first + 1; c < end; ++c)
          if (heap_[c].Before(heap_[best])) best = c;
        if (!heap_[best].Before(last)) break;
        heap_[hole] = heap_[best];
        hole = best;
      }
      heap_[hole] = last;
    }
    return result;
  }

 private:
  std::vector<Event> heap_;
  uint64_t next_seq_ = 0;
};

}  // namespace sdsim
