// The public C++ ops: argument checks, dtype rules, allocation, kernel call, tape record.
// Bindings and gradient rules call only these. One header per family; each declaration
// carries a one-line description, so these headers double as the index of ops.
#pragma once
#include "ops/creation.h"
#include "ops/elementwise.h"
#include "ops/shape.h"
#include "ops/reduce.h"
#include "ops/linalg.h"
#include "ops/dense.h"
#include "ops/array.h"
#include "ops/indexing.h"
#include "ops/nn.h"
#include "ops/random.h"
#include "ops/optim.h"
#include "ops/conv.h"
#include "ops/pool.h"
