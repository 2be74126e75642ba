using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// One file per [GanBlock] class, where it is declared (its namespace and containing types re-opened): the block's
/// module from its uses, or throwing layer properties when no valid GAN uses it.
/// </summary>
internal static class BlockFileEmitter
{
    public static string HintName(BlockOutput block) => GanEmitter.HintName(block.Namespace, block.Containers, block.Name);

    public static string Emit(BlockOutput block)
    {
        var writer = new SourceWriter();
        writer.Line(Generated.Header.TrimEnd('\n'));
        if (block.Spec is null)
        {
            writer.Line($"// No GAN without errors uses the block '{block.Name}', so GanGen generated no module for it. The layer");
            writer.Line("// properties below only keep the compiler from adding its own errors beside GanGen's.");
        }
        if (block.Namespace is not null) writer.Open($"namespace {block.Namespace}");
        foreach (var container in block.Containers) writer.Open($"partial {container.Keyword} {container.Name}");
        if (block.Spec is { } spec)
        {
            NetworkEmitter.Emit(writer, spec);
        }
        else
        {
            writer.Open($"partial class {block.Name}");
            string message = Literals.String($"GanGen generated no code for the block '{block.Name}': no GAN without errors uses it.");
            foreach (var layer in block.Recovery)
            {
                string access = layer.Accessibility.Length == 0 ? string.Empty : layer.Accessibility + " ";
                writer.Line($"{access}partial {layer.TypeName} {layer.Name} => throw new global::System.InvalidOperationException({message});");
            }
            writer.Close();
        }
        foreach (var _ in block.Containers) writer.Close();
        if (block.Namespace is not null) writer.Close();
        return writer.ToString();
    }
}
