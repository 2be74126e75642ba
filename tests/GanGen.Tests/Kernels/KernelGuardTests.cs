using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime.Kernels;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanGen.Tests.Kernels;

/// <summary>
/// The guard on any CPU: a kernel made faulty on purpose (a real convolution whose float32 result is perturbed while
/// a given route is taken) must be detected by the real float32/float64 comparison, routed around with one line that
/// names the kernel, its configuration, its error and the route, remembered for the next process, and refused when
/// no route is right.
/// </summary>
public sealed class KernelGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gangen-kernels-").FullName;
    private readonly List<string> _lines = new();
    private readonly Generator _random = new(3, CPU);

    public void Dispose()
    {
        _random.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void AFaultyKernelIsDetectedRoutedAroundAndReportedInOneLine()
    {
        var routes = FakeRoute.Chain("default", "capped", "fallback", takeableNow: new[] { false, false, true });
        var faulty = FaultyConvolution.Probe(isWrong: () => routes[0].IsCurrent);
        var guard = Guard(routes, canaries: Array.Empty<KernelProbe>());

        guard.Verify(new[] { faulty }, CPU);

        Assert.Same(routes[2], guard.Current);
        string line = Assert.Single(_lines);
        Assert.StartsWith("kernel check: Conv2d 2 → 3, k3 s1 p1 (faulty on purpose) on [4, 2, 5, 5] (float32, cpu): its output is off by ", line);
        Assert.Contains("on default, on this CPU (test CPU); now computing with fallback, checked right", line);
        // The ISA cap sits between the two: faster, but takeable only at start-up, so the next process starts on it.
        Assert.Contains("later processes on this machine start on capped", line);
        Assert.Equal(1, routes[2].Takes);
    }

    [Fact]
    public void TheErrorIsTheRealComparisonsFigure()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, canaries: Array.Empty<KernelProbe>());

        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => routes[0].IsCurrent, error: 0.5) }, CPU);

        // The perturbation adds 0.5 × the output's largest magnitude to every element.
        double reported = double.Parse(_lines[0].Split("is off by ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reported, 0.49, 0.51);
    }

    [Fact]
    public void ARightKernelIsNotReportedAndEachConfigurationRunsOncePerProcess()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        int runs = 0;
        var guard = new KernelGuard(routes, (probe, device) => { runs++; return KernelComparison.Check(probe, device, _random); },
            Array.Empty<KernelProbe>(), new RouteMemory(Path.Combine(_folder, "routes.tsv")), "test signature", "test CPU") { Log = _lines.Add };
        var right = FaultyConvolution.Probe(isWrong: () => false);

        guard.Verify(new[] { right, right }, CPU);
        guard.Verify(new[] { right }, CPU);

        Assert.Empty(_lines);
        Assert.Same(routes[0], guard.Current);
        Assert.Equal(1, runs);
        Assert.False(File.Exists(Path.Combine(_folder, "routes.tsv")));
    }

    [Fact]
    public void RoutingRechecksEverythingCheckedBefore()
    {
        // The first probe is right on the default route but wrong on the fallback: the guard must not trust it there.
        var routes = FakeRoute.Chain("default", "fallback", "last", takeableNow: new[] { false, true, true });
        var guard = Guard(routes, canaries: Array.Empty<KernelProbe>());
        var wrongOnFallback = FaultyConvolution.Probe(isWrong: () => routes[1].IsCurrent, name: "first");
        var wrongOnDefault = FaultyConvolution.Probe(isWrong: () => routes[0].IsCurrent, name: "second");

        guard.Verify(new[] { wrongOnFallback }, CPU);
        guard.Verify(new[] { wrongOnDefault }, CPU);

        Assert.Same(routes[2], guard.Current);
        Assert.Contains("now computing with last, checked right", Assert.Single(_lines));
    }

    [Fact]
    public void WhenNoRouteIsRightTheGuardRefusesNamingTheKernel()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, canaries: Array.Empty<KernelProbe>());

        var refusal = Assert.Throws<KernelCheckException>(() =>
            guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => true) }, CPU));

        Assert.StartsWith("kernel check: Conv2d 2 → 3, k3 s1 p1 (faulty on purpose) on [4, 2, 5, 5] (float32, cpu): its output is off by ", refusal.Message);
        Assert.Contains("on every route GanGen can take in this process (default, then fallback), on this CPU (test CPU)", refusal.Message);
        Assert.Contains("GANGEN_KERNEL_CHECK=off", refusal.Message);
        Assert.Equal("output", refusal.Failure.Part);
        Assert.Empty(_lines);
    }

    [Fact]
    public void AFaultInTheBackwardPassIsCaughtToo()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, canaries: Array.Empty<KernelProbe>());

        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => routes[0].IsCurrent, inGradient: true) }, CPU);

        Assert.Contains("its input gradient is off by", Assert.Single(_lines));
    }

    [Fact]
    public void CanariesRunOnceBeforeTheFirstDeclaredProbe()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var canary = FaultyConvolution.Probe(isWrong: () => routes[0].IsCurrent, name: "canary");
        var guard = Guard(routes, canaries: new[] { canary });

        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => false) }, CPU);

        Assert.Contains("(canary)", Assert.Single(_lines));
        Assert.Same(routes[1], guard.Current);
    }

    [Fact]
    public void ARememberedRouteIsTakenAtStartupWithoutALine()
    {
        var first = FakeRoute.Chain("default", "capped", "fallback", takeableNow: new[] { false, false, true });
        var memory = Path.Combine(_folder, "routes.tsv");
        Guard(first, Array.Empty<KernelProbe>(), memory).Verify(new[] { FaultyConvolution.Probe(isWrong: () => first[0].IsCurrent) }, CPU);
        _lines.Clear();

        var second = FakeRoute.Chain("default", "capped", "fallback", takeableNow: new[] { false, false, true });
        var guard = Guard(second, Array.Empty<KernelProbe>(), memory);
        guard.Start(forcedKey: null);
        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => second[0].IsCurrent) }, CPU);
        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => false, name: "another") }, CPU);

        // Silently: every later process would repeat the line; the reason is there to ask for.
        Assert.Same(second[1], guard.Current);
        Assert.Equal(1, second[1].Takes);
        Assert.Empty(_lines);
        Assert.StartsWith($"remembered for this machine in {memory} because Conv2d 2 → 3", guard.StartReason);
    }

    [Fact]
    public void ARememberedRouteThatFailsMovesOnAndIsForgotten()
    {
        var memory = Path.Combine(_folder, "routes.tsv");
        new RouteMemory(memory).Remember("test signature", "capped", "an earlier finding");
        var routes = FakeRoute.Chain("default", "capped", "fallback", takeableNow: new[] { false, false, true });
        var guard = Guard(routes, Array.Empty<KernelProbe>(), memory);
        guard.Start(forcedKey: null);

        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => !routes[2].IsCurrent) }, CPU);

        Assert.Same(routes[2], guard.Current);
        Assert.Equal("fallback", new RouteMemory(memory).Recall("test signature")?.Route);
        Assert.Contains("on capped, on this CPU (test CPU); now computing with fallback", Assert.Single(_lines));
    }

    [Fact]
    public void AnotherMachinesMemoryIsIgnored()
    {
        var memory = Path.Combine(_folder, "routes.tsv");
        new RouteMemory(memory).Remember("another signature", "fallback", "found elsewhere");
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, Array.Empty<KernelProbe>(), memory);

        guard.Start(forcedKey: null);

        Assert.Same(routes[0], guard.Current);
        Assert.Equal(0, routes[1].Takes);
    }

    [Fact]
    public void ADisabledGuardChecksNothing()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, Array.Empty<KernelProbe>());
        guard.Enabled = false;

        guard.Verify(new[] { FaultyConvolution.Probe(isWrong: () => true) }, CPU);

        Assert.Empty(_lines);
        Assert.Same(routes[0], guard.Current);
    }

    [Fact]
    public void AForcedRouteIsTakenAndAnUnknownOneNamesTheChoices()
    {
        var routes = FakeRoute.Chain("default", "fallback", takeableNow: new[] { false, true });
        var guard = Guard(routes, Array.Empty<KernelProbe>());

        guard.Start(forcedKey: "fallback");
        var unknown = Assert.Throws<ArgumentException>(() => Guard(routes, Array.Empty<KernelProbe>()).Start(forcedKey: "fastest"));

        Assert.Same(routes[1], guard.Current);
        Assert.Equal("GANGEN_KERNEL_ROUTE is 'fastest', but the routes are default, fallback.", unknown.Message);
    }

    [Fact]
    public void CheckingLeavesTheGlobalRandomStreamWhereItWas()
    {
        manual_seed(11);
        using var expected = rand(4);
        manual_seed(11);
        KernelCheck.Verify(new[] { FaultyConvolution.Probe(isWrong: () => false, name: "random stream") });
        using var actual = rand(4);

        Assert.True(expected.equal(actual).all().item<bool>());
    }

    private KernelGuard Guard(IReadOnlyList<KernelRoute> routes, IReadOnlyList<KernelProbe> canaries, string? memory = null) =>
        new(routes, (probe, device) => KernelComparison.Check(probe, device, _random), canaries,
            new RouteMemory(memory ?? Path.Combine(_folder, "routes.tsv")), "test signature", "test CPU") { Log = _lines.Add };

    /// <summary>A route that only records being taken; the routes of one chain share which of them is current.</summary>
    private sealed class FakeRoute : KernelRoute
    {
        private readonly bool _takeableNow;
        private readonly FakeRoute[] _chain;

        private FakeRoute(string key, bool takeableNow, FakeRoute[] chain)
        {
            Key = key;
            _takeableNow = takeableNow;
            _chain = chain;
        }

        public override string Key { get; }

        public override string Name => Key;

        public override bool CanTakeNow => _takeableNow;

        public override bool CanTakeAtStartup => true;

        public int Takes { get; private set; }

        private bool _current;

        public bool IsCurrent => _current;

        public override void Take()
        {
            Takes++;
            foreach (var route in _chain) route._current = false;
            _current = true;
        }

        /// <summary>Routes in order; the first is where the process starts.</summary>
        public static FakeRoute[] Chain(string first, string second, bool[] takeableNow) => Chain(new[] { first, second }, takeableNow);

        public static FakeRoute[] Chain(string first, string second, string third, bool[] takeableNow) => Chain(new[] { first, second, third }, takeableNow);

        private static FakeRoute[] Chain(string[] keys, bool[] takeableNow)
        {
            var chain = new FakeRoute[keys.Length];
            for (int i = 0; i < keys.Length; i++) chain[i] = new FakeRoute(keys[i], takeableNow[i], chain);
            chain[0]._current = true;
            return chain;
        }
    }
}

/// <summary>
/// A real 2 → 3 channel 3×3 convolution whose float32 forward (or input gradient) is perturbed by a share of its
/// largest value whenever <c>isWrong()</c> says so, as a faulty CPU kernel would be; float64 is always exact.
/// </summary>
internal sealed class FaultyConvolution : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d _conv = nn.Conv2d(2, 3, kernel_size: 3, padding: 1);
    private readonly Func<bool> _isWrong;
    private readonly double _error;
    private readonly bool _inGradient;

    private FaultyConvolution(Func<bool> isWrong, double error, bool inGradient) : base("FaultyConvolution")
    {
        _isWrong = isWrong;
        _error = error;
        _inGradient = inGradient;
        register_module("conv", _conv);
    }

    public static KernelProbe Probe(Func<bool> isWrong, double error = 0.3, bool inGradient = false, string name = "faulty on purpose") =>
        new($"Conv2d 2 → 3, k3 s1 p1 ({name})", new long[] { 2, 5, 5 }, () => new FaultyConvolution(isWrong, error, inGradient));

    public override Tensor forward(Tensor input)
    {
        bool wrong = input.dtype == ScalarType.Float32 && _isWrong();
        if (wrong && _inGradient)
        {
            // Scales the gradient flowing back into the input; the output itself stays right.
            var scaled = input * (1 + _error) - input.detach() * _error;
            return _conv.call(scaled);
        }
        var output = _conv.call(input);
        return wrong ? output + output.detach().abs().max() * _error : output;
    }
}
