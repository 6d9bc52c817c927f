// Combining and rearranging ops: concat, stack, split, unstack, tile, reverse, pad.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/tensor.h"

namespace fasttf::ops {

enum class PadMode { Constant, Reflect, Symmetric };
using Paddings = std::vector<std::array<int64_t, 2>>;  // (before, after) per dimension

// tf.concat along axis; same dtype and rank, equal shapes except along axis.
Tensor concat(const std::vector<Tensor>& values, int64_t axis);
// tf.stack: equal shapes, new axis in [-(rank+1), rank].
Tensor stack(const std::vector<Tensor>& values, int64_t axis);
// tf.split with explicit sizes (one may be -1, inferred); views of x.
std::vector<Tensor> split(const Tensor& x, const std::vector<int64_t>& sizes, int64_t axis);
// tf.split into num equal pieces (num must divide the dimension).
std::vector<Tensor> split_even(const Tensor& x, int64_t num, int64_t axis);
// tf.unstack; num (when >= 0) must equal the dimension.
std::vector<Tensor> unstack(const Tensor& x, int64_t axis, int64_t num);
// tf.tile: multiples has one non-negative entry per dimension.
Tensor tile(const Tensor& x, const std::vector<int64_t>& multiples);
// tf.reverse over the given axes (no duplicates).
Tensor reverse(const Tensor& x, const std::vector<int64_t>& axes);
// tf.pad; constant_value is a 0-d tensor of x's dtype (used by CONSTANT mode only).
Tensor pad(const Tensor& x, const Paddings& paddings, PadMode mode, const Tensor& constant_value);
// The gradient of pad: the interior of g plus, for REFLECT/SYMMETRIC, the mirrored borders.
Tensor pad_grad(const Tensor& g, const Paddings& paddings, PadMode mode);
PadMode pad_mode_from_string(const std::string& mode);

}  // namespace fasttf::ops
