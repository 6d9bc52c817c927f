#include "autograd/tape.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_set>

#include "ops/ops.h"

namespace fasttf::autograd {
namespace {

thread_local std::vector<Tape*> active_tapes;
thread_local int recording_count = 0;  // number of active, unpaused tapes
// The mask of the rule the walk is running on this thread (null outside a walk).
thread_local const std::vector<char>* current_needs_grad = nullptr;

// Installs a rule's mask for the duration of its call; restores the enclosing one (a rule may
// run a nested walk, e.g. a custom gradient calling tape.gradient).
struct NeedsGradScope {
  const std::vector<char>* saved;
  explicit NeedsGradScope(const std::vector<char>* mask) : saved(current_needs_grad) {
    current_needs_grad = mask;
  }
  ~NeedsGradScope() { current_needs_grad = saved; }
};

}  // namespace

bool is_recording() { return recording_count > 0; }

bool input_needs_grad(size_t i) {
  return current_needs_grad == nullptr || i >= current_needs_grad->size() ||
         (*current_needs_grad)[i] != 0;
}

void Tape::push() {
  if (active_) throw std::logic_error("GradientTape is already recording");
  active_ = true;
  active_tapes.push_back(this);
  if (paused_ == 0) ++recording_count;
}

void Tape::pop() {
  if (!active_) return;
  active_ = false;
  if (paused_ == 0) --recording_count;
  auto it = std::find(active_tapes.begin(), active_tapes.end(), this);
  if (it != active_tapes.end()) active_tapes.erase(it);
}

void Tape::watch(const Tensor& t) {
  if (!differentiable(t.dtype())) return;  // TF ignores integer tensors (with a warning)
  if (watched_.insert(t.id()) && t.impl()->is_variable) watched_variables_.push_back(t);
}

void Tape::reset() {
  nodes_.clear();
  watched_.clear();
  watched_variables_.clear();
  used_ = false;
}

bool Tape::wants(TensorRefs inputs) {
  bool any = false;
  for (const Tensor* t : inputs) {
    if (!t->defined()) continue;
    if (watched_.contains(t->id())) {
      any = true;
    } else if (watch_accessed_variables_ && t->impl()->trainable &&
               differentiable(t->dtype())) {
      watch(*t);
      any = true;
    }
  }
  return any;
}

void Tape::add_node(Node node) {
  for (const OutputInfo& out : node.outputs)
    if (differentiable(out.dtype)) watched_.insert(out.id);
  if (nodes_.empty()) nodes_.reserve(64);  // a training step records dozens of ops
  nodes_.push_back(std::move(node));
}

void record(const char* name, TensorRefs inputs, TensorRefs outputs, GradFn backward,
            RegionAdd add_into_input) {
  // Nested tapes are few: a fixed array avoids an allocation on this per-op path (a vector
  // takes over past 16 of them).
  std::array<Tape*, 16> takers_array;
  std::vector<Tape*> takers_overflow;
  size_t n_takers = 0;
  for (Tape* tape : active_tapes) {
    if (!tape->recording() || !tape->wants(inputs)) continue;
    if (n_takers < takers_array.size()) takers_array[n_takers] = tape;
    else takers_overflow.push_back(tape);
    ++n_takers;
  }
  if (n_takers == 0) return;
  auto taker = [&](size_t i) {
    return i < takers_array.size() ? takers_array[i] : takers_overflow[i - takers_array.size()];
  };
  Node node;
  node.name = name;
  node.inputs.reserve(inputs.size());
  for (const Tensor* t : inputs) node.inputs.push_back(*t);
  node.outputs.reserve(outputs.size());
  // The shape is needed only to stand in zeros for a multi-output op's missing gradient.
  const bool keep_shapes = outputs.size() > 1;
  for (const Tensor* t : outputs)
    node.outputs.push_back({t->id(), t->dtype(), keep_shapes ? t->shape() : Shape{}});
  node.backward = std::move(backward);
  node.add_into_input = std::move(add_into_input);
  for (size_t i = 0; i + 1 < n_takers; ++i) taker(i)->add_node(node);
  taker(n_takers - 1)->add_node(std::move(node));
}

NoRecordScope::NoRecordScope() {
  for (Tape* t : active_tapes) {
    if (t->recording()) {
      t->pause();
      --recording_count;
      paused_.push_back(t);
    }
  }
}

NoRecordScope::~NoRecordScope() {
  for (Tape* t : paused_) {
    t->resume();
    if (t->recording()) ++recording_count;
  }
}

std::vector<Tensor> Tape::gradient(const std::vector<Tensor>& targets,
                                   const std::vector<Tensor>& sources,
                                   const std::vector<Tensor>& output_gradients, bool retain) {
  if (used_ && !persistent_)
    throw std::logic_error(
        "A non-persistent GradientTape can only be used to compute one set of gradients (or "
        "jacobians)");
  used_ = !retain;

  // The tape does not record its own backward pass; outer tapes do (higher-order gradients).
  const bool was_recording = recording();
  if (was_recording) { pause(); --recording_count; }
  struct Resume {
    Tape* tape; bool on;
    ~Resume() { if (on) { tape->resume(); ++recording_count; } }
  } resume_guard{this, was_recording};

  // Forward reachability: only nodes downstream of a source matter.
  IdSet reachable;
  // Only watched sources get gradients (TF: an unwatched variable under
  // watch_accessed_variables=False, or an unwatched constant, gives None).
  for (const Tensor& s : sources)
    if (watched_.contains(s.id())) reachable.insert(s.id());
  std::vector<char> relevant(nodes_.size(), 0);
  for (size_t n = 0; n < nodes_.size(); ++n) {
    const Node& node = nodes_[n];
    for (const Tensor& in : node.inputs)
      if (in.defined() && reachable.contains(in.id())) { relevant[n] = 1; break; }
    if (relevant[n])
      for (const OutputInfo& out : node.outputs) reachable.insert(out.id);
  }

  std::unordered_map<uint64_t, Tensor> grads;
  // Gradients this walk allocated and nobody else holds: view ops add into them in place.
  std::unordered_set<uint64_t> owned;
  auto accumulate = [&](uint64_t id, const Tensor& g) {
    owned.erase(id);
    auto it = grads.find(id);
    if (it == grads.end()) grads.emplace(id, g);
    else it->second = ops::add(it->second, g);
  };
  // In place only while no tape records this walk (a higher-order gradient needs the ops).
  const bool in_place_views = !is_recording();
  for (size_t i = 0; i < targets.size(); ++i) {
    const Tensor& t = targets[i];
    if (!differentiable(t.dtype())) continue;
    Tensor seed = i < output_gradients.size() && output_gradients[i].defined()
                      ? output_gradients[i]
                      : ops::ones(t.shape(), t.dtype());
    accumulate(t.id(), seed);
  }
  IdSet source_ids;
  for (const Tensor& s : sources) source_ids.insert(s.id());

  std::vector<char> needs;  // per input of the current node: does it need a gradient
  for (size_t n = nodes_.size(); n-- > 0;) {
    if (!relevant[n]) continue;
    const Node& node = nodes_[n];
    Grads out_grads(node.outputs.size());
    bool any = false;
    for (size_t i = 0; i < node.outputs.size(); ++i) {
      auto it = grads.find(node.outputs[i].id);
      if (it == grads.end()) continue;
      out_grads[i] = it->second;
      owned.erase(node.outputs[i].id);  // handed to a rule: shared from now on
      any = true;
      if (!source_ids.contains(node.outputs[i].id)) grads.erase(it);  // consumed: free early
    }
    if (!any) continue;
    for (size_t i = 0; i < out_grads.size(); ++i)
      if (!out_grads[i].defined())
        out_grads[i] = ops::zeros(node.outputs[i].shape, node.outputs[i].dtype);
    needs.assign(node.inputs.size(), 0);
    for (size_t i = 0; i < node.inputs.size(); ++i) {
      const Tensor& in = node.inputs[i];
      needs[i] = in.defined() && differentiable(in.dtype()) && reachable.contains(in.id());
    }
    if (in_place_views && node.add_into_input && needs.size() == 1 && out_grads.size() == 1 &&
        out_grads[0].dtype() == node.inputs[0].dtype()) {
      if (!needs[0]) continue;
      const Tensor& in = node.inputs[0];
      auto it = grads.find(in.id());
      if (it == grads.end()) {
        it = grads.emplace(in.id(), ops::zeros(in.shape(), in.dtype())).first;
      } else if (!owned.count(in.id())) {
        it->second = it->second.clone();
      }
      owned.insert(in.id());
      node.add_into_input(it->second, out_grads[0]);
      continue;
    }
    Grads in_grads;
    {
      NeedsGradScope scope(&needs);
      in_grads = node.backward(out_grads);
    }
    for (size_t i = 0; i < node.inputs.size() && i < in_grads.size(); ++i) {
      const Tensor& in = node.inputs[i];
      if (!needs[i] || !in_grads[i].defined()) continue;
      Tensor g = in_grads[i];
      if (g.shape() != in.shape()) g = ops::sum_to(g, in.shape());
      if (g.dtype() != in.dtype()) g = ops::cast(g, in.dtype());
      accumulate(in.id(), g);
    }
  }

  std::vector<Tensor> result;
  result.reserve(sources.size());
  for (const Tensor& s : sources) {
    auto it = grads.find(s.id());
    result.push_back(it == grads.end() || !watched_.contains(s.id()) ? Tensor() : it->second);
  }
  if (!persistent_ && !retain) nodes_.clear();  // free saved tensors as soon as possible
  return result;
}

}  // namespace fasttf::autograd
