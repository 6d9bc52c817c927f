// Runtime controls: threads, the allocator cache, the instruction set in use.
#include <omp.h>

#include "bindings/bindings.h"
#include "core/allocator.h"
#include "core/cpu.h"

namespace fasttf::bindings {

void bind_runtime(pybind11::module_& m) {
  m.def("set_num_threads", [](int n) { omp_set_num_threads(n > 0 ? n : 1); });
  m.def("get_num_threads", []() { return omp_get_max_threads(); });
  m.def("cached_bytes", &allocator::cached_bytes, "Bytes held by the allocator's free-block cache.");
  m.def("release_cache", &allocator::release_cache, "Returns cached free blocks to the system.");
  m.def("isa", []() { return std::string(cpu::isa_name(cpu::best_isa())); },
        "The instruction set the kernels use (avx512, avx2 or scalar).");
  cpu::enable_flush_denormals();
}

}  // namespace fasttf::bindings
