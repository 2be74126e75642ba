using System.IO;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>The example declarations as shipped in examples/GanGen.Examples.Models, so tests track the real files.</summary>
internal static class ExampleModels
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(Repository.Root, "examples", "GanGen.Examples.Models", file));
}
