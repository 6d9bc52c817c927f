// The gradient tape. While a tape records (thread-local, as in TF), every op whose inputs include
// a watched tensor pushes a Node: input ids and shapes, output ids, and a GradFn closure from
// grad_rules.cpp that maps output gradients to input gradients using public ops (so gradients
// of gradients are recorded by an outer tape). gradient() walks the nodes in reverse creation
// order, which is a topological order, iteratively.
#pragma once
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "autograd/id_set.h"
#include "core/small_vector.h"
#include "core/tensor.h"

namespace fasttf::autograd {

using Grads = std::vector<Tensor>;  // an undefined Tensor means "no gradient"
using GradFn = std::function<Grads(const Grads& grad_outputs)>;
// For a view op (a slice): adds the view's gradient into its region of `target`, a gradient of
// the view's input, in place. Lets the tape sum the gradients of many slices of one tensor
// (unstack, split, x[:, t] in a loop) in one buffer instead of a full-size zeros tensor each.
using RegionAdd = std::function<void(const Tensor& target, const Tensor& grad)>;

struct OutputInfo {
  uint64_t id;
  DType dtype;
  Shape shape;  // for the zeros that stand in for a missing gradient of a multi-output op
};

// One recorded op. Inputs are held as handles (one reference count each, no copies): the walk
// reads their ids, shapes and dtypes, and most gradient rules keep them alive anyway. Inputs and
// outputs sit inline for the common small ops, so recording one allocates no list.
struct Node {
  const char* name;
  SmallVector<Tensor, 3> inputs;  // an undefined Tensor for an absent optional input
  SmallVector<OutputInfo, 1> outputs;
  GradFn backward;
  RegionAdd add_into_input;  // set for single-input view ops; see RegionAdd
};

// The tensors an op hands to record(): a brace list at the call site (`{&a, &b}`, which lives
// until the call returns) or a vector for ops with a variable number of operands. A view, so
// recording builds no temporary vector.
class TensorRefs {
 public:
  // The list's array outlives the call it is written in, which is all a TensorRefs is used for.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
  TensorRefs(std::initializer_list<const Tensor*> list) : data_(list.begin()), size_(list.size()) {}
#pragma GCC diagnostic pop
  TensorRefs(const std::vector<const Tensor*>& vec) : data_(vec.data()), size_(vec.size()) {}
  const Tensor* const* begin() const { return data_; }
  const Tensor* const* end() const { return data_ + size_; }
  size_t size() const { return size_; }

 private:
  const Tensor* const* data_;
  size_t size_;
};

class Tape {
 public:
  Tape(bool persistent, bool watch_accessed_variables)
      : persistent_(persistent), watch_accessed_variables_(watch_accessed_variables) {}

  void push();  // start recording on this thread (context-manager enter)
  void pop();   // stop recording (context-manager exit)
  bool active() const { return active_; }
  void watch(const Tensor& t);
  bool is_watched(uint64_t id) const { return watched_.contains(id); }
  void pause() { ++paused_; }
  void resume() { if (paused_ > 0) --paused_; }
  bool recording() const { return active_ && paused_ == 0; }
  void reset();
  bool persistent() const { return persistent_; }
  bool watch_accessed_variables() const { return watch_accessed_variables_; }
  const std::vector<Tensor>& watched_variables() const { return watched_variables_; }

  // Gradients of sum(targets * output_gradients) with respect to sources. Entry i of the result
  // is undefined when source i is unconnected. Throws RuntimeError-like errors (as
  // std::logic_error) when a non-persistent tape is used twice. `retain` keeps the nodes of a
  // non-persistent tape for further calls (jacobian's rows).
  std::vector<Tensor> gradient(const std::vector<Tensor>& targets,
                               const std::vector<Tensor>& sources,
                               const std::vector<Tensor>& output_gradients,
                               bool retain = false);

  // Called by record(): decides whether this tape takes a node with these inputs, watching
  // trainable variables on first access.
  bool wants(TensorRefs inputs);
  void add_node(Node node);

 private:
  bool persistent_, watch_accessed_variables_;
  bool active_ = false;
  int paused_ = 0;
  bool used_ = false;
  IdSet watched_;
  std::vector<Tensor> watched_variables_;
  std::vector<Node> nodes_;
};

// True when some tape on this thread is recording: the ops' fast check.
bool is_recording();

// Pushes a node to every recording tape that watches one of the inputs. Outputs of float dtype
// become watched on those tapes.
void record(const char* name, TensorRefs inputs, TensorRefs outputs, GradFn backward,
            RegionAdd add_into_input = nullptr);

// While the tape walk runs a gradient rule: whether that rule's input i needs a gradient (it is
// downstream of a source and differentiable). Rules skip the work for inputs that do not, e.g.
// conv2d's input gradient at the first layer or matmul's gradient wrt a batch of data. Outside
// a walk (a rule called directly) every input needs one.
bool input_needs_grad(size_t i);

// Suspends recording on this thread for a scope (tf.stop_gradient's machinery, optimizers).
class NoRecordScope {
 public:
  NoRecordScope();
  ~NoRecordScope();
 private:
  std::vector<Tape*> paused_;
};

// Whether a dtype can carry gradients (float types only, as TF).
inline bool differentiable(DType d) { return is_floating(d); }

}  // namespace fasttf::autograd
