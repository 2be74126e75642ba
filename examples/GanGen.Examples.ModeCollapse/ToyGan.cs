using System;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.ModeCollapse;

/// <summary>What the runner needs of a declared 2-D GAN, whatever its generated network types.</summary>
internal interface IToyGan : IDisposable
{
    GanTrainerConfig Config { get; }

    void Step(Tensor batch);

    void DecayLearningRatesLinearly(long totalSteps);

    GanStepMetrics ReadMetrics();

    Tensor Sample(int count);
}

/// <summary>Adapts a generated trainer to <see cref="IToyGan"/>.</summary>
internal sealed class ToyGan<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan) : IToyGan
    where TGenerator : nn.Module
    where TDiscriminator : nn.Module
{
    public GanTrainerConfig Config => gan.Config;

    public void Step(Tensor batch) => gan.Step(batch);

    public void DecayLearningRatesLinearly(long totalSteps) => gan.DecayLearningRatesLinearly(totalSteps);

    public GanStepMetrics ReadMetrics() => gan.ReadMetrics();

    public Tensor Sample(int count) => gan.Sample(count);

    public void Dispose() => gan.Dispose();
}
