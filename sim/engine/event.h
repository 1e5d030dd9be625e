// Event: one scheduled happening in a replication, and the documented order of events.
//
// Events are ordered by (time, priority of their kind, insertion sequence). The priority decides
// what happens first when two events fall on exactly the same time:
//
//   0 kEndCare    a care episode (or assessment) ends, or reaches an age limit or a Wlz exit;
//                 the place is freed first, so that a client waiting for it (or arriving at the
//                 same moment) can start at once
//   1 kChange     a scheduled capacity change takes effect before anyone tries to start; a
//                 reassessment lever's review date (everyone in care in its forms is reviewed)
//   2 kEscalate   a waiting client's wait has become too long: moves to a heavier form, or to
//                 the overflow form at the maximum wait (open-end care)
//   3 kArrival    a new request arrives from a source (arrivals are kept outside the heap, one
//                 pending time per source, but take this place in the order; two sources' arrivals
//                 at the same instant go in source order)
//   4 kReentry    a former client comes back
//   5 kRenewal    a client's beschikking is up for renewal and reviewed by a reassessment lever
//
// Among events of the same kind at the same time, the one scheduled first runs first. Nothing is
// ever decided by a random tie-break. Period-end snapshots (counts by age band, time in the
// domain) are taken before any event at or after the period's end time.
//
// An Event is 16 bytes: the time plus one word that packs kind (3 bits), sequence (35 bits) and
// subject id (26 bits: a client slot, a source or a node).
#pragma once

#include <cstdint>

namespace sdsim {

enum class EventKind : uint8_t {
  kEndCare = 0,
  kChange = 1,
  kEscalate = 2,
  kArrival = 3,
  kReentry = 4,
  kRenewal = 5
};

struct Event {
  double time;
  uint64_t packed;

  static constexpr int kIdBits = 26;
  static constexpr int kSeqBits = 35;
  static constexpr uint64_t kMaxId = (uint64_t{1} << kIdBits) - 1;
  static constexpr uint64_t kMaxSeq = (uint64_t{1} << kSeqBits) - 1;

  static Event Make(double time, EventKind kind, uint64_t seq, uint32_t id) {
    return Event{time, (uint64_t{static_cast<uint8_t>(kind)} << 61) | (seq << kIdBits) | id};
  }
  EventKind kind() const { return static_cast<EventKind>(packed >> 61); }
  uint64_t seq() const { return (packed >> kIdBits) & kMaxSeq; }
  uint32_t id() const { return static_cast<uint32_t>(packed & kMaxId); }

  // True if this event runs before `o`.
  bool Before(const Event& o) const {
    return time < o.time || (time == o.time && packed < o.packed);
  }
};
static_assert(sizeof(Event) == 16);

}  // namespace sdsim
