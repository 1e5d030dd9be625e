// Unit tests for engine/fifo: first-in first-out order through growth, wrap-around and Clear.
#include "engine/fifo.h"

#include <catch2/catch.hpp>
#include <deque>
#include <random>

namespace sdsim {
namespace {

TEST_CASE("Fifo keeps order while growing", "[unit][fifo]") {
  Fifo f;
  CHECK(f.empty());
  for (uint32_t i = 0; i < 1000; ++i) f.Push(i);
  CHECK(f.size() == 1000);
  for (uint32_t i = 0; i < 1000; ++i) CHECK(f.Pop() == i);
  CHECK(f.empty());
}

TEST_CASE("Fifo keeps order when it grows while wrapped around", "[unit][fifo]") {
  Fifo f;
  uint32_t next_in = 0, next_out = 0;
  for (int i = 0; i < 12; ++i) f.Push(next_in++);
  for (int i = 0; i < 10; ++i) CHECK(f.Pop() == next_out++);
  // The head is now at slot 10 of 16: these pushes wrap around, then force a growth.
  for (int i = 0; i < 30; ++i) f.Push(next_in++);
  CHECK(f.size() == 32);
  while (!f.empty()) CHECK(f.Pop() == next_out++);
  CHECK(next_out == next_in);
}

TEST_CASE("Fifo matches std::deque under random use", "[unit][fifo]") {
  std::mt19937 rng(99);
  std::uniform_int_distribution<int> coin(0, 99);
  Fifo f;
  std::deque<uint32_t> ref;
  int mismatches = 0;
  for (uint32_t i = 0; i < 100000; ++i) {
    // Phases that mostly push, then mostly pop, so the size swings and the ring wraps often.
    const int push_pct = (i / 5000) % 2 == 0 ? 60 : 40;
    if (ref.empty() || coin(rng) < push_pct) {
      f.Push(i);
      ref.push_back(i);
    } else {
      if (f.Pop() != ref.front()) ++mismatches;
      ref.pop_front();
    }
    if (f.size() != ref.size()) ++mismatches;
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Fifo Clear empties it and it stays usable", "[unit][fifo]") {
  Fifo f;
  for (uint32_t i = 0; i < 40; ++i) f.Push(i);
  for (int i = 0; i < 7; ++i) f.Pop();
  f.Clear();
  CHECK(f.empty());
  CHECK(f.size() == 0);
  for (uint32_t i = 100; i < 200; ++i) f.Push(i);
  for (uint32_t i = 100; i < 200; ++i) CHECK(f.Pop() == i);
  CHECK(f.empty());
}

}  // namespace
}  // namespace sdsim
