// Pooling loops vectorise over the channel axis (innermost in NHWC). Forward passes parallelise
// over output rows; backward passes scatter into dx, so they parallelise over (image, channel
// block) pairs, which never touch the same dx element: deterministic without atomics.
#include "kernels/pool.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "core/parallel.h"

namespace fasttf::kernels {
namespace {

constexpr int64_t kChannelBlock = 64;

struct Window {
  int64_t h0, h1, w0, w1;  // valid input rows [h0, h1) and columns [w0, w1)
};

Window window_of(const Pool2dGeometry& g, int64_t oh, int64_t ow) {
  const int64_t hs = oh * g.stride_h - g.pad_top, ws = ow * g.stride_w - g.pad_left;
  return {std::max<int64_t>(hs, 0), std::min(hs + g.KH, g.H), std::max<int64_t>(ws, 0),
          std::min(ws + g.KW, g.W)};
}

int64_t row_grain(const Pool2dGeometry& g) {
  return std::max<int64_t>(1, 32768 / std::max<int64_t>(1, g.Wo * g.KH * g.KW * g.C));
}

// Calls fn(n, c0, c1) for every image and block of channels, in parallel.
template <class F>
void for_image_channel_blocks(const Pool2dGeometry& g, const F& fn) {
  const int64_t blocks = (g.C + kChannelBlock - 1) / kChannelBlock;
  parallel_for(g.N * blocks, 1, [&](int64_t b, int64_t e) {
    for (int64_t unit = b; unit < e; ++unit) {
      const int64_t n = unit / blocks, c0 = (unit % blocks) * kChannelBlock;
      fn(n, c0, std::min(g.C, c0 + kChannelBlock));
    }
  });
}

// Zeroes channels [c0, c1) of image n of dx: each parallel unit clears what it will add into.
template <class T>
void zero_channel_block(const Pool2dGeometry& g, T* dx, int64_t n, int64_t c0, int64_t c1) {
  T* image = dx + n * g.H * g.W * g.C;
  for (int64_t p = 0; p < g.H * g.W; ++p) std::fill(image + p * g.C + c0, image + p * g.C + c1, T(0));
}

}  // namespace

template <class T>
void max_pool2d_forward(const Pool2dGeometry& g, const T* x, T* y) {
  const int64_t C = g.C;
  parallel_for(g.N * g.Ho, row_grain(g), [&](int64_t b, int64_t e) {
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.Ho, oh = row % g.Ho;
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        T* out = y + (row * g.Wo + ow) * C;
        const Window win = window_of(g, oh, ow);
        std::fill(out, out + C, -std::numeric_limits<T>::infinity());
        for (int64_t ih = win.h0; ih < win.h1; ++ih)
          for (int64_t iw = win.w0; iw < win.w1; ++iw) {
            const T* in = x + ((n * g.H + ih) * g.W + iw) * C;
            for (int64_t c = 0; c < C; ++c) out[c] = in[c] > out[c] ? in[c] : out[c];
          }
      }
    }
  });
}

template <class T>
void avg_pool2d_forward(const Pool2dGeometry& g, const T* x, T* y) {
  const int64_t C = g.C;
  parallel_for(g.N * g.Ho, row_grain(g), [&](int64_t b, int64_t e) {
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.Ho, oh = row % g.Ho;
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        T* out = y + (row * g.Wo + ow) * C;
        const Window win = window_of(g, oh, ow);
        std::fill(out, out + C, T(0));
        for (int64_t ih = win.h0; ih < win.h1; ++ih)
          for (int64_t iw = win.w0; iw < win.w1; ++iw) {
            const T* in = x + ((n * g.H + ih) * g.W + iw) * C;
            for (int64_t c = 0; c < C; ++c) out[c] += in[c];
          }
        const T count = T((win.h1 - win.h0) * (win.w1 - win.w0));
        for (int64_t c = 0; c < C; ++c) out[c] /= count;
      }
    }
  });
}

// Windows that never overlap (stride >= window, the usual 2x2/2 pooling): each output row owns
// the input rows of its stride span, so dx is written (not accumulated) row-parallel, and the
// first-maximum rule is a branch-free select per channel: the gradient still `pending` goes to
// the first position equal to the max and is then cleared. Cells of dx no window covers are
// zeroed by the row that owns them.
template <class T>
void max_pool2d_backward_disjoint(const Pool2dGeometry& g, const T* x, const T* y, const T* dy,
                                  T* dx) {
  const int64_t C = g.C, W = g.W;
  parallel_for(g.N * g.Ho, row_grain(g), [&](int64_t b, int64_t e) {
    std::vector<T> pending(static_cast<size_t>(C));
    for (int64_t row = b; row < e; ++row) {
      const int64_t n = row / g.Ho, oh = row % g.Ho;
      // Input rows owned by this output row: its stride span, widened to the image edges for
      // the first and last output rows.
      const int64_t span0 = oh == 0 ? 0 : std::max<int64_t>(oh * g.stride_h - g.pad_top, 0);
      const int64_t span1 = oh == g.Ho - 1
                                ? g.H
                                : std::min(g.H, (oh + 1) * g.stride_h - g.pad_top);
      const Window rows = window_of(g, oh, 0);
      T* image = dx + n * g.H * W * C;
      for (int64_t ih = span0; ih < span1; ++ih)
        if (ih < rows.h0 || ih >= rows.h1) std::fill(image + ih * W * C, image + (ih + 1) * W * C, T(0));
      for (int64_t ih = rows.h0; ih < rows.h1; ++ih) {  // columns between/after windows
        T* line = image + ih * W * C;
        int64_t cursor = 0;
        for (int64_t ow = 0; ow < g.Wo; ++ow) {
          const Window win = window_of(g, oh, ow);
          if (win.w0 > cursor) std::fill(line + cursor * C, line + win.w0 * C, T(0));
          cursor = std::max(cursor, win.w1);
        }
        if (cursor < W) std::fill(line + cursor * C, line + W * C, T(0));
      }
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        const Window win = window_of(g, oh, ow);
        const int64_t at = (row * g.Wo + ow) * C;
        const T* top = y + at;
        T* left = pending.data();
        std::copy(dy + at, dy + at + C, left);
        for (int64_t ih = win.h0; ih < win.h1; ++ih)
          for (int64_t iw = win.w0; iw < win.w1; ++iw) {
            const int64_t pos = ((n * g.H + ih) * W + iw) * C;
            const T* in = x + pos;
            T* out = dx + pos;
            for (int64_t c = 0; c < C; ++c) {
              const bool hit = in[c] == top[c];
              out[c] = hit ? left[c] : T(0);
              left[c] = hit ? T(0) : left[c];
            }
          }
      }
    }
  });
}

template <class T>
void max_pool2d_backward(const Pool2dGeometry& g, const T* x, const T* y, const T* dy, T* dx) {
  if (g.stride_h >= g.KH && g.stride_w >= g.KW && g.Ho > 0 && g.Wo > 0)
    return max_pool2d_backward_disjoint(g, x, y, dy, dx);
  const int64_t C = g.C;
  for_image_channel_blocks(g, [&](int64_t n, int64_t c0, int64_t c1) {
    const int64_t width = c1 - c0;
    zero_channel_block(g, dx, n, c0, c1);
    T left[kChannelBlock];
    for (int64_t oh = 0; oh < g.Ho; ++oh)
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        const Window win = window_of(g, oh, ow);
        const int64_t at = ((n * g.Ho + oh) * g.Wo + ow) * C + c0;
        const T* top = y + at;
        std::copy(dy + at, dy + at + width, left);
        for (int64_t ih = win.h0; ih < win.h1; ++ih)
          for (int64_t iw = win.w0; iw < win.w1; ++iw) {
            const int64_t pos = ((n * g.H + ih) * g.W + iw) * C + c0;
            const T* in = x + pos;
            T* out = dx + pos;
            for (int64_t c = 0; c < width; ++c) {  // the first element equal to the max wins
              const bool hit = in[c] == top[c];
              out[c] += hit ? left[c] : T(0);
              left[c] = hit ? T(0) : left[c];
            }
          }
      }
  });
}

template <class T>
void avg_pool2d_backward(const Pool2dGeometry& g, const T* dy, T* dx) {
  const int64_t C = g.C;
  for_image_channel_blocks(g, [&](int64_t n, int64_t c0, int64_t c1) {
    zero_channel_block(g, dx, n, c0, c1);
    for (int64_t oh = 0; oh < g.Ho; ++oh)
      for (int64_t ow = 0; ow < g.Wo; ++ow) {
        const Window win = window_of(g, oh, ow);
        const T count = T((win.h1 - win.h0) * (win.w1 - win.w0));
        const T* grad = dy + ((n * g.Ho + oh) * g.Wo + ow) * C;
        for (int64_t ih = win.h0; ih < win.h1; ++ih)
          for (int64_t iw = win.w0; iw < win.w1; ++iw) {
            T* out = dx + ((n * g.H + ih) * g.W + iw) * C;
            for (int64_t c = c0; c < c1; ++c) out[c] += grad[c] / count;
          }
      }
  });
}

#define FASTTF_INSTANTIATE_POOL(T)                                                    \
  template void max_pool2d_forward<T>(const Pool2dGeometry&, const T*, T*);          \
  template void avg_pool2d_forward<T>(const Pool2dGeometry&, const T*, T*);          \
  template void max_pool2d_backward<T>(const Pool2dGeometry&, const T*, const T*, const T*, T*); \
  template void avg_pool2d_backward<T>(const Pool2dGeometry&, const T*, T*);
FASTTF_INSTANTIATE_POOL(float)
FASTTF_INSTANTIATE_POOL(double)
#undef FASTTF_INSTANTIATE_POOL

}  // namespace fasttf::kernels
