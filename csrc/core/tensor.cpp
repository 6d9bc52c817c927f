#include "core/tensor.h"

#include <sys/mman.h>

#include <cstring>

#include "core/allocator.h"
#include "kernels/copy.h"

namespace fasttf {

Storage::Storage(size_t n) : data(allocator::allocate(n)), nbytes(n) {}
Storage::~Storage() {
  if (owned) allocator::deallocate(data, nbytes);
}

Tensor Tensor::borrow(void* data, const Shape& shape, const Shape& strides, DType dtype) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::make_shared<Storage>(data, size_t(0));
  impl->shape = shape;
  impl->strides = strides;
  impl->dtype = dtype;
  impl->id = TensorImpl::next_id();
  return Tensor(std::move(impl));
}

int64_t checked_numel(const Shape& shape, DType dtype, const char* op) {
  if (shape.size() > size_t(kMaxRank))
    fail("[", op, "] rank ", shape.size(), " exceeds the maximum of ", kMaxRank);
  int64_t n = 1;
  const int64_t limit = (int64_t(1) << 62) / int64_t(itemsize(dtype));
  for (int64_t d : shape) {
    if (d < 0) fail("[", op, "] dimensions must be non-negative, got shape ", shape_str(shape));
    if (d != 0 && n > limit / d)
      fail<ResourceExhausted>("[", op, "] shape ", shape_str(shape), " is too large to allocate");
    n *= d;
  }
  return n;
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides(shape.size());
  int64_t s = 1;
  for (int i = int(shape.size()) - 1; i >= 0; --i) {
    strides[i] = s;
    s *= std::max<int64_t>(shape[i], 1);
  }
  return strides;
}

Tensor Tensor::empty(const Shape& shape, DType dtype, const char* op) {
  int64_t n = checked_numel(shape, dtype, op);
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::make_shared<Storage>(size_t(n) * fasttf::itemsize(dtype));
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->dtype = dtype;
  impl->id = TensorImpl::next_id();
  return Tensor(std::move(impl));
}

Tensor Tensor::zeros(const Shape& shape, DType dtype, const char* op) {
  Tensor t = empty(shape, dtype, op);
  std::memset(t.raw_data(), 0, size_t(t.numel()) * t.itemsize());
  return t;
}

Tensor Tensor::zeros_untouched(const Shape& shape, DType dtype, const char* op) {
  const size_t bytes = size_t(checked_numel(shape, dtype, op)) * fasttf::itemsize(dtype);
  constexpr size_t kMapThreshold = size_t(16) << 20;
  if (bytes < kMapThreshold) return zeros(shape, dtype, op);
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return zeros(shape, dtype, op);  // the allocator reports the OOM
  auto impl = std::make_shared<TensorImpl>();
  // A non-owning Storage (the allocator must not take these pages) released by munmap.
  impl->storage = std::shared_ptr<Storage>(new Storage(p, bytes), [](Storage* s) {
    munmap(s->data, s->nbytes);
    delete s;
  });
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->dtype = dtype;
  impl->id = TensorImpl::next_id();
  return Tensor(std::move(impl));
}

Tensor Tensor::view(const Shape& shape, const Shape& strides, int64_t offset) const {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = impl_->storage;
  impl->shape = shape;
  impl->strides = strides;
  impl->offset = offset;
  impl->dtype = impl_->dtype;
  impl->id = TensorImpl::next_id();
  return Tensor(std::move(impl));
}

int64_t Tensor::numel() const {
  int64_t n = 1;
  for (int64_t d : impl_->shape) n *= d;
  return n;
}

bool Tensor::is_contiguous() const {
  int64_t expected = 1;
  for (int i = ndim() - 1; i >= 0; --i) {
    int64_t d = impl_->shape[i];
    if (d == 0) return true;
    if (d != 1 && impl_->strides[i] != expected) return false;
    expected *= d;
  }
  return true;
}

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  return clone();
}

Tensor Tensor::clone() const {
  Tensor out = empty(shape(), dtype());
  kernels::copy_strided(*this, out);
  return out;
}

}  // namespace fasttf
