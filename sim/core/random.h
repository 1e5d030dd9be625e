// Random streams: one Boost.Random engine per (seed, replication, purpose).
//
// A replication's draws depend only on the run seed, the replication index and a stable key for
// the purpose (e.g. "durations of form jeugd.verblijf"), never on the thread that runs it or on
// other replications. Keys are hashes of names, not indices, so two scenarios that share a form
// draw the same numbers for it (common random numbers).
//
// A Stream is owned by one replication and is not thread-safe.
#pragma once

#include <boost/random/mersenne_twister.hpp>
#include <cstdint>
#include <string_view>

namespace sdsim {

using Engine = boost::random::mt19937_64;

// SplitMix64 finaliser: a bijective 64-bit mixer.
inline uint64_t Mix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a of a purpose name; stable across platforms and releases (it is part of the
// reproducibility contract: changing it changes every result).
inline uint64_t PurposeKey(std::string_view purpose) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : purpose) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// The 64-bit engine seed for (seed, replication, purpose).
inline uint64_t StreamSeed(uint64_t seed, uint64_t replication, uint64_t purpose_key) {
  return Mix64(Mix64(Mix64(seed) ^ replication) ^ purpose_key);
}

class Stream {
 public:
  Stream() = default;
  void Seed(uint64_t seed, uint64_t replication, uint64_t purpose_key) {
    engine_.seed(StreamSeed(seed, replication, purpose_key));
  }
  // Uniform on [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform on (0, 1]: safe for log().
  double UniformPositive() { return 1.0 - Uniform(); }
  Engine& engine() { return engine_; }

 private:
  Engine engine_;
};

}  // namespace sdsim
