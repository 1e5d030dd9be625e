// Unit tests for engine/event_queue: pop order by (time, kind priority, insertion order).
#include "engine/event_queue.h"

#include <catch2/catch.hpp>
#include <queue>
#include <random>
#include <tuple>
#include <vector>

namespace sdsim {
namespace {

struct Ref {
  double time;
  int kind;
  uint64_t seq;
  uint32_t id;
};
// std::priority_queue is a max-heap: "less" means "runs later".
struct RunsLater {
  bool operator()(const Ref& a, const Ref& b) const {
    return std::tie(a.time, a.kind, a.seq) > std::tie(b.time, b.kind, b.seq);
  }
};

TEST_CASE("Event packs kind, sequence and id", "[unit][event_queue]") {
  const Event e = Event::Make(3.5, EventKind::kArrival, Event::kMaxSeq, Event::kMaxId);
  CHECK(e.time == 3.5);
  CHECK(e.kind() == EventKind::kArrival);
  CHECK(e.seq() == Event::kMaxSeq);
  CHECK(e.id() == Event::kMaxId);
  const Event f = Event::Make(3.5, EventKind::kEndCare, 12345, 77);
  CHECK(f.kind() == EventKind::kEndCare);
  CHECK(f.seq() == 12345);
  CHECK(f.id() == 77);
  CHECK(f.Before(e));
  CHECK_FALSE(e.Before(f));
  CHECK_FALSE(f.Before(f));
}

TEST_CASE("Same-time events pop by kind priority regardless of push order", "[unit][event_queue]") {
  const std::vector<std::vector<EventKind>> orders = {
      {EventKind::kArrival, EventKind::kChange, EventKind::kEndCare},
      {EventKind::kChange, EventKind::kArrival, EventKind::kEndCare},
      {EventKind::kEndCare, EventKind::kArrival, EventKind::kChange},
      {EventKind::kArrival, EventKind::kEndCare, EventKind::kChange},
  };
  for (const auto& order : orders) {
    EventQueue q;
    q.Init(100);
    q.Push(11, EventKind::kEndCare, 99);  // a later event that must come last
    for (EventKind k : order) q.Push(10, k, 1);
    REQUIRE(q.size() == 4);
    CHECK(q.top().kind() == EventKind::kEndCare);
    CHECK(q.top().time == 10);
    CHECK(q.Pop().kind() == EventKind::kEndCare);
    CHECK(q.Pop().kind() == EventKind::kChange);
    CHECK(q.Pop().kind() == EventKind::kArrival);
    const Event last = q.Pop();
    CHECK(last.time == 11);
    CHECK(last.id() == 99);
    CHECK(q.empty());
  }
}

TEST_CASE("Same time and kind pop in insertion order", "[unit][event_queue]") {
  EventQueue q;
  q.Init(100);
  for (uint32_t i = 0; i < 100; ++i) q.Push(5.0, EventKind::kArrival, 1000 - i);
  for (uint32_t i = 0; i < 100; ++i) q.Push(2.0, EventKind::kArrival, i);
  for (uint32_t i = 0; i < 100; ++i) {
    const Event e = q.Pop();
    CHECK(e.time == 2.0);
    CHECK(e.id() == i);
  }
  uint64_t prev_seq = 0;
  for (uint32_t i = 0; i < 100; ++i) {
    const Event e = q.Pop();
    CHECK(e.time == 5.0);
    CHECK(e.id() == 1000 - i);
    if (i > 0) CHECK(e.seq() > prev_seq);
    prev_seq = e.seq();
  }
  CHECK(q.empty());
}

TEST_CASE("EventQueue matches a reference priority queue under random use", "[unit][event_queue]") {
  // 10,000 pushes interleaved with pops (fixed seed). Times come from a small grid so that ties
  // in time (and in time and kind) are frequent, mixed with continuous times.
  std::mt19937_64 rng(2024);
  std::uniform_int_distribution<int> coin(0, 99), kind(0, 2), grid(0, 50);
  std::uniform_real_distribution<double> cont(0, 50);
  EventQueue q;
  q.Init(200000);  // days: `now` only grows by a few hundred here
  std::priority_queue<Ref, std::vector<Ref>, RunsLater> ref;
  uint64_t seq = 0;
  int pushes = 0, pops = 0, mismatches = 0;
  double now = 0;
  while (pushes < 10000 || !ref.empty()) {
    const bool push = pushes < 10000 && (ref.empty() || coin(rng) < 55);
    // The simulation peeks at the next event before it knows whether an arrival comes first.
    if (!q.empty() && coin(rng) < 30) CHECK(q.top().time == ref.top().time);
    if (push) {
      // Mostly at or after the last popped time (as in a simulation), sometimes anywhere.
      const double base = coin(rng) < 10 ? 0.0 : now;
      const double t = base + (coin(rng) < 50 ? grid(rng) * 0.5 : cont(rng));
      const int k = kind(rng);
      const auto id = static_cast<uint32_t>(pushes);
      q.Push(t, static_cast<EventKind>(k), id);
      ref.push(Ref{t, k, seq++, id});
      ++pushes;
    } else {
      REQUIRE(q.size() == ref.size());
      const Event e = q.Pop();
      const Ref r = ref.top();
      ref.pop();
      if (e.time != r.time || static_cast<int>(e.kind()) != r.kind || e.id() != r.id ||
          e.seq() != r.seq)
        ++mismatches;
      now = e.time;
      ++pops;
    }
  }
  CHECK(mismatches == 0);
  CHECK(pops == 10000);
  CHECK(q.empty());
}

TEST_CASE("Events before a day that top() fetched ahead still pop in order",
          "[unit][event_queue]") {
  // An empty start: the first end of care is far away, top() loads its day, and then arrivals
  // (kept outside the queue) schedule earlier ends, some on the same earlier day.
  EventQueue q;
  q.Init(1000);
  q.Push(300.5, EventKind::kEndCare, 0);
  CHECK(q.top().time == 300.5);
  q.Push(40.25, EventKind::kEndCare, 1);
  q.Push(300.25, EventKind::kEndCare, 2);
  q.Push(20.5, EventKind::kEndCare, 3);
  CHECK(q.top().time == 20.5);
  q.Push(20.25, EventKind::kReentry, 4);
  q.Push(40.75, EventKind::kEndCare, 5);
  q.Push(20.25, EventKind::kEndCare, 6);
  std::vector<uint32_t> ids;
  while (!q.empty()) ids.push_back(q.Pop().id());
  CHECK(ids == std::vector<uint32_t>{6, 4, 3, 1, 5, 2, 0});
  // Clear empties the day that was put back as well.
  q.Push(500, EventKind::kEndCare, 7);
  CHECK(q.top().time == 500);
  q.Push(10, EventKind::kEndCare, 8);
  q.Clear();
  CHECK(q.empty());
  q.Push(600, EventKind::kEndCare, 9);
  CHECK(q.Pop().id() == 9);
  CHECK(q.empty());
}

TEST_CASE("EventQueue Clear resets contents and sequence numbers", "[unit][event_queue]") {
  EventQueue q;
  q.Init(100);
  for (uint32_t i = 0; i < 50; ++i) q.Push(i * 0.25, EventKind::kChange, i);
  q.Pop();
  q.Clear();
  CHECK(q.empty());
  CHECK(q.size() == 0);
  q.Push(1.0, EventKind::kArrival, 7);
  q.Push(1.0, EventKind::kArrival, 8);
  const Event a = q.Pop();
  CHECK(a.seq() == 0);
  CHECK(a.id() == 7);
  CHECK(q.Pop().seq() == 1);
  CHECK(q.empty());
}

}  // namespace
}  // namespace sdsim
