// The public C++ ops: argument checks, dtype rules, allocation, kernel call, tape record.
// Bindings and gradient rules call only these. One header per family; each declaration
// carries a one-line description, so these headers double as the index of ops.
#pragma once
#include "ops/creation.h"
#include "ops/elementwise.h"
#include "ops/shape.h"
#include "ops/reduce.h"
#include "ops/linalg.h"
