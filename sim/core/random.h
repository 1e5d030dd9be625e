// Random streams: one engine per (seed, replication, purpose).
//
// A replication's draws depend only on the run seed, the replication index and a stable key for
// the purpose (e.g. "durations of form jeugd.verblijf"), never on the thread that runs it or on
// other replications. Keys are hashes of names, not indices, so two scenarios that share a form
// draw the same numbers for it (common random numbers).
//
// The engine is xoshiro256++ (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4)): 256 bits of state, period 2^256 - 1, passes BigCrush and
// PractRand. Its state is filled from the 64-bit stream seed with SplitMix64, as its authors
// recommend, so distinct seeds start at unrelated points of the period. Seeding costs four
// mixes (a Mersenne Twister fills 312 words); a replication seeds dozens of streams.
//
// A Stream is owned by one replication and is not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace sdsim {

// SplitMix64 finaliser: a bijective 64-bit mixer.
inline uint64_t Mix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// xoshiro256++ as a uniform random bit generator (usable by Boost.Random and <random>
// distributions).
class Xoshiro256pp {
 public:
  using result_type = uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~uint64_t{0}; }

  Xoshiro256pp() { seed(0); }
  // The state is the first four SplitMix64 outputs from `x` (never all zero: Mix64 is bijective).
  void seed(uint64_t x) {
    for (int i = 0; i < 4; ++i) s_[i] = Mix64(x + static_cast<uint64_t>(i) * 0x9e3779b97f4a7c15ULL);
  }
  // Sets the state directly (tests against the reference implementation); not all zero.
  void set_state(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    s_[0] = a;
    s_[1] = b;
    s_[2] = c;
    s_[3] = d;
  }
  result_type operator()() {
    const uint64_t result = Rotl(s_[0] + s_[3], 23) + s_[0];
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

using Engine = Xoshiro256pp;

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
