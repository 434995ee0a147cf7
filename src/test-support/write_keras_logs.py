"""Writes TensorBoard logs laid out as keras.callbacks.TensorBoard writes them, with TensorBoard's
own event writer and protos (no TensorFlow): LOGDIR/train and LOGDIR/validation event files
(`events.out.tfevents.*.v2`) holding TF2 scalar tensor summaries `epoch_loss`, `epoch_accuracy`
(and `epoch_learning_rate` in train, `evaluation_loss_vs_iterations` in validation) at steps
0..EPOCHS-1, plus, with --hparams, the HParams session start record in LOGDIR itself (what
hp.KerasCallback writes). Prints the values written as JSON.

Usage: python write_keras_logs.py LOGDIR EPOCHS [--hparams]
"""
import json
import sys
import time

import numpy as np
from tensorboard.compat.proto import summary_pb2
from tensorboard.compat.proto import event_pb2
from tensorboard.plugins.hparams import summary_v2 as hp
from tensorboard.plugins.scalar import metadata as scalar_metadata
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util

logdir, epochs = sys.argv[1], int(sys.argv[2])
written = {"train": {}, "validation": {}, "hparams": None}


def scalar_event(tag, value, step, first):
    metadata = scalar_metadata.create_summary_metadata(display_name=tag, description="") if first else None
    v = summary_pb2.Summary.Value(tag=tag, tensor=tensor_util.make_tensor_proto(np.float32(value)))
    if metadata is not None:
        v.metadata.CopyFrom(metadata)
    return event_pb2.Event(wall_time=time.time(), step=step, summary=summary_pb2.Summary(value=[v]))


for sub, tags in (("train", ["epoch_loss", "epoch_accuracy", "epoch_learning_rate"]),
                  ("validation", ["epoch_loss", "epoch_accuracy", "evaluation_loss_vs_iterations"])):
    writer = EventFileWriter(f"{logdir}/{sub}", filename_suffix=".v2")
    for step in range(epochs):
        for tag in tags:
            value = {"epoch_loss": 2.0 / (step + 1), "epoch_accuracy": 0.5 + 0.1 * step,
                     "epoch_learning_rate": 0.001, "evaluation_loss_vs_iterations": 2.1 / (step + 1)}[tag]
            value += 0.01 if sub == "validation" and tag.startswith("epoch_") else 0.0
            writer.add_event(scalar_event(tag, value, step, step == 0))
            written[sub].setdefault(tag, []).append(float(np.float32(value)))
    writer.close()

if "--hparams" in sys.argv:
    hparams = {"learning_rate": 0.001, "optimizer": "adam", "dense_units": 128}
    writer = EventFileWriter(logdir, filename_suffix=".v2")
    writer.add_event(event_pb2.Event(wall_time=time.time(), summary=hp.hparams_pb(hparams)))
    writer.close()
    written["hparams"] = hparams

print(json.dumps(written))
