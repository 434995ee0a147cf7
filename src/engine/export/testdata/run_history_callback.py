"""Runs an exported script's history callback as Keras's fit would call it, to check that the
file it writes loads in Keras Workbench. Keras cannot be installed here, so the callback's base
class is a stand-in with Keras's constructor; the callback code itself is the script's.

    python3 run_history_callback.py SCRIPT HISTORY_FILE
"""
import importlib.util
import sys
import types

spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)


class Callback:
    def __init__(self):
        self.model = None


keras = types.SimpleNamespace(callbacks=types.SimpleNamespace(Callback=Callback))
path = sys.argv[2]
# A first run, preempted after epoch 3 (epoch 3's loss diverged) ...
first = script.history_callback(keras, path, resuming=False)
for epoch, loss in enumerate([0.5, 0.25, float("nan")]):
    first.on_epoch_end(epoch, {"loss": loss, "accuracy": 0.9 + epoch / 100, "val_loss": loss * 2, "val_accuracy": 0.8})
# ... resumed by BackupAndRestore from the end of epoch 2: epoch 3 is trained again, then 4.
second = script.history_callback(keras, path, resuming=True)
for epoch, loss in [(2, 0.125), (3, 0.0625)]:
    second.on_epoch_end(epoch, {"loss": loss, "accuracy": 0.95, "val_loss": loss * 2, "val_accuracy": 0.85})
