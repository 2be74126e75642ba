using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GanGen.Tests.Interop;

/// <summary>
/// A hostile user of the twin's train.py, under python and under torchrun: every bad argument and every bad data
/// file is refused before training with one "error:" line on stderr — exit code 2 for the command line, 1 for a
/// file or the data — no traceback, and every file byte-identical afterwards ("trained weights" never written).
/// </summary>
public sealed class TwinTrainRefusalTests : IClassFixture<TwinTrainFixture>
{
    private readonly ITestOutputHelper _output;
    private readonly TwinTrainFixture _files;

    public TwinTrainRefusalTests(ITestOutputHelper output, TwinTrainFixture files)
    {
        _output = output;
        _files = files;
    }

    // Paths are relative to the fixture's folder; "--data good.safetensors" is added unless a row gives --data.
    public static TheoryData<string, int, string> BadRuns() => new()
    {
        { "--batch-size 0", 2, "argument --batch-size: must be a whole number of at least 1; got 0" },
        { "--batch-size 100000000000", 2, "GiB per batch of ProjectionOracleGan's samples" },
        { "--steps -5", 2, "argument --steps: must be a whole number of at least 1; got -5" },
        { "--steps 0", 2, "argument --steps: must be a whole number of at least 1; got 0" },
        { "--steps many", 2, "argument --steps: must be a whole number; got 'many'" },
        { "--lr-d nan", 2, "argument --lr-d: must be a finite number greater than 0 and at most 1; got nan" },
        { "--lr-g -0.001", 2, "argument --lr-g: must be a finite number greater than 0" },
        { "--seed -1", 2, "argument --seed: must be a whole number from 0 to 2147483647" },
        { "--frobnicate", 2, "unrecognized arguments: --frobnicate" },
        { "--out good.safetensors", 2, "is --data; train.py never overwrites an input" },
        { "--out twin/model.py", 2, "is the twin's model.py" },
        { "--out twin/weights.safetensors", 2, "is --weights" },
        { "--out notes.txt", 2, "exists and is not a weights file" },
        { "--out no-such-folder/trained.safetensors", 2, "does not exist" },
        { "--out a-folder", 2, "is a folder" },
        { "--data a-folder", 2, "--data 'a-folder' is a folder" },
        { "--data absent.safetensors", 1, "--data 'absent.safetensors' does not exist" },
        { "--data text.safetensors", 1, "is not a valid safetensors file" },
        { "--data truncated.safetensors", 1, "that do not fit" },
        { "--data bad-json.safetensors", 1, "its header is not UTF-8 JSON" },
        { "--data nan.safetensors", 1, "'data' holds 3 NaN and 0 infinite values of 192" },
        { "--data float64.safetensors", 1, "'data' is float64, but ProjectionOracleGan computes in float32" },
        { "--data wide.safetensors", 1, "'data' has shape [64, 4], but ProjectionOracleGan's samples are [3]" },
        { "--data empty.safetensors", 1, "'data' holds no samples" },
        { "--data unlabelled.safetensors", 1, "has no 'labels' tensor" },
        { "--data label-3.safetensors", 1, "holds 1 labels outside ProjectionOracleGan's classes 0 to 2 (e.g. 3)" },
        { "--data label-minus-1.safetensors", 1, "outside ProjectionOracleGan's classes 0 to 2 (e.g. -1)" },
        { "--data int32-labels.safetensors", 1, "'labels' is int32 [64]; labels are int64 [64]" },
        { "--data typo.safetensors", 1, "holds 'label', which ProjectionOracleGan does not take" },
        { "--weights absent.safetensors", 1, "--weights 'absent.safetensors' does not exist" },
        { "--weights ring-weights.safetensors", 1, "does not match ProjectionOracleGan" },
        { "--weights infinite-weights.safetensors", 1, "tensor 'generator.Output.weight' holds 0 NaN and 2 infinite values" },
    };

    [PyTorchTheory]
    [MemberData(nameof(BadRuns))]
    public void Train_refuses_with_one_error_line_and_changes_no_file(string arguments, int exitCode, string expected)
    {
        PythonTorch.Require();
        var before = FolderSnapshot.Take(_files.Folder);

        var (code, output) = PythonTorch.Run(PythonTorch.Python, TrainArguments(arguments), _files.Folder, _output, timeoutMinutes: 2);

        Assert.True(code == exitCode, $"exit code {code}, not {exitCode}:\n{output}");
        OneErrorLine.Assert(output, expected, arguments);
        Assert.DoesNotContain("wrote ", output);
        before.AssertUnchanged(arguments);
    }

    [PyTorchFact]
    public void Under_torchrun_every_rank_refuses_and_the_job_fails_with_the_scripts_one_line()
    {
        PythonTorch.Require();
        var before = FolderSnapshot.Take(_files.Folder);
        var arguments = new List<string> { "--standalone", "--nproc_per_node=2", "--redirects", "9:1", "--tee", "9:1" };
        arguments.AddRange(TrainArguments("--data label-3.safetensors"));

        var (code, output) = PythonTorch.Run(PythonTorch.Torchrun, arguments, _files.Folder, _output, timeoutMinutes: 3);

        Assert.NotEqual(0, code);
        // Rank 0 prints the line; torchrun then reports the failed job itself (its ChildFailedError report, with
        // the launcher's own traceback, is torchrun's and outside the twin), but no frame of the twin's scripts.
        var errors = output.Split('\n').Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1 && errors[0].Contains("outside ProjectionOracleGan's classes 0 to 2", StringComparison.Ordinal), output);
        Assert.DoesNotContain("train.py\", line", output);
        Assert.DoesNotContain("gangen_twin.py\", line", output);
        Assert.Contains("exitcode: 1", output);
        before.AssertUnchanged("torchrun");
    }

    [PyTorchFact]
    public void A_good_run_trains_and_writes_its_weights_and_nothing_else()
    {
        PythonTorch.Require();
        string trained = _files.PathOf("trained-good.safetensors");
        var before = FolderSnapshot.Take(_files.Folder);

        var (code, output) = PythonTorch.Run(PythonTorch.Python, TrainArguments("--steps 3 --batch-size 8 --out trained-good.safetensors"), _files.Folder, _output);

        Assert.True(code == 0, output);
        Assert.Contains("wrote trained-good.safetensors after 3 steps", output);
        using (var weights = GanGen.Runtime.Interop.SafeTensors.Read(trained)) Assert.Equal("3", weights.Metadata["gangen.step"]);
        File.Delete(trained);
        before.AssertUnchanged("a good run");
    }

    private IEnumerable<string> TrainArguments(string arguments)
    {
        var all = new List<string> { Path.Combine(_files.Twin, "train.py") };
        if (!arguments.Contains("--data", StringComparison.Ordinal)) all.AddRange(new[] { "--data", "good.safetensors" });
        all.AddRange(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return all;
    }
}
