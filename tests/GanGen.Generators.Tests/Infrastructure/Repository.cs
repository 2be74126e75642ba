using System.IO;
using System.Runtime.CompilerServices;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>The repository this test source lives in, so tests read the real docs, examples and release files.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
