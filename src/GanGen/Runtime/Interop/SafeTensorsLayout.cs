using System.Collections.Generic;

namespace GanGen.Runtime.Interop;

/// <summary>
/// Checks that the tensors' byte ranges tile the data section exactly: no gap before, between or after them and no
/// overlap, so every data byte belongs to exactly one tensor (the format's rule, and what makes a file unambiguous).
/// </summary>
internal static class SafeTensorsLayout
{
    /// <summary>Throws the file's one error for the first gap, overlap or trailing run of bytes, in data order.</summary>
    public static void CheckContiguous(IReadOnlyList<SafeTensorsEntry> entries, long dataLength, string path)
    {
        var ordered = new List<SafeTensorsEntry>(entries);
        ordered.Sort(static (a, b) =>
        {
            int byBegin = a.Begin.CompareTo(b.Begin);
            if (byBegin != 0) return byBegin;
            int byEnd = a.End.CompareTo(b.End);
            return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Name, b.Name);
        });

        long position = 0;
        SafeTensorsEntry? previous = null;
        foreach (var entry in ordered)
        {
            if (entry.Begin < position)
                throw SafeTensorsFormatError.Create(path, $"tensors '{previous!.Name}' [{previous.Begin}, {previous.End}] and '{entry.Name}' [{entry.Begin}, {entry.End}] overlap");
            if (entry.Begin > position)
            {
                string where = previous is null ? $"before tensor '{entry.Name}'" : $"between tensors '{previous.Name}' and '{entry.Name}'";
                throw SafeTensorsFormatError.Create(path, $"data bytes [{position}, {entry.Begin}) {where} belong to no tensor");
            }
            position = entry.End;
            previous = entry;
        }
        if (position < dataLength)
            throw SafeTensorsFormatError.Create(path, $"{dataLength - position} trailing bytes follow the last tensor's data");
    }
}
