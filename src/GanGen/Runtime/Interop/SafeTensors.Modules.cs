using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

public static partial class SafeTensors
{
    /// <summary>Writes <paramref name="module"/>'s <c>state_dict()</c> (parameters and buffers, PyTorch's names) to <paramref name="path"/>.</summary>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        Write(path, module.state_dict(), metadata);
    }

    /// <summary>
    /// Copies the tensors of <paramref name="path"/> into <paramref name="module"/>'s parameters and buffers in place
    /// (see <see cref="StateDictLoader.CopyInto"/>) and returns the file's metadata.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var file = Read(path);
        StateDictLoader.CopyInto(module, file.Tensors, path);
        return file.Metadata;
    }
}
