using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// What identifies a machine for kernel correctness: the CPU (brand, family, model, stepping), the instruction sets
/// libtorch's kernels dispatch on, the OS and the TorchSharp build. A remembered route applies to an equal signature only.
/// </summary>
internal static class CpuSignature
{
    private static readonly Lazy<string> Current = new(Read);

    /// <summary>"AMD EPYC; x86-64 family 26 model 2 stepping 1; avx avx2 fma avx512f avx512bw avx512vl avx512vbmi avxvnni; Linux; TorchSharp 0.107.0.0".</summary>
    public static string Value => Current.Value;

    /// <summary>"AMD EPYC (family 26 model 2)": the part of the signature people recognise.</summary>
    public static string Cpu { get; private set; } = RuntimeInformation.ProcessArchitecture.ToString();

    private static string Read()
    {
        var parts = new List<string>();
        if (X86Base.IsSupported)
        {
            var (family, model, stepping) = FamilyModelStepping();
            string brand = Brand();
            Cpu = $"{brand} (family {family} model {model})";
            parts.Add(brand);
            parts.Add($"x86-64 family {family} model {model} stepping {stepping}");
            parts.Add(InstructionSets());
        }
        else
        {
            parts.Add(RuntimeInformation.ProcessArchitecture.ToString());
        }
        parts.Add(RuntimeInformation.OSDescription.Split(' ')[0]);
        parts.Add("TorchSharp " + typeof(TorchSharp.torch).Assembly.GetName().Version);
        return string.Join("; ", parts).Replace('\t', ' ');
    }

    private static (int Family, int Model, int Stepping) FamilyModelStepping()
    {
        int eax = X86Base.CpuId(1, 0).Eax;
        int baseFamily = (eax >> 8) & 0xF, baseModel = (eax >> 4) & 0xF;
        int family = baseFamily == 0xF ? baseFamily + ((eax >> 20) & 0xFF) : baseFamily;
        int model = baseFamily is 0x6 or 0xF ? baseModel + (((eax >> 16) & 0xF) << 4) : baseModel;
        return (family, model, eax & 0xF);
    }

    private static string Brand()
    {
        if ((uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax < 0x80000004) return "x86-64";
        var bytes = new List<byte>(48);
        for (int leaf = 0; leaf < 3; leaf++)
        {
            var (a, b, c, d) = X86Base.CpuId(unchecked((int)0x80000002) + leaf, 0);
            foreach (int register in new[] { a, b, c, d }) bytes.AddRange(BitConverter.GetBytes(register));
        }
        string brand = Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\0').Trim();
        // "AMD EPYC 9B45 64-Core Processor" and the like: keep the words, drop runs of spaces.
        return string.Join(" ", brand.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string InstructionSets()
    {
        var sets = new List<string>();
        void Add(bool supported, string name)
        {
            if (supported) sets.Add(name);
        }
        Add(Avx.IsSupported, "avx");
        Add(Avx2.IsSupported, "avx2");
        Add(Fma.IsSupported, "fma");
        Add(Avx512F.IsSupported, "avx512f");
        Add(Avx512BW.IsSupported, "avx512bw");
        Add(Avx512F.VL.IsSupported, "avx512vl");
        Add(Avx512Vbmi.IsSupported, "avx512vbmi");
        Add(AvxVnni.IsSupported, "avxvnni");
        Add(Avx10v1.IsSupported, "avx10.1");
        return string.Join(" ", sets);
    }
}
