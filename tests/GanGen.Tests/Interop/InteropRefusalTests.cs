using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Tests.Infrastructure;
using GanGen.Examples.Models;
using GanGen.Runtime;
using GanGen.Runtime.Interop;
using GanGen.Runtime.Interop.PyTorch;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>
/// The interop API refuses what it cannot use with one <see cref="GanInputException"/> naming the argument, file or
/// tensor, before it changes anything: the twin writer never overwrites a file it did not write, no export writes
/// and no load copies NaN or ±∞, and every file that existed before is byte-identical afterwards.
/// </summary>
public sealed class InteropRefusalTests : TemporaryFolderTests
{
    public InteropRefusalTests() : base("gangen-interop-refusals")
    {
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("model.py")]
    [InlineData("__init__.py")]
    [InlineData("train.py")]
    [InlineData("weights.safetensors")]
    public void WritePyTorchTwin_refuses_a_folder_holding_a_file_of_its_names_that_it_did_not_write(string name)
    {
        string folder = PathOf("project");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), "the user's own file");
        var before = FolderSnapshot.Take(FolderPath);
        using var gan = new RingGan(seed: 1);

        var error = Assert.Throws<GanInputException>(() => gan.WritePyTorchTwin(folder));

        Assert.Equal(folder, error.Subject);
        Assert.Contains($"holds '{name}', which WritePyTorchTwin did not write", error.Message);
        before.AssertUnchanged("WritePyTorchTwin");
    }

    [Fact]
    public void WritePyTorchTwin_rewrites_its_own_twin_and_leaves_the_users_other_files()
    {
        string folder = PathOf("twin");
        using var gan = new RingGan(seed: 1);
        gan.WritePyTorchTwin(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        using var points = randn(16, 2);
        PyTorchTwin.WriteDataset(Path.Combine(folder, "data.safetensors"), points);
        byte[] data = File.ReadAllBytes(Path.Combine(folder, "data.safetensors"));

        gan.Step(randn(32, 2));
        gan.WritePyTorchTwin(folder);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.Equal(data, File.ReadAllBytes(Path.Combine(folder, "data.safetensors")));
        using var weights = SafeTensors.Read(Path.Combine(folder, PyTorchTwin.WeightsFile));
        Assert.Equal("1", weights.Metadata["gangen.step"]);
        Assert.Contains("twin_input.py", File.ReadAllText(Path.Combine(folder, ".gangen-twin")));
    }

    [Fact]
    public void Exports_refuse_non_finite_weights_naming_the_tensor_and_the_counts_and_write_nothing()
    {
        string folder = PathOf("exports");
        Directory.CreateDirectory(folder);
        using var gan = new RingGan(seed: 1);
        gan.SaveWeights(Path.Combine(folder, "weights.safetensors"));
        using (no_grad())
        {
            using (var first = gan.GeneratorParameters.Values.narrow(0, 0, 2)) first.fill_(float.NaN);
            using (var third = gan.GeneratorParameters.Values.narrow(0, 2, 1)) third.fill_(float.PositiveInfinity);
        }
        var before = FolderSnapshot.Take(FolderPath);

        var save = Assert.Throws<GanInputException>(() => gan.SaveWeights(Path.Combine(folder, "weights.safetensors")));
        var onnx = Assert.Throws<GanInputException>(() => gan.ExportOnnx(Path.Combine(folder, "generator.onnx")));
        var twin = Assert.Throws<GanInputException>(() => gan.WritePyTorchTwin(Path.Combine(folder, "twin")));

        foreach (var error in new[] { save, onnx, twin }) Assert.Contains("holds 2 NaN and 1 infinite values of", error.Message);
        Assert.Contains("tensor 'generator.", save.Message);
        Assert.Contains("nothing was written", onnx.Message);
        // The twin's weights are checked before its Python files are written: a refused twin writes nothing at all.
        string twinFolder = Path.Combine(folder, "twin");
        Assert.False(Directory.Exists(twinFolder) && Directory.EnumerateFileSystemEntries(twinFolder).Any(), "the refused twin wrote files");
        if (Directory.Exists(twinFolder)) Directory.Delete(twinFolder);
        before.AssertUnchanged("the exports");
    }

    [Fact]
    public void LoadWeights_refuses_a_file_with_non_finite_weights_and_changes_no_weight()
    {
        using var gan = new RingGan(seed: 1);
        string path = PathOf("nan.safetensors");
        gan.SaveWeights(path);
        string poisoned;
        using (var file = SafeTensors.Read(path))
            poisoned = file.Names.Order(StringComparer.Ordinal).First(name => name.StartsWith("discriminator.", StringComparison.Ordinal) && file.Tensors[name].is_floating_point());
        PoisonedWeights.Write(path, path, poisoned, 1, float.NaN);
        using var other = new RingGan(seed: 2);
        using var generator = other.GeneratorParameters.Values.clone();
        using var discriminator = other.DiscriminatorParameters.Values.clone();

        var error = Assert.Throws<GanInputException>(() => other.LoadWeights(path));

        Assert.Equal(path, error.Subject);
        Assert.Contains($"tensor '{poisoned}' holds 1 NaN and 0 infinite values", error.Message);
        Assert.True(generator.equal(other.GeneratorParameters.Values).all().item<bool>() && discriminator.equal(other.DiscriminatorParameters.Values).all().item<bool>(), "a weight was loaded");
    }

    public static TheoryData<string, Action<string>, string, string> BadArguments() => new()
    {
        { "SafeTensors.Write(\"\")", _ => SafeTensors.Write("", new Dictionary<string, Tensor>()), "path", "is empty" },
        { "SafeTensors.Write(null tensors)", folder => SafeTensors.Write(Path.Combine(folder, "x.safetensors"), null!), "tensors", "is null" },
        { "SafeTensors.Read(folder)", folder => SafeTensors.Read(folder).Dispose(), "path", "is a folder" },
        { "WriteDataset(\" \")", _ => PyTorchTwin.WriteDataset(" ", ones(2, 2)), "path", "is empty" },
        { "WriteDataset(no rows)", folder => PyTorchTwin.WriteDataset(Path.Combine(folder, "d.safetensors"), ones(0, 2)), "data", "no samples" },
        { "WriteDataset(int32 labels)", folder => PyTorchTwin.WriteDataset(Path.Combine(folder, "d.safetensors"), ones(3, 2), ones(3, dtype: ScalarType.Int32)), "labels", "labels are int64 [M]" },
        { "WriteDataset(rows differ)", folder => PyTorchTwin.WriteDataset(Path.Combine(folder, "d.safetensors"), ones(3, 2), zeros(2, dtype: ScalarType.Int64)), "labels", "has 2 rows but 'data' has 3" },
        { "WriteDataset(NaN data)", folder => PyTorchTwin.WriteDataset(Path.Combine(folder, "d.safetensors"), full(3, 2, float.NaN)), Path.Combine("{folder}", "d.safetensors"), "tensor 'data' holds 6 NaN" },
        { "PyTorchTwin.Write(\"\")", _ => PyTorchTwin.Write("", "x = 1"), "folder", "is empty" },
        { "PyTorchTwin.Write(file)", folder => PyTorchTwin.Write(Path.Combine(folder, "file.txt"), "x = 1"), "folder", "file.txt' is a file" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Public_arguments_are_refused_with_a_GanInputException_naming_them(string call, Action<string> act, string subject, string expected)
    {
        File.WriteAllText(PathOf("file.txt"), "the user's");
        var before = FolderSnapshot.Take(FolderPath);

        var error = Assert.Throws<GanInputException>(() => act(FolderPath));

        Assert.Equal(subject.Replace("{folder}", FolderPath, StringComparison.Ordinal), error.Subject);
        Assert.Contains(expected, error.Problem);
        before.AssertUnchanged(call);
    }
}
