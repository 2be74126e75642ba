using System.Collections.Generic;

namespace GanGen.Generators.Validation;

/// <summary>Names user declarations must not take because generated or inherited members already use them.</summary>
internal static class ReservedNames
{
    /// <summary>
    /// Members of GanTrainer and of the generated trainer part; a nested network class would hide them. A test checks
    /// this list against GanTrainer's public and protected members by reflection.
    /// </summary>
    public static readonly HashSet<string> TrainerMembers = new()
    {
        "Config", "Device", "Seed", "Generator", "Discriminator", "GeneratorOptimizer", "DiscriminatorOptimizer",
        "GeneratorParameters", "DiscriminatorParameters", "GeneratorAverage", "FixedNoise", "FixedLabels", "FixedSources",
        "StepCount", "GeneratorUpdates", "TrainStep", "Step", "ReadMetrics", "Sample", "SampleFixed", "Generate", "Refine",
        "CreateNoise", "GeneratorForward", "ScoreWithDiscriminator", "DiscriminatorLoss", "GeneratorLoss",
        "AfterDiscriminatorUpdate", "DiscriminatorFakes", "StatefulRegularizers", "AddTerm", "ScoreInOnePass", "ScoreWithoutGradient",
        "BeforeDiscriminatorStep", "BeforeGeneratorStep", "DiscriminatorInput", "BeginDiscriminatorPass", "EndDiscriminatorPass",
        "BeginGeneratorPass", "EndGeneratorPass", "DiscriminatorUpdates", "FeaturesWithoutGradient", "DescribeNonFiniteWeights",
        "ScaleLearningRates", "DecayLearningRatesLinearly", "SaveCheckpoint", "LoadCheckpoint", "Dispose", "Declaration",
        "Summary", "SaveWeights", "LoadWeights", "ExportOnnx", "WritePyTorchTwin", "GeneratorOnnx", "DiscriminatorOnnx",
        "PyTorchModel", "GeneratorPrefix", "DiscriminatorPrefix", "AveragePrefix", "MaxSamplesPerCall",
    };

    /// <summary>Members GanGen generates on each network, and common Module members a property would hide.</summary>
    public static readonly HashSet<string> NetworkMembers = new()
    {
        "LatentSize", "Summary", "LayerSummaries", "Replace", "Dispose", "ToString", "forward", "call", "training", "Features",
        "BeginSpectralPass", "EndSpectralPass", "KernelProbes",
        "train", "eval", "parameters", "named_parameters", "state_dict", "load", "save", "to", "GetName", "name", "ToOnnx",
    };
}
