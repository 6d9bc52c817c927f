// Caching, 64-byte-aligned allocator for tensor storage. Fresh pages cost a page fault per 4 KiB
// on first touch, so freed blocks are kept in per-size free lists and handed out again; the
// cache is bounded and can be emptied with release_cache().
#pragma once
#include <cstddef>

namespace fasttf::allocator {

void* allocate(size_t nbytes);          // throws ResourceExhausted when memory runs out
void deallocate(void* ptr, size_t nbytes);
size_t cached_bytes();
void release_cache();

}  // namespace fasttf::allocator
