using System;
using GanGen.Examples.FashionMnist;
using GanGen.Examples.Models;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExampleOptions.CreateCommand(Run), args);

static int Run(ExampleOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    IExperiment experiment = options.Gan switch
    {
        FashionGan.Conditional => new ConditionalExperiment(),
        FashionGan.Refiner => new RefinerExperiment(),
        _ => new DcganExperiment(),
    };
    return experiment.Run(options, ResolveDevice(options.Device));
}

// The examples reference the CPU backend only; say so, and what to reference instead, before anything loads.
static Device ResolveDevice(string name)
{
    if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !cuda.is_available())
        throw new InvalidOperationException(
            $"--device {name}: CUDA is not available here. The examples reference the CPU backend (TorchSharp-cpu); " +
            "to train on a GPU, reference a CUDA backend package such as TorchSharp-cuda-linux instead.");
    return TorchSharp.torch.device(name.ToLowerInvariant());
}
