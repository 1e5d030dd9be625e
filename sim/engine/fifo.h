// Fifo: a ring-buffer queue (a node's waiting list) that keeps its storage across Clear(), so
// reused simulations do not allocate. Entries are 64-bit (a client slot and a ticket). Not
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sdsim {

class Fifo {
 public:
  void Clear() { head_ = size_ = 0; }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void Push(uint64_t v) {
    if (size_ == buf_.size()) Grow();
    buf_[(head_ + size_) & (buf_.size() - 1)] = v;
    ++size_;
  }
  uint64_t Pop() {
    const uint64_t v = buf_[head_];
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
    return v;
  }

 private:
  void Grow() {
    std::vector<uint64_t> next(buf_.empty() ? 16 : buf_.size() * 2);
    for (size_t i = 0; i < size_; ++i) next[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    buf_.swap(next);
    head_ = 0;
  }
  std::vector<uint64_t> buf_;  // size is a power of two
  size_t head_ = 0, size_ = 0;
};

}  // namespace sdsim
