using System;

namespace GanGen.Runtime.Optimization;

/// <summary>An optimizer over one network's <see cref="FlatParameters"/>.</summary>
public abstract class GanOptimizer : IDisposable
{
    /// <summary>Binds the optimizer to flattened parameters.</summary>
    protected GanOptimizer(FlatParameters parameters, OptimizerSettings settings)
    {
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        if (!(settings.LearningRate > 0))
            throw new ArgumentOutOfRangeException(nameof(settings), settings.LearningRate, "The learning rate must be positive.");
        Settings = settings;
        _learningRate = settings.LearningRate;
    }

    private double _learningRate;

    /// <summary>
    /// The current step size; starts at <see cref="OptimizerSettings.LearningRate"/> and may be changed between
    /// steps by a schedule (e.g. linear decay, as in the WGAN-GP reference training).
    /// </summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be a finite number ≥ 0.");
            if (value == _learningRate) return;
            _learningRate = value;
            OnLearningRateChanged();
        }
    }

    /// <summary>Lets optimizers refresh cached scalars that depend on the learning rate.</summary>
    protected virtual void OnLearningRateChanged()
    {
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public FlatParameters Parameters { get; }

    /// <summary>Hyper-parameters.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>Number of updates taken so far (restored from checkpoints).</summary>
    public long StepCount { get; protected internal set; }

    /// <summary>The optimizer's state tensors by name, for checkpoints; loading copies into them in place.</summary>
    public abstract System.Collections.Generic.IEnumerable<(string Name, TorchSharp.torch.Tensor State)> StateTensors();

    /// <summary>Creates the optimizer <paramref name="settings"/> names.</summary>
    public static GanOptimizer Create(FlatParameters parameters, OptimizerSettings settings) => settings.Kind switch
    {
        OptimizerKind.Adam => new LeanAdam(parameters, settings),
        OptimizerKind.RMSprop => new LeanRMSprop(parameters, settings),
        OptimizerKind.Sgd => new LeanSgd(parameters, settings),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown optimizer kind."),
    };

    /// <summary>Zeroes the gradients.</summary>
    public void ZeroGrad() => Parameters.ZeroGrad();

    /// <summary>Applies one update from the current gradients.</summary>
    public abstract void Step();

    /// <summary>Releases optimizer state.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases optimizer state tensors and cached scalars.</summary>
    protected abstract void Dispose(bool disposing);
}
