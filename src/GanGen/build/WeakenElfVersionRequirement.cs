// Compiled by MSBuild's RoslynCodeTaskFactory from GanGen.NativeFix.targets; keep it dependency-free.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on one version requirement (a Vernaux entry of .gnu.version_r) of ELF64
/// little-endian shared libraries, so the loader tolerates a host library that lacks that version.
/// </summary>
public class GanGenWeakenElfVersionRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; }
    [Required] public string VersionName { get; set; }
    [Output] public int Patched { get; set; }

    public override bool Execute()
    {
        if (HostProvides(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, "GanGen: host libstdc++ provides " + VersionName + "; nothing to patch.");
            return true;
        }
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] image = File.ReadAllBytes(path);
                string problem;
                int offset = FindFlagsOffset(image, VersionName, out problem);
                if (offset < 0)
                {
                    Log.LogMessage(MessageImportance.Low, "GanGen: " + path + ": " + problem);
                    continue;
                }
                ushort flags = BitConverter.ToUInt16(image, offset);
                if ((flags & VerFlgWeak) != 0) continue; // already weak: idempotent
                flags |= VerFlgWeak;
                image[offset] = (byte)(flags & 0xff);
                image[offset + 1] = (byte)(flags >> 8);
                // Write beside and rename over: a hard link into the NuGet cache is replaced, never edited.
                string temp = path + ".gangen-tmp";
                File.WriteAllBytes(temp, image);
                File.Copy(temp, path, true);
                File.Delete(temp);
                Patched++;
            }
            catch (Exception e)
            {
                Log.LogWarning("GanGen: could not patch " + path + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static bool HostProvides(string versionName)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        foreach (string candidate in candidates)
        {
            if (!File.Exists(candidate)) continue;
            byte[] library = File.ReadAllBytes(candidate);
            return IndexOf(library, needle) >= 0;
        }
        return false; // unknown host: a weak requirement is harmless where the version exists
    }

    /// <summary>Returns the file offset of vna_flags for the named requirement, or -1 with a reason.</summary>
    private static int FindFlagsOffset(byte[] elf, string versionName, out string problem)
    {
        problem = null;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        { problem = "not an ELF file"; return -1; }
        if (elf[4] != 2 || elf[5] != 1) { problem = "not ELF64 little-endian"; return -1; }
        long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (sh + 64 > elf.Length) break;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            long verneedOffset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, (int)sh + 0x28);
            long strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            long need = verneedOffset;
            while (true)
            {
                int count = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < count; a++)
                {
                    long nameOffset = strtab + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (NameAt(elf, nameOffset) == versionName) return (int)aux + 4;
                    uint nextAux = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = BitConverter.ToUInt32(elf, (int)need + 12);
                if (next == 0) break;
                need += next;
            }
            problem = "no requirement named " + versionName;
            return -1;
        }
        problem = "no .gnu.version_r section";
        return -1;
    }

    private static string NameAt(byte[] elf, long offset)
    {
        int end = (int)offset;
        while (end < elf.Length && elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }
}
