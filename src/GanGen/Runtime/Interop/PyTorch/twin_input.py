"""The checks train.py runs before it trains: every argument and the data file, against the twin's DECLARATION.

A user's mistake is a UserError: train.py prints it as one line, "error: ...", on stderr, with exit code 2 when the
command line must change (UsageError) and 1 when a file or the data is at fault (DataError), and no traceback. Every
check runs on every rank of a torchrun job before the process group starts, so each rank fails the same way.
"""
import argparse
import math
import os

import torch

import gangen_twin as twin

# Real batches of one step may hold at most this many bytes (float32 samples): a bound well inside a host's memory,
# so a mistyped --batch-size is refused in a line instead of ending in the kernel's OOM killer.
MAX_BATCH_BYTES = 1 << 30

# How far declared-range data may stray past the range (rounding of a [0, 255] -> [-1, 1] conversion).
RANGE_TOLERANCE = 1e-3

RANGES = {"MinusOneToOne": (-1.0, 1.0), "ZeroToOne": (0.0, 1.0)}


class UserError(Exception):
    """A mistake of the user's, reported as one line with an exit code."""
    exit_code = 1


class UsageError(UserError):
    """The command line must change: exit code 2."""
    exit_code = 2


class DataError(UserError):
    """A file or the data is at fault: exit code 1."""
    exit_code = 1


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose mistakes are a UsageError (one line) instead of a usage text and SystemExit."""

    def error(self, message):
        raise UsageError(message)


def whole(low, high=None):
    """An argparse type: a whole number from low (to high)."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number; got '{text}'") from None
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise argparse.ArgumentTypeError(f"must be a whole number {bounds}; got {value}")
        return value
    return parse


def learning_rate(text):
    """An argparse type: a finite number greater than 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number; got '{text}'") from None
    if not math.isfinite(value) or value <= 0 or value > 1:
        raise argparse.ArgumentTypeError(f"must be a finite number greater than 0 and at most 1; got {text}")
    return value


def check_arguments(args, declaration, twin_folder, own_files):
    """The arguments that need more than their type: the batch size against memory and packing, and the paths."""
    sample_elements = math.prod(declaration["data_shape"])
    largest = max(1, MAX_BATCH_BYTES // (4 * sample_elements))
    if args.batch_size > largest:
        raise UsageError(f"--batch-size {args.batch_size} needs {args.batch_size * sample_elements * 4 / 2**30:.1f} GiB per batch of "
                         f"{declaration['name']}'s samples; at most {largest} fit in {MAX_BATCH_BYTES >> 30} GiB")
    pack = declaration["pack"]
    if args.batch_size % pack != 0:
        raise UsageError(f"--batch-size must be a multiple of {declaration['name']}'s pack of {pack}; got {args.batch_size}")
    require_readable_file(args.data, "--data")
    if args.weights != "none":
        require_readable_file(args.weights, "--weights")
    check_output(args, twin_folder, own_files)


def require_readable_file(path, option):
    """A file that exists and can be read; a problem is a DataError naming the option."""
    if not path:
        raise UsageError(f"{option} must name a file")
    if os.path.isdir(path):
        raise UsageError(f"{option} '{path}' is a folder; name a safetensors file")
    if not os.path.exists(path):
        raise DataError(f"{option} '{path}' does not exist")
    try:
        with open(path, "rb"):
            pass
    except OSError as error:
        raise DataError(f"{option} '{path}' cannot be read: {error.strerror}") from None


def check_output(args, twin_folder, own_files):
    """--out: a new file or an earlier weights file, in an existing folder, and never one of the inputs."""
    out = args.out
    if not out:
        raise UsageError("--out must name a file")
    if os.path.isdir(out):
        raise UsageError(f"--out '{out}' is a folder; name the weights file to write")
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise UsageError(f"--out '{out}': the folder '{folder}' does not exist")
    inputs = [("--data", args.data)] + ([("--weights", args.weights)] if args.weights != "none" else [])
    inputs += [(f"the twin's {name}", os.path.join(twin_folder, name)) for name in own_files]
    for what, path in inputs:
        if os.path.realpath(out) == os.path.realpath(path):
            raise UsageError(f"--out '{out}' is {what}; train.py never overwrites an input: choose another --out")
    if os.path.exists(out) and not _is_weights_file(out):
        raise UsageError(f"--out '{out}' exists and is not a weights file train.py or GanGen wrote; choose another --out")


def _is_weights_file(path):
    try:
        _, metadata = twin.read_safetensors(path)
    except (OSError, ValueError):
        return False
    return "gangen.gan" in metadata


def read_dataset(path, declaration):
    """data, labels, sources of --data, checked against the declaration before anything trains on them."""
    try:
        tensors, _ = twin.read_safetensors(path)
    except ValueError as error:
        raise DataError(f"--data {error}") from None
    except OSError as error:
        raise DataError(f"--data '{path}' cannot be read: {error.strerror}") from None
    name, classes = declaration["name"], declaration["classes"]
    refiner = declaration["input"] == "Source"
    wanted = ["data"] + (["labels"] if classes > 0 else []) + (["sources"] if refiner else [])
    for tensor in sorted(tensors):
        if tensor not in wanted:
            raise DataError(f"--data '{path}' holds '{tensor}', which {name} does not take (it reads {', '.join(wanted)})")
    for tensor in wanted:
        if tensor not in tensors:
            why = {"data": "the samples [M, ...]", "labels": f"int64 [M]: {name} is conditional",
                   "sources": f"[M, ...]: {name} refines sources"}[tensor]
            raise DataError(f"--data '{path}' has no '{tensor}' tensor ({why})")
    data = tensors["data"]
    expected = list(declaration["data_shape"])
    if data.dtype != torch.float32:
        raise DataError(f"--data '{path}': 'data' is {_dtype(data)}, but {name} computes in float32; convert it (e.g. tensor.float())")
    if data.dim() != len(expected) + 1 or list(data.shape[1:]) != expected:
        raise DataError(f"--data '{path}': 'data' has shape {list(data.shape)}, but {name}'s samples are {expected}: it must be [M, {', '.join(map(str, expected))}]")
    rows = data.size(0)
    if rows == 0:
        raise DataError(f"--data '{path}': 'data' holds no samples; a dataset needs at least one row")
    for tensor in wanted:
        found = twin.non_finite({tensor: tensors[tensor]})
        if found is not None:
            raise DataError(f"--data '{path}': '{tensor}' holds {found[1]:,} NaN and {found[2]:,} infinite values of {found[3]:,}; remove or fix those samples")
    bounds = RANGES.get(declaration["range"])
    if bounds is not None:
        low, high = float(data.min()), float(data.max())
        if low < bounds[0] - RANGE_TOLERANCE or high > bounds[1] + RANGE_TOLERANCE:
            raise DataError(f"--data '{path}': 'data' spans [{low:g}, {high:g}], but {name}'s range is {declaration['range']} "
                            f"[{bounds[0]:g}, {bounds[1]:g}]; scale it first")
    labels = tensors.get("labels")
    if labels is not None:
        if labels.dtype != torch.int64 or list(labels.shape) != [rows]:
            raise DataError(f"--data '{path}': 'labels' is {_dtype(labels)} {list(labels.shape)}; labels are int64 [{rows}], one per sample")
        outside = labels[(labels < 0) | (labels >= classes)]
        if outside.numel() > 0:
            raise DataError(f"--data '{path}': 'labels' holds {outside.numel():,} labels outside {name}'s classes 0 to {classes - 1} "
                            f"(e.g. {int(outside[0])})")
    sources = tensors.get("sources")
    if sources is not None and (sources.dtype != torch.float32 or sources.dim() < 2 or sources.size(0) != rows):
        raise DataError(f"--data '{path}': 'sources' is {_dtype(sources)} {list(sources.shape)}; sources are float32 [{rows}, ...], one per sample")
    return data, labels, sources


def _dtype(tensor):
    return str(tensor.dtype).replace("torch.", "")
