"""Trains the PyTorch twin of a GanGen GAN, on one process or under torchrun with DistributedDataParallel.

    torchrun --nproc_per_node=2 train.py --data data.safetensors --steps 300 --batch-size 64 --out trained.safetensors

--data is a safetensors file with "data" [M, ...sample shape] (float32, finite, in the declared range) and, when the
GAN takes them, "labels" [M] (int64, within its classes) and "sources" [M, ...]: GanGen's PyTorchTwin.WriteDataset
writes one. Training starts from weights.safetensors beside this file (GanGen's weights when it wrote the twin)
unless --weights names another file or "none". Each process draws its own batches of --batch-size; DDP averages the
gradients. Rank 0 writes --out, which GanGen's LoadWeights reads.

Everything is checked before training (twin_input.py): a mistake is one line "error: ..." on stderr, exit code 2 for
the command line, 1 for a file or the data (also for divergence and lack of memory), and no file is written or
changed. Under torchrun every rank checks and fails alike; rank 0 prints the line.
"""
import math
import os
import sys
import time


def main():
    try:
        import torch
        import torch.distributed as dist
    except ImportError as error:
        raise SystemExit(f"error: {sys.executable} cannot import PyTorch ({error}); install it (Debian: apt-get install python3-torch)")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gangen_twin as twin
    import twin_input as checks
    try:
        import model
    except Exception as error:  # noqa: BLE001 - any failure of the generated module is the twin folder's fault
        raise SystemExit(f"error: the twin's model.py cannot be imported ({type(error).__name__}: {error}); write the twin again with WritePyTorchTwin")

    rank = int(os.environ.get("RANK", "0"))
    try:
        train(torch, dist, twin, model, checks, rank)
    except checks.UserError as error:
        fail(str(error), error.exit_code, rank)
    except twin.BatchSizeError as error:
        fail(f"--batch-size: {error}", checks.UsageError.exit_code, rank)
    except (MemoryError, RuntimeError) as error:
        text = str(error)
        if not isinstance(error, MemoryError) and "can't allocate memory" not in text and "out of memory" not in text:
            raise
        fail(f"out of memory: {text.splitlines()[0] if text else 'an allocation failed'}; lower --batch-size", 1, rank)
    except KeyboardInterrupt:
        fail("stopped by Ctrl+C; nothing was written", 130, rank)


def fail(message, exit_code, rank):
    """One line on rank 0's stderr; every rank exits with the same code, so torchrun reports the job failed."""
    if rank == 0:
        print(f"error: {message}", file=sys.stderr, flush=True)
    sys.exit(exit_code)


def parse(checks, declaration, argv):
    default_weights = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.safetensors")
    parser = checks.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="safetensors file with 'data' (and 'labels', 'sources')")
    parser.add_argument("--steps", type=checks.whole(1), default=1000, help="training steps (discriminator updates) per process, at least 1")
    parser.add_argument("--batch-size", type=checks.whole(1), default=64, help="samples per process and step, at least 1")
    parser.add_argument("--weights", default=default_weights, help="initial weights, or 'none' for the declared initialisation")
    parser.add_argument("--out", default="trained.safetensors", help="where rank 0 writes the trained weights (never an input)")
    parser.add_argument("--seed", type=checks.whole(0, 2**31 - 1), default=0)
    parser.add_argument("--log-every", type=checks.whole(1), default=100)
    parser.add_argument("--lr-g", type=checks.learning_rate, help=f"the generator's learning rate (default: declared, {declaration['generator_optimizer']['LearningRate']:g})")
    parser.add_argument("--lr-d", type=checks.learning_rate, help=f"the discriminator's learning rate (default: declared, {declaration['discriminator_optimizer']['LearningRate']:g})")
    return parser.parse_args(argv)


def train(torch, dist, twin, model, checks, rank):
    declaration = model.DECLARATION
    args = parse(checks, declaration, sys.argv[1:])
    twin_folder = os.path.dirname(os.path.abspath(__file__))
    checks.check_arguments(args, declaration, twin_folder, OWN_FILES)
    data, labels, sources = checks.read_dataset(args.data, declaration)
    for network, rate in (("generator", args.lr_g), ("discriminator", args.lr_d)):
        if rate is not None:
            declaration[f"{network}_optimizer"]["LearningRate"] = rate

    gan = model.Gan()
    if args.weights != "none":
        try:
            twin.load_weights(gan, args.weights)
        except ValueError as error:
            raise checks.DataError(f"--weights {error}") from None

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    if distributed:
        dist.init_process_group(backend="gloo" if not torch.cuda.is_available() else "nccl")
    world = dist.get_world_size() if distributed else 1
    torch.manual_seed(args.seed * 1000 + rank)
    trainer = twin.Trainer(model, gan, distributed=distributed)
    batches = torch.Generator().manual_seed(args.seed * 1000 + rank + 1)

    started = time.time()
    for step in range(args.steps):
        rows = torch.randint(0, data.size(0), (args.batch_size,), generator=batches)
        loss_d, loss_g = trainer.step(data[rows], None if labels is None else labels[rows], None if sources is None else sources[rows])
        # DDP averages the gradients, so a diverged loss diverges on every rank at the same step: all stop alike.
        if not math.isfinite(loss_d) or (loss_g is not None and not math.isfinite(loss_g)):
            raise checks.DataError(f"training diverged at step {step + 1}: loss D is {loss_d}, loss G is {loss_g}; nothing was written. "
                                   "Lower the learning rates (--lr-d, --lr-g), e.g. halve them")
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
        try:
            twin.save_weights(gan, args.out, trainer.step_count)
        except ValueError as error:
            raise checks.DataError(str(error)) from None
        except OSError as error:
            raise checks.DataError(f"--out '{args.out}' cannot be written: {error.strerror}") from None
        print(f"wrote {args.out} after {args.steps} steps on {world} process(es) in {time.time() - started:.1f} s", flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


# The files WritePyTorchTwin writes beside this one (PyTorchTwin.OwnFiles and its manifest): --out is never one of them.
OWN_FILES = ("model.py", "__init__.py", "weights.safetensors", "gangen_twin.py", "train.py", "twin_input.py", "README.md", ".gangen-twin")


if __name__ == "__main__":
    main()
