using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// Self-attention over positions (SAGAN, Zhang et al. 2019, §3): 1×1 convolutions give queries and keys of C/r channels
/// and values of C; each position's output is the softmax-weighted sum of all positions' values, and the layer returns
/// x + γ·output with γ a learned scalar starting at 0, so the network first relies on its convolutions and lets
/// attention in as γ grows. With spectral normalisation every inner convolution is normalised, as SAGAN does in both
/// networks. Children: <c>query</c>, <c>key</c>, <c>value</c>; parameter <c>gamma</c>.
/// </summary>
public sealed class SelfAttention : OwnParameters
{
    private readonly Conv2d _query, _key, _value;
    private readonly SpectralNorm? _queryNorm, _keyNorm, _valueNorm;
    private Parameter _gamma;

    /// <summary>Attention over <paramref name="channels"/>, queries and keys of <paramref name="keyChannels"/>.</summary>
    public SelfAttention(long channels, long keyChannels, bool spectral = false) : base(nameof(SelfAttention))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "At least one channel is needed.");
        if (keyChannels < 1) throw new ArgumentOutOfRangeException(nameof(keyChannels), keyChannels, "Queries and keys need at least one channel.");
        Channels = channels;
        KeyChannels = keyChannels;
        _query = nn.Conv2d(channels, keyChannels, 1);
        _key = nn.Conv2d(channels, keyChannels, 1);
        _value = nn.Conv2d(channels, channels, 1);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
        _gamma = nn.Parameter(zeros(1));
        register_parameter("gamma", _gamma);
        if (spectral)
        {
            _queryNorm = new SpectralNorm(_query, _query.weight!);
            _keyNorm = new SpectralNorm(_key, _key.weight!);
            _valueNorm = new SpectralNorm(_value, _value.weight!);
        }
    }

    /// <summary>C: channels in and out.</summary>
    public long Channels { get; }

    /// <summary>C/r: channels of the queries and keys.</summary>
    public long KeyChannels { get; }

    /// <summary>The query convolution.</summary>
    public Conv2d Query => _query;

    /// <summary>The key convolution.</summary>
    public Conv2d Key => _key;

    /// <summary>The value convolution.</summary>
    public Conv2d Value => _value;

    /// <summary>The spectral norms of the query, key and value convolutions (null without spectral normalisation).</summary>
    public (SpectralNorm Query, SpectralNorm Key, SpectralNorm Value)? Spectral =>
        _queryNorm is null ? null : (_queryNorm, _keyNorm!, _valueNorm!);

    /// <summary>γ, the output's scale (a [1] parameter; settable, so Module.to can replace it: see <see cref="OwnParameters"/>).</summary>
    public Parameter gamma
    {
        get => _gamma;
        set => Replace(ref _gamma, value, nameof(gamma));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        long n = input.size(0), h = input.size(2), w = input.size(3);
        using var query = Projection(_query, _queryNorm, input);
        using var key = Projection(_key, _keyNorm, input);
        using var value = Projection(_value, _valueNorm, input);
        using var queries = query.view(n, KeyChannels, h * w);
        using var keys = key.view(n, KeyChannels, h * w);
        using var values = value.view(n, Channels, h * w);
        // energy[i, j] = ⟨q_i, k_j⟩; each row i (a query position) is normalised over the key positions j.
        using var transposed = queries.transpose(1, 2);
        using var energy = transposed.bmm(keys);
        using var attention = energy.softmax(-1);
        using var weights = attention.transpose(1, 2);
        using var attended = values.bmm(weights);
        using var output = attended.view(n, Channels, h, w);
        using var scaled = output.mul(_gamma);
        return input.add(scaled);
    }

    private static Tensor Projection(Conv2d conv, SpectralNorm? spectral, Tensor x) =>
        spectral is null ? Forward.Conv2d(conv, x) : Forward.Conv2d(conv, x, spectral.Weight(conv.weight!));

    /// <summary>Starts an update of the spectrally normalised convolutions (one power iteration, shared until the end).</summary>
    public void BeginSpectralPass()
    {
        _queryNorm?.BeginPass();
        _keyNorm?.BeginPass();
        _valueNorm?.BeginPass();
    }

    /// <summary>Ends an update: the weights may change now.</summary>
    public void EndSpectralPass()
    {
        _queryNorm?.EndPass();
        _keyNorm?.EndPass();
        _valueNorm?.EndPass();
    }

    /// <summary>Registers nothing by reflection: the constructor registered every child under its PyTorch name.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _queryNorm?.Dispose();
            _keyNorm?.Dispose();
            _valueNorm?.Dispose();
        }
        base.Dispose(disposing);
    }
}
