#include "core/allocator.h"

#include <sys/mman.h>

#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace fasttf::allocator {
namespace {

constexpr size_t kAlignment = 64;
constexpr size_t kMaxCachedBytes = size_t(1) << 30;  // keep at most 1 GiB of free blocks

// Rounds a request to a size class: multiples of 64 bytes below 4 KiB, then four classes per
// power of two, so that a reused block wastes at most 25%.
size_t size_class(size_t n) {
  if (n <= 4096) return (n + kAlignment - 1) & ~(kAlignment - 1);
  size_t p = size_t(1) << (63 - __builtin_clzll(n - 1));  // largest power of two below n
  size_t step = p / 4;
  return (n + step - 1) / step * step;
}

struct Cache {
  std::mutex mutex;
  std::unordered_map<size_t, std::vector<void*>> free_blocks;
  size_t bytes = 0;
};

Cache& cache() {
  static Cache* c = new Cache();  // never destroyed: tensors may outlive static destruction
  return *c;
}

// Small blocks (the storage of scalars and tiny tensors) are recycled through a per-thread
// cache first: no lock on the path that bounds the per-op overhead.
constexpr size_t kSmallLimit = 4096;
constexpr size_t kSmallClasses = kSmallLimit / kAlignment;
constexpr size_t kSmallPerClass = 64;

struct SmallCache {
  std::vector<void*> blocks[kSmallClasses];
  ~SmallCache() {
    for (auto& list : blocks)
      for (void* p : list) std::free(p);
  }
};

SmallCache& small_cache() {
  static thread_local SmallCache c;
  return c;
}

// Blocks of 2 MiB or more start on a 2 MiB boundary and are marked for transparent huge pages:
// a kernel streaming through them then takes one TLB miss per 2 MiB instead of one per 4 KiB
// (a 64 MB max ran ~1.6x faster so; NumPy marks its large arrays the same way). Where the
// system serves huge pages only on request ("madvise" mode), this is the request.
constexpr size_t kHugePage = size_t(2) << 20;

void* fresh_block(size_t cls) {
  const size_t alignment = cls >= kHugePage ? kHugePage : kAlignment;
  void* p = nullptr;
  if (posix_memalign(&p, alignment, cls) != 0) return nullptr;
#ifdef MADV_HUGEPAGE
  if (alignment == kHugePage) madvise(p, cls, MADV_HUGEPAGE);  // advice only: failure is fine
#endif
  return p;
}

}  // namespace

void* allocate(size_t nbytes) {
  size_t cls = size_class(nbytes == 0 ? kAlignment : nbytes);
  if (cls <= kSmallLimit) {
    auto& list = small_cache().blocks[cls / kAlignment - 1];
    if (!list.empty()) {
      void* p = list.back();
      list.pop_back();
      return p;
    }
  }
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.free_blocks.find(cls);
    if (it != c.free_blocks.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      c.bytes -= cls;
      return p;
    }
  }
  void* p = fresh_block(cls);
  if (!p) {
    release_cache();
    p = fresh_block(cls);
    if (!p) fail<ResourceExhausted>("out of memory allocating ", nbytes, " bytes");
  }
  return p;
}

void deallocate(void* ptr, size_t nbytes) {
  if (!ptr) return;
  size_t cls = size_class(nbytes == 0 ? kAlignment : nbytes);
  if (cls <= kSmallLimit) {
    auto& list = small_cache().blocks[cls / kAlignment - 1];
    if (list.size() < kSmallPerClass) {
      list.push_back(ptr);
      return;
    }
  }
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    if (c.bytes + cls <= kMaxCachedBytes) {
      c.free_blocks[cls].push_back(ptr);
      c.bytes += cls;
      return;
    }
  }
  std::free(ptr);
}

size_t cached_bytes() {
  std::lock_guard<std::mutex> lock(cache().mutex);
  return cache().bytes;
}

void release_cache() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (auto& [cls, blocks] : c.free_blocks)
    for (void* p : blocks) std::free(p);
  c.free_blocks.clear();
  c.bytes = 0;
}

}  // namespace fasttf::allocator
