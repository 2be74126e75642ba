"""Runs PyTorch twins' networks on the inputs GanGen wrote, for the per-kind and conditioning twin tests.

usage: twin_forward.py CASE_FOLDER...

Each folder holds a twin written by WritePyTorchTwin (model.py, gangen_twin.py, weights.safetensors) and
inputs.safetensors with "generator.input", "discriminator.input" and, for a conditional GAN, "labels". The script
loads the weights with load_state_dict(strict=True), runs both networks in evaluation mode, then in training mode
(batch statistics, updating the running ones), and writes outputs.safetensors (the outputs by those names, ".class_logits"
for AC-GAN) and state.safetensors (the Gan module's state after the passes).
"""
import importlib.util
import os
import sys

import torch


def run(network, inputs, labels, conditional):
    with torch.no_grad():
        result = network(inputs, labels) if conditional else network(inputs)
    return result if isinstance(result, tuple) else (result, None)


def main():
    for number, folder in enumerate(sys.argv[1:]):
        sys.path.insert(0, folder)
        spec = importlib.util.spec_from_file_location(f"twin_model_{number}", os.path.join(folder, "model.py"))
        model = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(model)
        twin = sys.modules["gangen_twin"]
        sys.path.pop(0)

        gan = model.Gan()
        twin.load_weights(gan, os.path.join(folder, "weights.safetensors"))
        inputs, _ = twin.read_safetensors(os.path.join(folder, "inputs.safetensors"))
        labels = inputs.get("labels")
        outputs = {}
        for mode in ("eval", "train"):
            gan.train(mode == "train")
            for role in ("generator", "discriminator"):
                network = getattr(gan, role)
                # A network takes labels when its forward has a parameter for them.
                conditional = network.forward.__code__.co_argcount == 3
                scores, logits = run(network, inputs[f"{role}.input"], labels, conditional)
                outputs[f"{role}.{mode}"] = scores
                if logits is not None:
                    outputs[f"{role}.{mode}.class_logits"] = logits
        twin.write_safetensors(os.path.join(folder, "outputs.safetensors"), outputs)
        twin.save_weights(gan, os.path.join(folder, "state.safetensors"))
        print(f"{folder}: {len(outputs)} outputs", flush=True)


if __name__ == "__main__":
    main()
