// ThreadSanitizer annotations for hand-offs it cannot see: oneTBB's scheduler lives in the
// uninstrumented libtbb.so, so TSan misses the ordering it guarantees between pipeline stages
// (e.g. the in-order sink running on different threads one after another) and reports races
// that cannot happen. HappensBefore(p) at the end of a stage and HappensAfter(p) at the start
// of the next tell it about that ordering. Without -fsanitize=thread both are empty.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define SDSIM_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SDSIM_UNDER_TSAN 1
#endif
#endif

#ifdef SDSIM_UNDER_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace sdsim {

inline void HappensBefore([[maybe_unused]] void* sync) {
#ifdef SDSIM_UNDER_TSAN
  __tsan_release(sync);
#endif
}

inline void HappensAfter([[maybe_unused]] void* sync) {
#ifdef SDSIM_UNDER_TSAN
  __tsan_acquire(sync);
#endif
}

}  // namespace sdsim
