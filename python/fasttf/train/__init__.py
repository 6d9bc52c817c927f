"""tf.train: Checkpoint, CheckpointManager, latest_checkpoint."""

from .checkpoint import Checkpoint, CheckpointManager, latest_checkpoint

__all__ = ["Checkpoint", "CheckpointManager", "latest_checkpoint"]
