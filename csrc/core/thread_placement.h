// Keeps an OpenMP helper off its caller's CPU. Linux at times wakes a helper on the CPU its
// caller runs on and leaves both there while another allowed CPU idles: measured here for whole
// runs of 12 ms products (1024^3 GEMM at one-thread speed, the other core idle) once other
// libraries' thread pools had run in the process. Binding threads (OMP_PROC_BIND) cures it but
// pins the user's main thread; instead a helper that finds itself on the caller's CPU steps off.
#pragma once

namespace fasttf::cpu {

int current_cpu();  // -1 where unknown

// Called by a helper thread: if it runs on `caller_cpu` and its affinity allows another CPU,
// the kernel moves it there (affinity narrowed, then the original mask restored). No-op otherwise.
void step_off_cpu(int caller_cpu);

}  // namespace fasttf::cpu
