// Tensor: a shared storage plus shape, strides (in elements) and an offset. Views (reshape of
// contiguous data, transpose, strided slices, expand_dims, squeeze, broadcast_to) share the
// storage; everything else allocates. A Tensor is a cheap handle (one shared_ptr).
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/dtype.h"
#include "core/error.h"

namespace fasttf {

using Shape = std::vector<int64_t>;
constexpr int kMaxRank = 32;  // TF's limit

struct Storage {
  void* data = nullptr;
  size_t nbytes = 0;
  bool owned = true;  // false for memory borrowed from NumPy for the length of one copy
  explicit Storage(size_t nbytes);
  Storage(void* borrowed, size_t nbytes) : data(borrowed), nbytes(nbytes), owned(false) {}
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
};

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  Shape shape;
  Shape strides;
  int64_t offset = 0;  // in elements
  DType dtype = DType::Float32;
  uint64_t id = 0;     // identity for the tape; never reused
  bool is_variable = false;
  bool trainable = false;

  static uint64_t next_id() {
    static std::atomic<uint64_t> counter{1};
    return counter.fetch_add(1, std::memory_order_relaxed);
  }
};

// Number of elements of a shape; throws on negative dimensions, rank above kMaxRank, or a
// total size whose byte count would overflow.
int64_t checked_numel(const Shape& shape, DType dtype, const char* op);
Shape contiguous_strides(const Shape& shape);

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // A new contiguous tensor with uninitialised (empty) or zeroed contents.
  static Tensor empty(const Shape& shape, DType dtype, const char* op = "tensor");
  static Tensor zeros(const Shape& shape, DType dtype, const char* op = "zeros");
  // Zeros for an output that will stay mostly zero (a scatter into a large shape): above 16 MiB
  // the pages come fresh from the OS, zero and untouched until written, where zeroing a
  // cached block would write every byte first (measured 6x faster for scatter_nd of 128 rows
  // into 60000x784). Released to the OS, never to the allocator's cache.
  static Tensor zeros_untouched(const Shape& shape, DType dtype, const char* op = "zeros");
  // A tensor over memory it does not own (e.g. a NumPy buffer); the caller keeps the memory
  // alive for as long as the tensor is used.
  static Tensor borrow(void* data, const Shape& shape, const Shape& strides, DType dtype);
  // A view of this tensor's storage.
  Tensor view(const Shape& shape, const Shape& strides, int64_t offset) const;

  bool defined() const { return impl_ != nullptr; }
  const Shape& shape() const { return impl_->shape; }
  const Shape& strides() const { return impl_->strides; }
  int64_t dim(int i) const { return impl_->shape[i]; }
  int ndim() const { return int(impl_->shape.size()); }
  int64_t offset() const { return impl_->offset; }
  DType dtype() const { return impl_->dtype; }
  uint64_t id() const { return impl_->id; }
  int64_t numel() const;
  bool is_contiguous() const;
  size_t itemsize() const { return fasttf::itemsize(impl_->dtype); }

  void* raw_data() const {
    return static_cast<char*>(impl_->storage->data) + impl_->offset * int64_t(itemsize());
  }
  template <class T> T* data() const { return static_cast<T*>(raw_data()); }

  // This tensor if already contiguous, else a contiguous copy.
  Tensor contiguous() const;
  // Always a fresh contiguous copy (never aliases this tensor).
  Tensor clone() const;

  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  bool same_storage(const Tensor& other) const {
    return impl_->storage == other.impl_->storage;
  }

 private:
  std::shared_ptr<TensorImpl> impl_;
};

}  // namespace fasttf
