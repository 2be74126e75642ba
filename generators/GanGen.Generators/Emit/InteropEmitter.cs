using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits the trainer's interop members: the networks' ONNX graphs for <c>ExportOnnx</c>, and the PyTorch twin's
/// model.py (written by <see cref="PythonModelEmitter"/> from the catalogs) for <c>WritePyTorchTwin</c>.
/// </summary>
internal static class InteropEmitter
{
    private const string Builder = "global::GanGen.Runtime.Interop.Onnx.OnnxGraphBuilder";

    public static void Emit(SourceWriter writer, GanSpec gan)
    {
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override {Builder} GeneratorOnnx() => base.Generator.ToOnnx();");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override {Builder} DiscriminatorOnnx() => base.Discriminator.ToOnnx();");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("protected override string PyTorchModel => " + Verbatim(PythonModelEmitter.Emit(gan)) + ";");
    }

    /// <summary>A verbatim C# string literal, line breaks kept.</summary>
    private static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
