// Run-time CPU feature detection. Kernels compiled per instruction set (files *_avx512.cpp,
// *_avx2.cpp) are chosen from best_isa(); FASTTF_ISA=avx512|avx2|scalar forces a lower path
// (for tests that compare the paths). Never higher than the CPU supports.
#pragma once

namespace fasttf::cpu {

enum class Isa { Scalar = 0, Avx2 = 1, Avx512 = 2 };

Isa best_isa();               // detected once, honours FASTTF_ISA
const char* isa_name(Isa isa);

// Flush denormals to zero (FTZ) and treat denormal inputs as zero (DAZ) on the calling thread.
void enable_flush_denormals();

}  // namespace fasttf::cpu
