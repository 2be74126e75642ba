"""Trains the PyTorch twin of a GanGen GAN, on one process or under torchrun with DistributedDataParallel.

    torchrun --nproc_per_node=2 train.py --data data.safetensors --steps 300 --batch-size 64 --out trained.safetensors

--data is a safetensors file with "data" [M, ...sample shape] and, when the GAN takes them, "labels" [M] (int64) and
"sources" [M, ...]: GanGen's PyTorchTwin.WriteDataset writes one. Training starts from weights.safetensors beside this
file (GanGen's weights when it wrote the twin) unless --weights names another file or "none". Each process draws its
own batches of --batch-size; DDP averages the gradients. Rank 0 writes --out, which GanGen's LoadWeights reads.
"""
import argparse
import os
import sys
import time

import torch
import torch.distributed as dist

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gangen_twin as twin  # noqa: E402
import model  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="safetensors file with 'data' (and 'labels', 'sources')")
    parser.add_argument("--steps", type=int, default=1000, help="training steps (discriminator updates) per process")
    parser.add_argument("--batch-size", type=int, default=64, help="samples per process and step")
    parser.add_argument("--weights", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.safetensors"),
                        help="initial weights, or 'none' for the declared initialisation")
    parser.add_argument("--out", default="trained.safetensors", help="where rank 0 writes the trained weights")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log-every", type=int, default=100)
    args = parser.parse_args()

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    if distributed:
        dist.init_process_group(backend="gloo" if not torch.cuda.is_available() else "nccl")
    rank = dist.get_rank() if distributed else 0
    world = dist.get_world_size() if distributed else 1
    torch.manual_seed(args.seed * 1000 + rank)

    gan = model.Gan()
    if args.weights != "none":
        twin.load_weights(gan, args.weights)
    trainer = twin.Trainer(model, gan, distributed=distributed)

    tensors, _ = twin.read_safetensors(args.data)
    data, labels, sources = tensors["data"], tensors.get("labels"), tensors.get("sources")
    if model.DECLARATION["classes"] > 0 and labels is None:
        raise SystemExit(f"error: {args.data} has no 'labels', but {model.DECLARATION['name']} is conditional")
    if model.DECLARATION["input"] == "Source" and sources is None:
        raise SystemExit(f"error: {args.data} has no 'sources', but {model.DECLARATION['name']} refines sources")
    batches = torch.Generator().manual_seed(args.seed * 1000 + rank + 1)

    started = time.time()
    for step in range(args.steps):
        rows = torch.randint(0, data.size(0), (args.batch_size,), generator=batches)
        loss_d, loss_g = trainer.step(data[rows], None if labels is None else labels[rows], None if sources is None else sources[rows])
        if rank == 0 and ((step + 1) % args.log_every == 0 or step + 1 == args.steps):
            shown = "-" if loss_g is None else f"{loss_g:.4f}"
            print(f"step {step + 1}/{args.steps} (x{world} processes): loss D {loss_d:.4f}, loss G {shown}", flush=True)
    if distributed:
        # DDP keeps every replica's parameters equal (same start, averaged gradients); confirm it before writing
        # rank 0's. Buffers such as batch-norm statistics are rank 0's too: DDP broadcasts them before each forward.
        with torch.no_grad():
            mine = torch.cat([parameter.flatten().double() for parameter in gan.parameters()])
            first = mine.clone()
            dist.broadcast(first, 0)
            spread = (mine - first).abs().max()
            dist.all_reduce(spread, op=dist.ReduceOp.MAX)
        if rank == 0:
            print(f"replicas agree: max parameter difference {spread.item():.3g} across {world} processes", flush=True)
    if rank == 0:
        twin.save_weights(gan, args.out, trainer.step_count)
        print(f"wrote {args.out} after {args.steps} steps on {world} process(es) in {time.time() - started:.1f} s", flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
