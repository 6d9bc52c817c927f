"""The Keras progress bar (tf.keras.utils.Progbar) in the Keras 3 format of TF 2.21:

    \x1b[1m2/2\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 11ms/step - accuracy: 0.5000 - loss: 0.6736

redrawn in place while an epoch runs (verbose=1; the count and time in bold, the done part of
the bar green, the rest white, as Keras writes them even when not on a terminal), or one line
per epoch (verbose=2): `2/2 - 0s - 69ms/step - accuracy: 0.5000 - loss: 0.6820`.
"""

import math
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


def _format_value(avg, signed=True):
    # verbose=1 compares |avg| with 1e-3, verbose=2 avg itself (as Keras 3 does)
    return f" {avg:.4f}" if (abs(avg) if signed else avg) > 1e-3 else f" {avg:.4e}"


class Progbar:
    """Progbar(target, width=20, verbose=1, interval=0.05, stateful_metrics=None,
    stateless_metrics=None, unit_name='step'). `update(current, values)` averages a value
    over the steps seen unless it is stateful (then the latest value is shown); without
    either list every value is averaged."""

    def __init__(self, target, width=20, verbose=1, interval=0.05, stateful_metrics=None,
                 stateless_metrics=None, unit_name="step"):
        if stateful_metrics is not None and stateless_metrics is not None:
            raise ValueError("Only one of `stateful_metrics` or `stateless_metrics` can be "
                             "provided.")
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        if stateless_metrics is not None:
            self.stateful_metrics, self.stateless_metrics = None, set(stateless_metrics)
        else:
            if isinstance(stateful_metrics, (list, tuple, frozenset)):
                stateful_metrics = set(stateful_metrics)
            self.stateful_metrics = stateful_metrics if stateful_metrics is not None else set()
            self.stateless_metrics = None
        # As Keras: redraw in place ("\b...\r") on terminals, notebooks and POSIX systems.
        self._dynamic_display = (hasattr(sys.stdout, "isatty") and sys.stdout.isatty()) or \
            "ipykernel" in sys.modules or "posix" in sys.modules or \
            "PYCHARM_HOSTED" in os.environ
        self._seen_so_far = 0
        self._values = {}
        self._values_order = []
        self._start = time.time()
        self._last_update = 0
        self._time_at_epoch_start = self._start
        self._time_after_first_step = None
        self._prev_total_width = 0

    def _is_stateless(self, name):
        if self.stateful_metrics is not None:
            return name not in self.stateful_metrics
        return name in self.stateless_metrics

    def _record(self, current, values, finalize):
        for name, value in values or []:
            if name not in self._values_order:
                self._values_order.append(name)
            value = _as_number(value)
            if not self._is_stateless(name) or finalize:
                self._values[name] = [value, 1]
            else:
                base = max(current - self._seen_so_far, 1)
                if name not in self._values:
                    self._values[name] = [value * base, base]
                else:
                    self._values[name][0] += value * base
                    self._values[name][1] += base
        self._seen_so_far = current

    def update(self, current, values=None, finalize=None):
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        self._record(current, values, finalize)
        now = time.time()
        time_per_unit = self._estimate_step_duration(current, now)
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            self._draw_bar(current, now, time_per_unit, finalize)
        elif self.verbose == 2 and finalize and self.target:
            digits = int(math.log10(self.target)) + 1
            info = f"%{digits}d/%d" % (current, self.target)
            info += f" - {now - self._start:.0f}s -" + _format_time(time_per_unit,
                                                                   self.unit_name)
            info += self._values_text(signed=False)
            _print(info + "\n")
        self._last_update = now

    def _draw_bar(self, current, now, time_per_unit, finalize):
        message = ("\b" * self._prev_total_width + "\r") if self._dynamic_display else "\n"
        special = 0   # characters of the colour codes, not counted in the width
        if self.target is not None and self.target > 0:
            digits = int(math.log10(self.target)) + 1
            bar = "\x1b[1m" + f"%{digits}d/%d" % (current, self.target) + "\x1b[0m "
            special += 8
            done = int(self.width * float(current) / self.target)
            if done > 0:
                bar += "\x1b[32m" + "━" * done + "\x1b[0m"
                special += 9
            bar += "\x1b[37m" + "━" * (self.width - done) + "\x1b[0m"
            special += 9
        else:
            bar = "%7d/Unknown" % current
        if self.target is not None and self.target > 0 and not finalize:
            eta = time_per_unit * (self.target - current)
            if eta > 3600:
                eta_text = "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
            elif eta > 60:
                eta_text = "%d:%02d" % (eta // 60, eta % 60)
            else:
                eta_text = "%ds" % eta
            info = f" \x1b[1m{eta_text}\x1b[0m"
        else:
            info = f" \x1b[1m{now - self._start:.0f}s\x1b[0m"
        special += 8
        info += _format_time(time_per_unit, self.unit_name) + self._values_text()
        total_width = len(bar) + len(info) - special
        if self._prev_total_width > total_width:
            info += " " * (self._prev_total_width - total_width)
        if finalize:
            info += "\n"
        _print(message + bar + info)
        self._prev_total_width = total_width

    def add(self, n, values=None):
        self.update(self._seen_so_far + n, values)

    def _values_text(self, signed=True):
        text = ""
        for name in self._values_order:
            total, count = self._values[name]
            text += f" - {name}:" + _format_value(float(np.mean(total)) / max(1, count),
                                                  signed)
        return text

    def _estimate_step_duration(self, current, now):
        if not current:
            return 0
        if self._time_after_first_step is not None and current > 1:
            per_unit = (now - self._time_after_first_step) / (current - 1)
        else:
            per_unit = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return per_unit


def _as_number(value):
    try:
        return float(np.asarray(value))
    except (TypeError, ValueError):
        return np.asarray(value)
