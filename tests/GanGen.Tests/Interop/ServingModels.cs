using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Tests.Interop.Twin;

namespace GanGen.Tests.Interop;

/// <summary>
/// The generators the serving refusal tests serve, exported once per test class: a conditional DCGAN (10 classes),
/// a 3-class conditional GAN (so the class range is seen to come from the model) and an unconditional ring GAN.
/// </summary>
public sealed class ServingModels : IDisposable
{
    public ServingModels()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"gangen-serving-models-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        using (var conditional = new ConditionalDcgan(seed: 1)) conditional.ExportOnnx(Conditional, ConditionalDiscriminator);
        using (var three = new ProjectionOracleGan(seed: 1)) three.ExportOnnx(ThreeClasses);
        using (var ring = new RingGan(seed: 1)) ring.ExportOnnx(Ring);
    }

    /// <summary>The folder holding the exports.</summary>
    public string Folder { get; }

    /// <summary>ConditionalDcgan's generator: labels 0 to 9, samples [1, 28, 28].</summary>
    public string Conditional => Path.Combine(Folder, "conditional.onnx");

    /// <summary>ConditionalDcgan's discriminator, which the server refuses.</summary>
    public string ConditionalDiscriminator => Path.Combine(Folder, "conditional-d.onnx");

    /// <summary>ProjectionOracleGan's generator: labels 0 to 2, samples [3].</summary>
    public string ThreeClasses => Path.Combine(Folder, "three.onnx");

    /// <summary>RingGan's generator: unconditional, samples [2].</summary>
    public string Ring => Path.Combine(Folder, "ring.onnx");

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
