using System;
using System.IO;

namespace GanGen.Tests.Interop;

/// <summary>Base for test classes that write files: each test gets a fresh folder under the temp path, deleted afterwards.</summary>
public abstract class TemporaryFolderTests : IDisposable
{
    /// <summary>Creates the folder, named <paramref name="prefix"/> plus a unique suffix.</summary>
    protected TemporaryFolderTests(string prefix)
    {
        FolderPath = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(FolderPath);
    }

    /// <summary>The test's folder.</summary>
    protected string FolderPath { get; }

    /// <summary>A path for <paramref name="name"/> inside the test's folder.</summary>
    protected string PathOf(string name) => Path.Combine(FolderPath, name);

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(FolderPath, recursive: true);
        GC.SuppressFinalize(this);
    }
}
