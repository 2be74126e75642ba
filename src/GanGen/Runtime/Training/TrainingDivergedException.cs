using System;

namespace GanGen.Runtime.Training;

/// <summary>
/// Training produced NaN or infinite weights or losses. Nothing non-finite is ever written as a checkpoint, so the
/// last checkpoint on disk is still a finite state to resume from (with lower learning rates).
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception for a run that diverged by <paramref name="step"/>.</summary>
    public TrainingDivergedException(long step, string message)
        : base(message) => Step = step;

    /// <summary>The step count at which the divergence was found.</summary>
    public long Step { get; }
}
