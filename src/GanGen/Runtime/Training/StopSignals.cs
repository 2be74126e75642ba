using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace GanGen.Runtime.Training;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a stop request: the process is not killed, <see cref="Token"/> is
/// cancelled, and <see cref="TrainingRun"/> stops between steps, writes a final checkpoint and throws
/// <see cref="OperationCanceledException"/>. A second signal terminates the process as usual (checkpoint writes are
/// atomic, so even that cannot leave a torn checkpoint).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private StopSignals()
    {
        _registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        };
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that requested the stop, if any.</summary>
    public PosixSignal? Received => _received == 0 ? null : (PosixSignal)_received;

    /// <summary>The conventional exit code for a process stopped by <see cref="Received"/>: 128 + the signal number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => Received switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => 1,
    };

    /// <summary>The signal's conventional name, e.g. "SIGTERM".</summary>
    public string ReceivedName => Received?.ToString() ?? "no signal";

    /// <summary>Starts listening for SIGINT and SIGTERM until disposed.</summary>
    public static StopSignals Register() => new();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // PosixSignal values are negative on purpose (they are not the raw numbers), so 0 can mean "none".
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0) return; // second signal: default action
        context.Cancel = true;
        _source.Cancel();
    }
}
