"""Core Python types of fasttf: dtypes, shapes, tensors, variables, errors."""
