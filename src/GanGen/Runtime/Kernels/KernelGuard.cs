using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// Checks kernel configurations once per process and device, and when one computes wrong numbers takes the next
/// route that can still be taken, re-checks everything checked so far on it, and says so in one line; when no route
/// is right it refuses. What it runs, the routes, where it writes and what it remembers are given to it, so its
/// tests can make a kernel faulty on purpose on any CPU.
/// </summary>
internal sealed class KernelGuard
{
    private readonly object _gate = new();
    private readonly IReadOnlyList<KernelRoute> _routes;
    private readonly Func<KernelProbe, Device, KernelFailure?> _check;
    private readonly IReadOnlyList<KernelProbe> _canaries;
    private readonly RouteMemory? _memory;
    private readonly string _signature;
    private readonly string _cpu;
    private readonly List<(KernelProbe Probe, Device Device)> _checked = new();
    private readonly HashSet<string> _checkedKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _devicesWithCanaries = new(StringComparer.Ordinal);

    public KernelGuard(
        IReadOnlyList<KernelRoute> routes,
        Func<KernelProbe, Device, KernelFailure?> check,
        IReadOnlyList<KernelProbe> canaries,
        RouteMemory? memory,
        string signature,
        string cpu)
    {
        if (routes.Count == 0) throw new ArgumentException("At least the default route is needed.", nameof(routes));
        _routes = routes;
        _check = check;
        _canaries = canaries;
        _memory = memory;
        _signature = signature;
        _cpu = cpu;
        Current = routes[0];
    }

    /// <summary>Whether <see cref="Verify"/> checks anything (GANGEN_KERNEL_CHECK=off turns it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The route kernels take now.</summary>
    public KernelRoute Current { get; private set; }

    /// <summary>Why the process started on <see cref="Current"/> when it is not the default: "remembered for this machine in … because …".</summary>
    public string? StartReason { get; private set; }

    /// <summary>Where the one-line reports go.</summary>
    public Action<string> Log { get; set; } = _ => { };

    /// <summary>
    /// At start-up, before libtorch first uses oneDNN: takes <paramref name="forcedKey"/> (GANGEN_KERNEL_ROUTE), else
    /// the route remembered for this machine, else stays on the default.
    /// </summary>
    public void Start(string? forcedKey)
    {
        lock (_gate)
        {
            if (forcedKey is not null)
            {
                var forced = _routes.FirstOrDefault(route => route.Key == forcedKey)
                    ?? throw new ArgumentException(
                        $"GANGEN_KERNEL_ROUTE is '{forcedKey}', but the routes are {string.Join(", ", _routes.Select(route => route.Key))}.");
                TakeAtStartup(forced);
                StartReason = "GANGEN_KERNEL_ROUTE=" + forcedKey;
                return;
            }
            if (!Enabled || _memory?.Recall(_signature) is not { } remembered) return;
            var route = _routes.FirstOrDefault(candidate => candidate.Key == remembered.Route);
            if (route is null || route == Current || !route.CanTakeAtStartup) return;
            // Silently: the line that found it was said when it was found, and every later process would repeat it.
            TakeAtStartup(route);
            StartReason = $"remembered for this machine in {_memory.Path} because {remembered.Evidence}";
        }
    }

    private void TakeAtStartup(KernelRoute route)
    {
        route.Take();
        Current = route;
    }

    /// <summary>
    /// Checks every probe not yet checked on <paramref name="device"/> (and, the first time on a device, the canaries).
    /// Returns when all are right on the route taken; throws <see cref="KernelCheckException"/> when none is right.
    /// </summary>
    public void Verify(IEnumerable<KernelProbe> probes, Device device)
    {
        if (!Enabled) return;
        lock (_gate)
        {
            var pending = new List<(KernelProbe, Device)>();
            string deviceKey = device.ToString();
            if (_devicesWithCanaries.Add(deviceKey)) Pending(_canaries, device, pending);
            Pending(probes, device, pending);
            if (pending.Count == 0) return;

            var failure = FirstFailure(pending);
            if (failure is not null) Reroute(failure, pending);
            foreach (var entry in pending) _checked.Add(entry);
        }
    }

    private void Pending(IEnumerable<KernelProbe> probes, Device device, List<(KernelProbe, Device)> pending)
    {
        foreach (var probe in probes)
        {
            if (_checkedKeys.Add(probe.Key + " @ " + device)) pending.Add((probe, device));
        }
    }

    private KernelFailure? FirstFailure(IEnumerable<(KernelProbe Probe, Device Device)> entries)
    {
        foreach (var (probe, device) in entries)
        {
            if (_check(probe, device) is { } failure) return failure;
        }
        return null;
    }

    /// <summary>Walks the routes after the current one until every probe checked so far and <paramref name="pending"/> are right.</summary>
    private void Reroute(KernelFailure first, List<(KernelProbe, Device)> pending)
    {
        var faulty = new List<KernelRoute> { Current };
        var failure = first;
        while (failure is not null)
        {
            var next = _routes.SkipWhile(route => route != Current).Skip(1).FirstOrDefault(route => route.CanTakeNow);
            if (next is null) throw Refusal(first, failure, faulty);
            next.Take();
            Current = next;
            failure = FirstFailure(_checked.Concat(pending));
            if (failure is not null) faulty.Add(next);
        }
        Log($"kernel check: {first} on {faulty[0].Name}, on this CPU ({_cpu}); now computing with {Current.Name}, checked right" + Remember(first, faulty));
    }

    /// <summary>What the next process should start on: the first route after the last faulty one that start-up can take.</summary>
    private string Remember(KernelFailure first, List<KernelRoute> faulty)
    {
        if (_memory is null) return string.Empty;
        var start = _routes.SkipWhile(route => route != faulty[^1]).Skip(1).FirstOrDefault(route => route.CanTakeAtStartup);
        if (start is null) start = Current;
        string evidence = $"{first} on {faulty[0].Name}";
        if (!_memory.Remember(_signature, start.Key, evidence))
            return $"; could not write {_memory.Path}, so the next process checks afresh";
        return start == Current
            ? $"; later processes on this machine start on it (remembered in {_memory.Path})"
            : $"; later processes on this machine start on {start.Name}, which is faster and can only be taken before oneDNN's first use (remembered in {_memory.Path})";
    }

    private KernelCheckException Refusal(KernelFailure first, KernelFailure last, List<KernelRoute> faulty)
    {
        string routes = string.Join(", then ", faulty.Select(route => route.Name));
        string also = ReferenceEquals(first, last) ? string.Empty : $" (first: {first})";
        return new KernelCheckException(
            $"kernel check: {last} on every route GanGen can take in this process ({routes}), on this CPU ({_cpu}){also}; " +
            "GanGen does not train on wrong numbers. Set GANGEN_KERNEL_CHECK=off to run anyway at your own risk.", last);
    }
}
