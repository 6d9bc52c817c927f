"""The Keras progress bar (tf.keras.utils.Progbar), in the TF-Keras 2 format the notes show:

    1875/1875 [==============================] - 2s 1ms/step - loss: 0.2000 - accuracy: 0.9000

with ` - ETA: 3s` while an epoch runs (verbose=1, redrawn in place on a terminal), or one line
per epoch (verbose=2): `1875/1875 - 2s - loss: ... - 2s/epoch - 1ms/step`.
"""

import os
import sys
import time

import numpy as np


def _print(message):
    sys.stdout.write(message)
    sys.stdout.flush()


def _format_time(seconds, unit_name):
    if seconds >= 1 or seconds == 0:
        return f" {seconds:.0f}s/{unit_name}"
    if seconds >= 1e-3:
        return f" {seconds * 1e3:.0f}ms/{unit_name}"
    return f" {seconds * 1e6:.0f}us/{unit_name}"


def _format_value(avg):
    return f" {avg:.4f}" if abs(avg) > 1e-3 else f" {avg:.4e}"


class Progbar:
    """Progbar(target, width=30, verbose=1, interval=0.05, stateful_metrics=None,
    unit_name='step'). `update(current, values)` averages values over the steps seen unless
    their name is in `stateful_metrics` (then the latest value is shown)."""

    def __init__(self, target, width=30, verbose=1, interval=0.05, stateful_metrics=None,
                 unit_name="step"):
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        if stateful_metrics is None:
            stateful_metrics = set()
        elif isinstance(stateful_metrics, (list, tuple, set, frozenset)):
            stateful_metrics = set(stateful_metrics)
        self.stateful_metrics = stateful_metrics  # anything supporting `in`
        # As Keras: redraw in place ("\b...\r") on terminals, notebooks and POSIX systems.
        self._dynamic_display = (hasattr(sys.stdout, "isatty") and sys.stdout.isatty()) or \
            "ipykernel" in sys.modules or "posix" in sys.modules or \
            "PYCHARM_HOSTED" in os.environ
        self._total_width = 0
        self._seen_so_far = 0
        self._values = {}
        self._values_order = []
        self._start = time.time()
        self._last_update = 0
        self._time_at_epoch_start = self._start
        self._time_at_epoch_end = None
        self._time_after_first_step = None

    def update(self, current, values=None, finalize=None):
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        for name, value in values or []:
            if name not in self._values_order:
                self._values_order.append(name)
            value = _as_number(value)
            if name not in self.stateful_metrics:
                value_base = max(current - self._seen_so_far, 1)
                if name not in self._values:
                    self._values[name] = [value * value_base, value_base]
                else:
                    self._values[name][0] += value * value_base
                    self._values[name][1] += value_base
            else:
                self._values[name] = [value, 1]
        self._seen_so_far = current
        now = time.time()
        info = f" - {now - self._start:.0f}s"
        if current == self.target:
            self._time_at_epoch_end = now
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            previous_width = self._total_width
            message = ("\b" * previous_width + "\r") if self._dynamic_display else "\n"
            if self.target is not None:
                digits = int(np.log10(self.target)) + 1 if self.target > 0 else 1
                bar = ("%" + str(digits) + "d/%d [") % (current, self.target)
                progress = float(current) / self.target if self.target else 1.0
                filled = int(self.width * progress)
                if filled > 0:
                    bar += "=" * (filled - 1)
                    bar += ">" if current < self.target else "="
                bar += "." * (self.width - filled)
                bar += "]"
            else:
                bar = "%7d/Unknown" % current
            self._total_width = len(bar)
            message += bar
            time_per_unit = self._estimate_step_duration(current, now)
            if self.target is None or finalize:
                info += _format_time(time_per_unit, self.unit_name)
            else:
                eta = time_per_unit * (self.target - current)
                if eta > 3600:
                    eta_text = "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
                elif eta > 60:
                    eta_text = "%d:%02d" % (eta // 60, eta % 60)
                else:
                    eta_text = "%ds" % eta
                info = f" - ETA: {eta_text}"
            info += self._values_text()
            self._total_width += len(info)
            if previous_width > self._total_width:
                info += " " * (previous_width - self._total_width)
            if finalize:
                info += "\n"
            _print(message + info)
        elif self.verbose == 2 and finalize:
            digits = int(np.log10(self.target)) + 1 if self.target else 1
            info = ("%" + str(digits) + "d/%d") % (current, self.target or current) + info
            info += self._values_text()
            if self._time_at_epoch_end:
                epoch_time = self._time_at_epoch_end - self._time_at_epoch_start
                step_time = epoch_time / max(self.target or current, 1)
                self._time_at_epoch_start = now
                self._time_at_epoch_end = None
                info += " -" + _format_time(epoch_time, "epoch")
                info += " -" + _format_time(step_time, self.unit_name)
            _print(info + "\n")
        self._last_update = now

    def add(self, n, values=None):
        self.update(self._seen_so_far + n, values)

    def _values_text(self):
        text = ""
        for name in self._values_order:
            total, count = self._values[name]
            text += f" - {name}:" + _format_value(float(np.mean(total / max(1, count))))
        return text

    def _estimate_step_duration(self, current, now):
        if not current:
            return 0
        if self._time_after_first_step is not None and current > 1:
            return (now - self._time_after_first_step) / (current - 1)
        if current == 1:
            self._time_after_first_step = now
        return (now - self._start) / current


def _as_number(value):
    try:
        return float(np.asarray(value))
    except (TypeError, ValueError):
        return np.asarray(value)
