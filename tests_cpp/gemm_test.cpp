// Build (from the repository root; one line):
// mkdir -p /tmp/gemm_test && F="-std=c++17 -O3 -Wall -Wextra -fno-math-errno -fopenmp -Icsrc" && g++ $F -mavx512f -mavx512bw -mavx512dq -mavx512vl -mfma -mavx2 -mf16c -c csrc/kernels/gemm_avx512.cpp -o /tmp/gemm_test/a512.o && g++ $F -mavx2 -mfma -mf16c -c csrc/kernels/gemm_avx2.cpp -o /tmp/gemm_test/a2.o && g++ $F tests_cpp/gemm_test.cpp csrc/kernels/gemm.cpp csrc/kernels/gemm_portable.cpp csrc/core/cpu.cpp /tmp/gemm_test/a512.o /tmp/gemm_test/a2.o -o /tmp/gemm_test/gemm_test
//
// Usage: gemm_test check      correctness + 1-vs-2-thread bitwise equality, current ISA
//        gemm_test all        `check` under FASTTF_ISA=avx512, avx2, scalar (re-executes)
//        gemm_test bench [reps]  GFLOP/s medians (threads from OMP_NUM_THREADS)
// Standalone: needs only the gemm kernel files and core/cpu.cpp, no pybind11.
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/cpu.h"
#include "kernels/gemm.h"

using fasttf::kernels::GemmEpilogue;
using fasttf::kernels::gemm;
using fasttf::kernels::gemm_batched;

namespace {

int g_failures = 0;
int g_cases = 0;

// A strided operand: rows×cols logical matrix stored row-major (trans=false) or as its
// transpose (trans=true), with a leading dimension padded by `pad` so ld != dims is covered.
// The vector holds exactly the elements addressed, so any overread shows up under ASan.
template <class T>
struct Operand {
  std::vector<T> data;
  int64_t rs = 0, cs = 0;
  Operand(int64_t rows, int64_t cols, bool trans, int64_t pad, std::mt19937& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    int64_t ld = (trans ? rows : cols) + pad;
    int64_t outer = trans ? cols : rows, inner = trans ? rows : cols;
    data.assign(outer > 0 && inner > 0 ? (outer - 1) * ld + inner : 0, T(0));
    for (auto& v : data) v = T(u(rng));
    rs = trans ? 1 : ld;
    cs = trans ? ld : 1;
  }
  T at(int64_t i, int64_t j) const { return data[i * rs + j * cs]; }
  const T* ptr() const { return data.empty() ? nullptr : data.data(); }
};

struct Case {
  int64_t M, N, K;
  bool ta, tb, accumulate, bias, relu;
};

template <class T>
bool check_case(const Case& cs, std::mt19937& rng) {
  ++g_cases;
  Operand<T> A(cs.M, cs.K, cs.ta, cs.M % 3, rng), B(cs.K, cs.N, cs.tb, cs.N % 2, rng);
  const int64_t ldc = cs.N + (cs.M % 2);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<T> c0(cs.M > 0 ? (cs.M - 1) * ldc + cs.N : 0), bias(cs.N);
  for (auto& v : c0) v = T(u(rng));
  for (auto& v : bias) v = T(u(rng));
  std::vector<T> c = c0;
  gemm<T>(cs.M, cs.N, cs.K, A.ptr(), A.rs, A.cs, B.ptr(), B.rs, B.cs, c.data(), ldc,
          cs.accumulate, cs.bias ? bias.data() : nullptr,
          cs.relu ? GemmEpilogue::Relu : GemmEpilogue::None);
  const double eps = std::numeric_limits<T>::epsilon();
  for (int64_t i = 0; i < cs.M; ++i) {
    for (int64_t j = 0; j < cs.N; ++j) {
      double ref = 0, mag = 0;
      for (int64_t k = 0; k < cs.K; ++k) {
        double t = double(A.at(i, k)) * double(B.at(k, j));
        ref += t;
        mag += std::fabs(t);
      }
      if (cs.accumulate) ref += c0[i * ldc + j], mag += std::fabs(c0[i * ldc + j]);
      if (cs.bias) ref += bias[j], mag += std::fabs(bias[j]);
      if (cs.relu) ref = std::max(ref, 0.0);
      double got = c[i * ldc + j];
      if (!(std::fabs(got - ref) <= (cs.K + 3) * eps * mag + 1e-30)) {
        std::printf("FAIL %s M=%ld N=%ld K=%ld ta=%d tb=%d acc=%d bias=%d relu=%d at (%ld,%ld): "
                    "got %.9g want %.9g\n",
                    sizeof(T) == 4 ? "f32" : "f64", long(cs.M), long(cs.N), long(cs.K), cs.ta,
                    cs.tb, cs.accumulate, cs.bias, cs.relu, long(i), long(j), got, ref);
        ++g_failures;
        return false;
      }
    }
    // Padding columns between rows of C must be untouched.
    for (int64_t j = cs.N; j < ldc && i + 1 < cs.M; ++j)
      if (c[i * ldc + j] != c0[i * ldc + j]) {
        std::printf("FAIL wrote C padding M=%ld N=%ld K=%ld\n", long(cs.M), long(cs.N), long(cs.K));
        ++g_failures;
        return false;
      }
  }
  return true;
}

// Same product with 1 and with 2 threads must give bitwise equal C.
template <class T>
void check_determinism(int64_t M, int64_t N, int64_t K, bool ta, bool tb, std::mt19937& rng) {
  ++g_cases;
  Operand<T> A(M, K, ta, 0, rng), B(K, N, tb, 0, rng);
  std::vector<T> bias(N, T(0.25)), c1(M * N), c2(M * N);
  omp_set_num_threads(1);
  gemm<T>(M, N, K, A.ptr(), A.rs, A.cs, B.ptr(), B.rs, B.cs, c1.data(), N, false, bias.data(),
          GemmEpilogue::Relu);
  omp_set_num_threads(2);
  gemm<T>(M, N, K, A.ptr(), A.rs, A.cs, B.ptr(), B.rs, B.cs, c2.data(), N, false, bias.data(),
          GemmEpilogue::Relu);
  if (std::memcmp(c1.data(), c2.data(), c1.size() * sizeof(T))) {
    std::printf("FAIL determinism %s M=%ld N=%ld K=%ld ta=%d tb=%d\n",
                sizeof(T) == 4 ? "f32" : "f64", long(M), long(N), long(K), ta, tb);
    ++g_failures;
  }
}

// Batched product against per-item gemm calls (bitwise), including a broadcast operand.
template <class T>
void check_batched(int64_t batch, int64_t M, int64_t N, int64_t K, bool broadcast_b,
                   std::mt19937& rng) {
  ++g_cases;
  Operand<T> A(batch * M, K, false, 0, rng), B(K, N * (broadcast_b ? 1 : batch), false, 0, rng);
  const int64_t b_bs = broadcast_b ? 0 : N;  // items side by side in B's columns
  std::vector<T> c1(batch * M * N, T(1)), c2 = c1;
  gemm_batched<T>(batch, M, N, K, A.ptr(), M * K, A.rs, A.cs, B.ptr(), b_bs, B.rs, B.cs,
                  c1.data(), M * N, N, true);
  for (int64_t i = 0; i < batch; ++i)
    gemm<T>(M, N, K, A.ptr() + i * M * K, A.rs, A.cs, B.ptr() + i * b_bs, B.rs, B.cs,
            c2.data() + i * M * N, N, true);
  if (std::memcmp(c1.data(), c2.data(), c1.size() * sizeof(T))) {
    std::printf("FAIL batched %s batch=%ld M=%ld N=%ld K=%ld\n", sizeof(T) == 4 ? "f32" : "f64",
                long(batch), long(M), long(N), long(K));
    ++g_failures;
  }
}

template <class T>
void check_all(std::mt19937& rng) {
  const int64_t small[] = {1, 7, 17, 31, 33, 65, 127};
  int variant = 0;
  for (int64_t M : small)
    for (int64_t N : small)
      for (int64_t K : small)
        for (int t = 0; t < 4; ++t, ++variant)
          check_case<T>({M, N, K, bool(t & 1), bool(t & 2), bool(variant % 3 == 0),
                         bool(variant % 5 < 2), bool(variant % 7 < 3)}, rng);
  const int64_t big[][3] = {{255, 255, 255}, {1023, 33, 65}, {33, 1023, 255}, {255, 1023, 31},
                            {65, 127, 1023}, {1023, 17, 1023}, {7, 1023, 1023}, {300, 500, 700},
                            {128, 256, 784}, {784, 256, 128}, {128, 784, 256}, {128, 10, 256},
                            {1, 1023, 1}, {1023, 1, 255}, {4100, 40, 300}, {2100, 17, 200},
                            {400, 300, 1000}};
  for (auto& s : big)
    for (int t = 0; t < 4; ++t, ++variant)
      check_case<T>({s[0], s[1], s[2], bool(t & 1), bool(t & 2), bool(t == 1), t >= 2, t == 3},
                    rng);
  // Last row panels that an edge kernel covers exactly (A read in place) or with padding
  // (packed first), for the wide and the narrow tiles of every ISA.
  for (int64_t M : {2, 4, 8, 16, 18, 22, 36, 44, 60, 128, 1026})
    for (int64_t N : {10, 33})
      for (int t = 0; t < 4; ++t, ++variant)
        check_case<T>({M, N, 129, bool(t & 1), bool(t & 2), bool(variant % 3 == 0),
                       bool(variant % 5 < 2), bool(variant % 7 < 3)}, rng);
  for (int64_t M : {1, 17, 65})  // K == 0
    for (int64_t N : {1, 33})
      for (int t = 0; t < 8; ++t)
        check_case<T>({M, N, 0, false, false, bool(t & 1), bool(t & 2), bool(t & 4)}, rng);
  check_case<T>({0, 5, 5, false, false, false, true, false}, rng);
  check_case<T>({5, 0, 5, false, false, false, true, false}, rng);
  // Covers both thread grids (N split with shared A, M split with private A), several M and
  // K blocks, and the narrow kernel; repeated because a race shows up only sometimes.
  const int64_t det[][3] = {{255, 255, 255}, {1023, 127, 511}, {127, 1023, 1000},
                            {300, 500, 700}, {128, 784, 256}, {1000, 40, 900},
                            {4100, 40, 500}, {2100, 17, 300}, {5000, 9, 100},
                            {400, 300, 1000}};
  for (int rep = 0; rep < 3; ++rep)
    for (auto& s : det)
      for (int t = 0; t < 4; ++t) check_determinism<T>(s[0], s[1], s[2], t & 1, t & 2, rng);
  check_batched<T>(5, 17, 33, 65, false, rng);
  check_batched<T>(3, 128, 200, 300, true, rng);
  check_batched<T>(4, 1, 7, 0, false, rng);
}

int run_check() {
  std::mt19937 rng(1234);
  const int saved = omp_get_max_threads();
  check_all<float>(rng);
  check_all<double>(rng);
  omp_set_num_threads(saved);
  std::printf("isa=%s: %d cases, %d failures\n",
              fasttf::cpu::isa_name(fasttf::cpu::best_isa()), g_cases, g_failures);
  return g_failures ? 1 : 0;
}

int run_all(const char* self) {
  int rc = 0;
  for (const char* isa : {"avx512", "avx2", "scalar"}) {
    std::string cmd = std::string("FASTTF_ISA=") + isa + " " + self + " check";
    rc |= std::system(cmd.c_str());
  }
  std::printf(rc ? "SOME ISA FAILED\n" : "ALL ISAS PASSED\n");
  return rc ? 1 : 0;
}

// ---- benchmark ----

struct BenchShape {
  const char* name;
  int64_t M, N, K;
  bool ta, tb;
};

template <class T>
double median_seconds(const BenchShape& s, int reps) {
  std::mt19937 rng(7);
  Operand<T> A(s.M, s.K, s.ta, 0, rng), B(s.K, s.N, s.tb, 0, rng);
  std::vector<T> c(s.M * s.N);
  const double flop = 2.0 * s.M * s.N * s.K;
  // Each sample repeats the call enough to last ~20 ms, so timer overhead does not matter.
  const int inner = std::max<int>(1, int(4e9 / flop) > 0 ? int(std::min(2e4, 4e9 / flop)) : 1);
  std::vector<double> samples;
  for (int r = -1; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < inner; ++i)
      gemm<T>(s.M, s.N, s.K, A.ptr(), A.rs, A.cs, B.ptr(), B.rs, B.cs, c.data(), s.N, false);
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r >= 0) samples.push_back(dt / inner);  // r == -1 is the warm-up
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

int run_bench(int reps) {
  const BenchShape shapes[] = {
      {"64^3", 64, 64, 64, false, false},
      {"128x784x256 fwd", 128, 256, 784, false, false},
      {"784x128x256 x^T.g", 784, 256, 128, true, false},
      {"128x256x784 g.W^T", 128, 784, 256, false, true},
      {"128x256x10", 128, 10, 256, false, false},
      {"1024^3", 1024, 1024, 1024, false, false},
      {"2048^3", 2048, 2048, 2048, false, false},
  };
  std::printf("isa=%s threads=%d\n", fasttf::cpu::isa_name(fasttf::cpu::best_isa()),
              omp_get_max_threads());
  for (const auto& s : shapes) {
    double t = median_seconds<float>(s, reps);
    std::printf("%-20s %10.2f us %8.1f GFLOP/s\n", s.name, t * 1e6,
                2.0 * s.M * s.N * s.K / t * 1e-9);
  }
  const BenchShape d{"dgemm 1024^3", 1024, 1024, 1024, false, false};
  double t = median_seconds<double>(d, reps);
  std::printf("%-20s %10.2f us %8.1f GFLOP/s\n", d.name, t * 1e6, 2.0 * d.M * d.N * d.K / t * 1e-9);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "check";
  if (mode == "check") return run_check();
  if (mode == "all") return run_all(argv[0]);
  if (mode == "bench") return run_bench(argc > 2 ? std::atoi(argv[2]) : 7);
  std::printf("usage: %s check|all|bench [reps]\n", argv[0]);
  return 2;
}
