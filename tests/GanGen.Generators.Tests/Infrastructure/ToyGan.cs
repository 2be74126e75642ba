using System.Linq;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>
/// A small, valid GAN declaration (2-D data, 4-wide latent, one hidden layer per network) whose parts tests replace
/// with <c>with</c> to build one bad or variant declaration each. Multi-line parts are written unindented.
/// </summary>
internal sealed record ToyGan
{
    public static ToyGan Valid { get; } = new();

    public string Usings { get; init; } = "using GanGen;\nusing TorchSharp.Modules;";

    /// <summary>The file-scoped namespace; empty for the global namespace.</summary>
    public string Namespace { get; init; } = "Demo";

    /// <summary>Types declared before the GAN, inside the namespace (custom attributes, base classes).</summary>
    public string Prelude { get; init; } = "";

    /// <summary>A type declaration the GAN is nested in (e.g. "public static partial class Models"); empty for none.</summary>
    public string Container { get; init; } = "";

    public string GanAttributes { get; init; } = "[Gan]\n[GanData(2)]";

    public string Declaration { get; init; } = "public partial class ToyGan";

    public string GeneratorHeader { get; init; } = "[GanGenerator(Latent = 4)]\npublic partial class G";

    public string GeneratorLayers { get; init; } =
        "[Dense(16), ReLU] public partial Linear Hidden { get; }\n" +
        "[Dense(2)] public partial Linear Output { get; }";

    public string DiscriminatorHeader { get; init; } = "[GanDiscriminator]\npublic partial class D";

    public string DiscriminatorLayers { get; init; } =
        "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n" +
        "[Dense(1)] public partial Linear Score { get; }";

    /// <summary>Further members of the GAN class (a third network, say).</summary>
    public string Extra { get; init; } = "";

    public ToyGan WithoutGenerator() => this with { GeneratorHeader = "", GeneratorLayers = "" };

    public ToyGan WithoutDiscriminator() => this with { DiscriminatorHeader = "", DiscriminatorLayers = "" };

    public override string ToString()
    {
        var body = new System.Text.StringBuilder();
        AppendNetwork(body, GeneratorHeader, GeneratorLayers);
        AppendNetwork(body, DiscriminatorHeader, DiscriminatorLayers);
        if (Extra.Length > 0) body.Append(Indent(Extra, 1)).Append('\n');

        string gan = $"{GanAttributes}\n{Declaration}\n{{\n{body.ToString().TrimEnd('\n')}\n}}";
        if (Container.Length > 0) gan = $"{Container}\n{{\n{Indent(gan, 1)}\n}}";
        return $"{Usings}\n\n" +
               (Namespace.Length > 0 ? $"namespace {Namespace};\n\n" : "") +
               (Prelude.Length > 0 ? Prelude + "\n\n" : "") +
               gan + "\n";
    }

    private static void AppendNetwork(System.Text.StringBuilder body, string header, string layers)
    {
        if (header.Length == 0) return;
        if (body.Length > 0) body.Append('\n');
        body.Append(Indent(header, 1)).Append('\n')
            .Append("    {\n")
            .Append(layers.Length > 0 ? Indent(layers, 2) + "\n" : "")
            .Append("    }\n");
    }

    private static string Indent(string text, int level) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', 4 * level) + line));
}
