"""tf.config: fasttf runs on the CPU only, so device queries report one CPU and the GPU
settings scripts call at start-up (memory growth, visible devices) are accepted and ignored."""

import collections
import os
import types

PhysicalDevice = collections.namedtuple("PhysicalDevice", ["name", "device_type"])
LogicalDevice = collections.namedtuple("LogicalDevice", ["name", "device_type"])

_CPU = PhysicalDevice("/physical_device:CPU:0", "CPU")
_state = {"run_eagerly": False, "intra": 0, "inter": 0, "soft_placement": True}


def list_physical_devices(device_type=None):
    return [_CPU] if device_type in (None, "CPU") else []


def list_logical_devices(device_type=None):
    return [LogicalDevice("/device:CPU:0", "CPU")] if device_type in (None, "CPU") else []


def get_visible_devices(device_type=None):
    return list_physical_devices(device_type)


def set_visible_devices(devices, device_type=None):
    return None


def get_logical_device_configuration(device):
    return None


def set_logical_device_configuration(device, logical_devices):
    return None


def run_functions_eagerly(run_eagerly):
    _state["run_eagerly"] = bool(run_eagerly)  # fasttf always does


def functions_run_eagerly():
    return _state["run_eagerly"]


def set_soft_device_placement(enabled):
    _state["soft_placement"] = bool(enabled)


def get_soft_device_placement():
    return _state["soft_placement"]


def _set_memory_growth(device, enable):
    return None


def _get_memory_growth(device):
    return False


def _enable_op_determinism():
    return None  # fasttf's kernels are deterministic for any thread count


def _set_intra(num_threads):
    # Kernels use OpenMP: the thread count of this process's kernels, and (through the
    # environment) of processes started after it. 0 means the default, as in TF.
    from . import _C
    _state.setdefault("default_threads", _C.get_num_threads())
    _state["intra"] = int(num_threads)
    if num_threads:
        os.environ["OMP_NUM_THREADS"] = str(int(num_threads))
    _C.set_num_threads(int(num_threads) or _state["default_threads"])


def _set_inter(num_threads):
    _state["inter"] = int(num_threads)


def _enable_tensor_float_32_execution(enabled):
    _state["tf32"] = bool(enabled)  # no TensorFloat-32 on a CPU; the flag is only reported


def _set_jit(enabled):
    # TF reports the XLA setting as a string: "autoclustering" when on, "" when off.
    _state["jit"] = "autoclustering" if enabled else ""


def _get_jit():
    return _state.get("jit", "")


def _set_optimizer_options(options):
    _state.setdefault("optimizer_options", {}).update(dict(options))


def _get_optimizer_options():
    return dict(_state.get("optimizer_options", {}))


optimizer = types.SimpleNamespace(
    set_jit=_set_jit, get_jit=_get_jit, set_experimental_options=_set_optimizer_options,
    get_experimental_options=_get_optimizer_options)

experimental = types.SimpleNamespace(
    enable_tensor_float_32_execution=_enable_tensor_float_32_execution,
    tensor_float_32_execution_enabled=lambda: _state.get("tf32", True),
    set_memory_growth=_set_memory_growth, get_memory_growth=_get_memory_growth,
    list_physical_devices=list_physical_devices, list_logical_devices=list_logical_devices,
    get_visible_devices=get_visible_devices, set_visible_devices=set_visible_devices,
    enable_op_determinism=_enable_op_determinism,
    set_virtual_device_configuration=set_logical_device_configuration,
    VirtualDeviceConfiguration=lambda memory_limit=None, **kw: None)
threading = types.SimpleNamespace(
    set_intra_op_parallelism_threads=_set_intra,
    get_intra_op_parallelism_threads=lambda: _state["intra"],
    set_inter_op_parallelism_threads=_set_inter,
    get_inter_op_parallelism_threads=lambda: _state["inter"])
LogicalDeviceConfiguration = experimental.VirtualDeviceConfiguration
