using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime.Interop;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>Loading safetensors into a module: in place, all or nothing, and one line per mismatch.</summary>
public sealed class StateDictLoaderTests : TemporaryFolderTests
{
    public StateDictLoaderTests() : base("gangen-state-dict") { }

    private static nn.Module<Tensor, Tensor> Network(int seed)
    {
        torch.manual_seed(seed);
        return nn.Sequential(("fc", nn.Linear(3, 4)), ("bn", nn.BatchNorm1d(4)));
    }

    [Fact]
    public void SavedModuleLoadsIntoTheExistingParametersInPlace()
    {
        using var source = Network(seed: 1);
        using (var _ = no_grad())
        {
            // Non-trivial running statistics, so buffers are proven to travel along with parameters.
            source.buffers().ToList().ForEach(buffer => buffer.add_(1));
        }
        string path = PathOf("net.safetensors");
        SafeTensors.Save(source, path, new Dictionary<string, string> { ["declaration"] = "Test" });
        using var target = Network(seed: 2);
        var weightBefore = target.parameters().First();

        var metadata = SafeTensors.Load(target, path);

        Assert.Equal("Test", metadata["declaration"]);
        var expected = source.state_dict();
        foreach (var (name, tensor) in target.state_dict())
            Assert.True(tensor.eq(expected[name]).all().item<bool>(), $"{name} differs after loading");
        // The parameter object held before loading now has the loaded values: copy_ wrote into it.
        Assert.True(weightBefore.eq(expected["fc.weight"]).all().item<bool>());
        Assert.Same(weightBefore, target.parameters().First());
    }

    [Fact]
    public void EveryMismatchIsListedAndNothingIsCopied()
    {
        using var module = Network(seed: 3);
        var state = module.state_dict();
        var originals = state.ToDictionary(pair => pair.Key, pair => pair.Value.clone());
        var tensors = new Dictionary<string, Tensor>(state);
        tensors.Remove("bn.running_var");
        tensors["fc.weight"] = zeros(4, 2);
        tensors["fc.bias"] = zeros(4, dtype: ScalarType.Float64);
        tensors["head.weight"] = zeros(1, 4);

        var error = Assert.Throws<InvalidDataException>(() => StateDictLoader.CopyInto(module, tensors, "weights.safetensors"));

        string nl = Environment.NewLine;
        Assert.Equal(
            $"'weights.safetensors' does not fit the module:{nl}"
            + $"  missing tensor 'bn.running_var' (Float32 [4]){nl}"
            + $"  tensor 'fc.bias' has dtype Float64 in the file but Float32 in the module{nl}"
            + $"  tensor 'fc.weight' has shape [4, 2] in the file but [4, 3] in the module{nl}"
            + "  unexpected tensor 'head.weight' (Float32 [1, 4]), which the module does not have",
            error.Message);
        foreach (var (name, tensor) in module.state_dict())
            Assert.True(tensor.eq(originals[name]).all().item<bool>(), $"{name} changed although loading failed");
    }

    [Fact]
    public void LoadingAFileWithAMissingTensorNamesIt()
    {
        using var module = Network(seed: 4);
        var partial = module.state_dict().Where(pair => pair.Key != "fc.bias").ToDictionary(pair => pair.Key, pair => pair.Value);
        string path = PathOf("partial.safetensors");
        SafeTensors.Write(path, partial);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(module, path));

        Assert.Equal($"'{path}' does not fit the module:{Environment.NewLine}  missing tensor 'fc.bias' (Float32 [4])", error.Message);
    }
}
