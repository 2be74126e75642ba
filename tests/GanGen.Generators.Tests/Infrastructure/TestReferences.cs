using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>
/// What test compilations reference: every trusted platform assembly of the test host (the .NET runtime plus this
/// project's dependencies) and, explicitly, GanGen.dll and TorchSharp.dll. Nothing is downloaded.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The test host exposes no TRUSTED_PLATFORM_ASSEMBLIES.");
        var byFileName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            byFileName.TryAdd(Path.GetFileName(path), path);

        // The attribute/runtime assembly and TorchSharp are the ones the generated code needs; name them explicitly.
        foreach (var assembly in new[] { typeof(GanAttribute).Assembly, typeof(TorchSharp.torch).Assembly })
            byFileName[Path.GetFileName(assembly.Location)] = assembly.Location;

        return byFileName.Values
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
