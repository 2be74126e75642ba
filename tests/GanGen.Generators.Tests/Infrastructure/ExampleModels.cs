using System.IO;
using System.Runtime.CompilerServices;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>The example declarations as shipped in examples/GanGen.Examples.Models, so tests track the real files.</summary>
internal static class ExampleModels
{
    public static string Read(string file, [CallerFilePath] string here = "")
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
        return File.ReadAllText(Path.Combine(root, "examples", "GanGen.Examples.Models", file));
    }
}
