using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Tests.Incrementality;

/// <summary>Runs the driver with step tracking on a compilation, then again on an edited one, keeping the second run's steps.</summary>
internal static class TrackedRun
{
    /// <summary>Every step name declared in <see cref="TrackingNames"/>.</summary>
    public static IReadOnlyList<string> StepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static GeneratorRunResult Rerun(CSharpCompilation first, CSharpCompilation second)
    {
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(first);
        driver = driver.RunGenerators(second);
        return driver.GetRunResult().Results.Single();
    }

    /// <summary>Each output of every run of a step, with the reason it was (or was not) recomputed.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"Step '{step}' did not run; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
    }

    /// <summary>
    /// Outputs of the source-output steps (RegisterSourceOutput callbacks), optionally only those fed by the named step
    /// (<see cref="TrackingNames.Specs"/> feeds AddSource, <see cref="TrackingNames.Diagnostics"/> feeds ReportDiagnostic).
    /// </summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result, string? fedBy = null) =>
        result.TrackedOutputSteps.TryGetValue("SourceOutput", out var runs)
            ? runs.Where(run => fedBy is null || run.Inputs.Any(input => input.Source.Name == fedBy)).SelectMany(run => run.Outputs).ToList()
            : new List<(object, IncrementalStepRunReason)>();

    /// <summary>The GAN name of a GanSpec output (the spec type is internal to the generator).</summary>
    public static string SpecName(object spec) =>
        (string)spec.GetType().GetProperty("Name")!.GetValue(spec)!;

    public static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
