"""The per-output losses a multi-output model logs ('o1_loss', 'o2_loss'): each output's own
(unweighted) loss averaged over the batches in float32, as Keras' loss trackers do."""

import numpy as np


class OutputLossTrackers:
    def __init__(self, output_names, has_loss):
        self.entries = [(i, "%s_loss" % name) for i, (name, has) in
                        enumerate(zip(output_names, has_loss)) if has]
        self.reset()

    @property
    def names(self):
        return [name for _, name in self.entries]

    def reset(self):
        self._totals = {i: np.float32(0) for i, _ in self.entries}
        self._count = 0
        self._pending = {}

    def record(self, index, value):
        """One output's loss for the batch being computed (committed with its size)."""
        self._pending[index] = value

    def commit(self, batch_size):
        if not self._pending:
            return
        for index, value in self._pending.items():
            self._totals[index] += np.float32(float(value)) * np.float32(batch_size)
        self._count += batch_size
        self._pending = {}

    def results(self):
        if not self._count:
            return {}
        return {name: float(self._totals[i] / np.float32(self._count))
                for i, name in self.entries}
