using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// SimGAN's history of refined images (Shrivastava et al. 2017, §2.3), for any generated samples: each discriminator
/// batch of N fakes has its last round(Share·N) rows replaced by samples drawn at random from the history, and that
/// many of the current fakes enter the history — appended until it holds <see cref="Capacity"/>, then replacing
/// random entries. Draws use the global generator, so a seeded run is reproducible.
/// </summary>
public sealed class ImageHistory : IStatefulRegularizer, IDisposable
{
    private Tensor? _buffer;
    private long _filled;
    private readonly long[] _draw = new long[1];

    /// <summary>Creates a history of <paramref name="capacity"/> samples supplying <paramref name="share"/> of each fake batch.</summary>
    public ImageHistory(double share, int capacity)
    {
        if (!(share > 0 && share < 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "The history's share must lie in (0, 1).");
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The history must hold at least one sample.");
        Share = share;
        Capacity = capacity;
    }

    /// <summary>Share of each fake batch drawn from the history.</summary>
    public double Share { get; }

    /// <summary>Samples the history holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Samples the history holds now.</summary>
    public long Count => _filled;

    /// <inheritdoc />
    public string StateName => "image_history";

    /// <summary>
    /// The fake batch the discriminator trains on: <paramref name="fake"/> (detached) with its last round(Share·N) rows
    /// replaced by history samples once the history has that many; then records that many current fakes.
    /// </summary>
    public Tensor Mix(Tensor fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        long count = fake.size(0);
        long share = Math.Min(count, (long)Math.Round(Share * count));
        EnsureBuffer(fake);
        // detach() makes a tensor of its own: disposed here, or every step would leave one alive.
        using var detached = fake.detach();
        var mixed = detached.clone();
        if (share > 0 && _filled >= share)
        {
            _draw[0] = share;
            using var picks = randint(0, _filled, _draw, dtype: ScalarType.Int64, device: fake.device);
            using var drawn = _buffer!.index_select(0, picks);
            using var tail = mixed.narrow(0, count - share, share);
            tail.copy_(drawn);
        }
        if (share > 0) Record(fake, share);
        return mixed;
    }

    private void Record(Tensor fake, long share)
    {
        using var detached = fake.detach();
        using var current = detached.narrow(0, 0, share);
        long free = Math.Min(share, Capacity - _filled);
        if (free > 0)
        {
            using var slot = _buffer!.narrow(0, _filled, free);
            using var head = current.narrow(0, 0, free);
            slot.copy_(head);
            _filled += free;
        }
        long rest = share - free;
        if (rest <= 0) return;
        _draw[0] = rest;
        using var positions = randint(0, Capacity, _draw, dtype: ScalarType.Int64, device: fake.device);
        using var remaining = current.narrow(0, free, rest);
        _buffer!.index_copy_(0, positions, remaining);
    }

    private void EnsureBuffer(Tensor fake)
    {
        if (_buffer is not null) return;
        var shape = fake.shape;
        shape[0] = Capacity;
        _buffer = zeros(shape, dtype: fake.dtype, device: fake.device).DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        if (_buffer is null) yield break;
        yield return ("buffer", _buffer);
        using var filled = tensor(_filled);
        yield return ("filled", filled);
    }

    /// <inheritdoc />
    public void Restore(IReadOnlyDictionary<string, Tensor> state, Device device)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue("buffer", out var buffer) || !state.TryGetValue("filled", out var filled)) return;
        if (buffer.size(0) != Capacity)
            throw new System.IO.InvalidDataException($"The checkpoint's image history holds {buffer.size(0)} samples, but this GAN declares Capacity = {Capacity}.");
        _buffer?.Dispose();
        _buffer = buffer.to(device).clone().DetachFromDisposeScope();
        _filled = filled.item<long>();
    }

    /// <inheritdoc />
    public void Dispose() => _buffer?.Dispose();
}
