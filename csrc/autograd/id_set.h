// A set of tensor ids (nonzero uint64) with open addressing: the tape inserts every recorded
// op's outputs and looks up every input, and a node-based std::unordered_set would allocate on
// each insert. Ids come from a counter, so a multiplicative hash spreads them well.
#pragma once
#include <cstdint>
#include <vector>

namespace fasttf::autograd {

class IdSet {
 public:
  bool contains(uint64_t id) const {
    if (count_ == 0) return false;
    for (size_t i = slot(id);; i = (i + 1) & mask()) {
      if (slots_[i] == id) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }
  // Returns true when the id was not there before.
  bool insert(uint64_t id) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    for (size_t i = slot(id);; i = (i + 1) & mask()) {
      if (slots_[i] == id) return false;
      if (slots_[i] == kEmpty) {
        slots_[i] = id;
        ++count_;
        return true;
      }
    }
  }
  void clear() {
    slots_.clear();
    count_ = 0;
  }

 private:
  static constexpr uint64_t kEmpty = 0;  // tensor ids start at 1
  size_t mask() const { return slots_.size() - 1; }
  size_t slot(uint64_t id) const {
    return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> 32) & mask();
  }
  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, kEmpty);
    count_ = 0;
    for (uint64_t id : old)
      if (id != kEmpty) insert(id);
  }

  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

}  // namespace fasttf::autograd
