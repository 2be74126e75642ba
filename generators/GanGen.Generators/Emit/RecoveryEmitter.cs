using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits, for a GAN with errors, only the implementations of its declared layer properties. The build already fails
/// on GanGen's errors, so these bodies run only if a user downgrades those errors; then they throw an exception that
/// names the errors instead of returning a module that was never built.
/// </summary>
internal static class RecoveryEmitter
{
    public static string HintName(RecoverySpec gan) => GanEmitter.HintName(gan.Namespace, gan.Containers, gan.Name);

    public static string Emit(RecoverySpec gan)
    {
        var writer = new SourceWriter();
        writer.Line(Generated.Header.TrimEnd('\n'));
        writer.Line($"// GanGen reported errors for '{gan.Name}' ({gan.ErrorIds}), so it generated no networks and no trainer. The");
        writer.Line("// layer properties below only keep the compiler from adding its own errors beside GanGen's.");
        if (gan.Namespace is not null) writer.Open($"namespace {gan.Namespace}");
        foreach (var container in gan.Containers) writer.Open($"partial {container.Keyword} {container.Name}");
        writer.Open($"partial class {gan.Name}");
        string message = Literals.String($"GanGen generated no code for '{gan.Name}' because its declaration has errors ({gan.ErrorIds}); fix them and rebuild.");
        for (int i = 0; i < gan.Networks.Count; i++)
        {
            var network = gan.Networks[i];
            if (i > 0) writer.Line();
            writer.Open($"partial class {network.Name}");
            foreach (var layer in network.Layers)
            {
                string access = layer.Accessibility.Length == 0 ? string.Empty : layer.Accessibility + " ";
                writer.Line($"{access}partial {layer.TypeName} {layer.Name} => throw new global::System.InvalidOperationException({message});");
            }
            writer.Close();
        }
        writer.Close();
        foreach (var _ in gan.Containers) writer.Close();
        if (gan.Namespace is not null) writer.Close();
        return writer.ToString();
    }
}
