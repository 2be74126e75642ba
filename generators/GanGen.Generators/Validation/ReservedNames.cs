using System.Collections.Generic;

namespace GanGen.Generators.Validation;

/// <summary>Names user declarations must not take because generated or inherited members already use them.</summary>
internal static class ReservedNames
{
    /// <summary>Members of GanTrainer and of the generated trainer part; a nested network class would hide them.</summary>
    public static readonly HashSet<string> TrainerMembers = new()
    {
        "Config", "Device", "Seed", "Generator", "Discriminator", "GeneratorOptimizer", "DiscriminatorOptimizer",
        "GeneratorParameters", "DiscriminatorParameters", "GeneratorAverage", "FixedNoise", "StepCount",
        "GeneratorUpdates", "TrainStep", "Step", "ReadMetrics", "Sample", "SampleFixed", "Generate", "CreateNoise",
        "DiscriminatorLoss", "GeneratorLoss", "AfterDiscriminatorUpdate", "PenaltyEpsilon", "Dispose", "Declaration",
        "Summary",
    };

    /// <summary>Members GanGen generates on each network, and common Module members a property would hide.</summary>
    public static readonly HashSet<string> NetworkMembers = new()
    {
        "LatentSize", "Summary", "LayerSummaries", "Replace", "Dispose", "ToString", "forward", "call", "training",
        "train", "eval", "parameters", "named_parameters", "state_dict", "load", "save", "to", "GetName", "name",
    };
}
