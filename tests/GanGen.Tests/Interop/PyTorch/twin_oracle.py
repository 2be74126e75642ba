"""Trains a PyTorch twin step by step on GanGen's batches and GanGen's own random draws, for TwinOracleTests.

usage: twin_oracle.py FOLDER STEPS

FOLDER holds a twin written by WritePyTorchTwin (its weights.safetensors are the GAN's initial weights) and:
  batches.safetensors  "{step:04d}.data" (and ".labels", ".sources") for each step
  draws.safetensors    every random tensor GanGen drew, "{step:04d}.{draw:02d}", in draw order
  probe.safetensors    "input" (noise or sources) and "labels" to sample from after training
Writes losses.safetensors ("loss_d" and "loss_g" [STEPS] float64, NaN where the generator did not update),
final.safetensors (the Gan module's state after training) and samples.safetensors ("samples").
"""
import importlib.util
import math
import os
import sys

import torch


def main():
    folder, steps = sys.argv[1], int(sys.argv[2])
    sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("twin_model", os.path.join(folder, "model.py"))
    model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(model)
    import gangen_twin as twin

    gan = model.Gan()
    twin.load_weights(gan, os.path.join(folder, "weights.safetensors"))
    batches, _ = twin.read_safetensors(os.path.join(folder, "batches.safetensors"))
    draws = twin.ReplayDraws(twin.read_safetensors(os.path.join(folder, "draws.safetensors"))[0])
    trainer = twin.Trainer(model, gan, draws=draws)
    loss_d = torch.full([steps], math.nan, dtype=torch.float64)
    loss_g = torch.full([steps], math.nan, dtype=torch.float64)
    for step in range(steps):
        prefix = f"{step:04d}."
        d, g = trainer.step(batches[prefix + "data"], batches.get(prefix + "labels"), batches.get(prefix + "sources"))
        loss_d[step] = d
        if g is not None:
            loss_g[step] = g
    if draws.remaining != 0:
        raise SystemExit(f"the twin used {draws.count - draws.remaining} of GanGen's {draws.count} draws")

    probe, _ = twin.read_safetensors(os.path.join(folder, "probe.safetensors"))
    samples = trainer.sample(probe["input"], probe.get("labels"))
    twin.write_safetensors(os.path.join(folder, "losses.safetensors"), {"loss_d": loss_d, "loss_g": loss_g})
    twin.save_weights(gan, os.path.join(folder, "final.safetensors"), steps)
    twin.write_safetensors(os.path.join(folder, "samples.safetensors"), {"samples": samples})
    print(f"{model.DECLARATION['name']}: {steps} steps, {draws.count} draws replayed", flush=True)


if __name__ == "__main__":
    main()
