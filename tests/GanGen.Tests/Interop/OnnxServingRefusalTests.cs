using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GanGen.Tests.Examples;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GanGen.Tests.Interop;

/// <summary>
/// A hostile user of the ONNX serving example: every bad option or request is refused before anything is allocated
/// or run — one "error:" line and exit code 2 (the command line must change) or 1 (a file is at fault), or one HTTP
/// 400/404/405 with a one-line JSON reason — and no file changes. Class ranges come from the model's metadata.
/// </summary>
public sealed class OnnxServingRefusalTests : TemporaryFolderTests, IClassFixture<ServingModels>
{
    private readonly ITestOutputHelper _output;
    private readonly ServingModels _models;

    public OnnxServingRefusalTests(ITestOutputHelper output, ServingModels models) : base("gangen-serving-refusals")
    {
        _output = output;
        _models = models;
    }

    // {c}: the 10-class generator, {3}: the 3-class one, {r}: the unconditional ring, {d}: a discriminator.
    public static TheoryData<string, int, string> BadCommandLines() => new()
    {
        { "--model {c} --count 1000000000", 2, "--count must be a whole number from 1 to 4096" },
        { "--model {c} --count 99999999999", 2, "--count must be a whole number from 1 to 4096" },
        { "--model {c} --count 0", 2, "--count must be a whole number from 1 to 4096" },
        { "--model {c} --count -3", 2, "got '-3'" },
        { "--model {c} --count many", 2, "got 'many'" },
        { "--model {c} --seed -1", 2, "--seed must be a whole number from 0 to 2147483647" },
        { "--model {c} --seed 1e3", 2, "--seed must be a whole number" },
        { "--model {c} --labels -1", 2, "--labels: label -1 is outside ConditionalDcgan's classes 0 to 9" },
        { "--model {c} --labels -11", 2, "--labels: label -11 is outside ConditionalDcgan's classes 0 to 9" },
        { "--model {c} --labels 3,10", 2, "label 10 is outside ConditionalDcgan's classes 0 to 9" },
        { "--model {3} --labels 0,3", 2, "label 3 is outside ProjectionOracleGan's classes 0 to 2" },
        { "--model {c} --labels 1,,2", 2, "'' is not a whole number" },
        { "--model {c} --count 3 --labels 1,2", 2, "2 labels for --count 3" },
        { "--model {r} --labels 0", 2, "RingGan is not conditional" },
        { "--model {c} --output file.txt", 2, "--output 'file.txt' is a file" },
        { "--model {c} --output mine", 2, "--output 'mine' holds 'notes.txt', which generate does not write" },
        { "--model {c} --frobnicate 1", 2, "(see --help)" },
        { "--count 2", 2, "--model" },
        { "--model absent.onnx", 1, "'absent.onnx' does not exist" },
        { "--model corrupt.onnx", 1, "'corrupt.onnx' is not an ONNX model ONNX Runtime can load" },
        { "--model mine", 1, "'mine' is a folder" },
        { "--model {d}", 1, "export of a discriminator, not of a generator" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void Generate_refuses_a_bad_command_line_with_one_line_and_changes_no_file(string arguments, int exitCode, string expected)
    {
        File.WriteAllText(PathOf("file.txt"), "the user's");
        File.WriteAllBytes(PathOf("corrupt.onnx"), new byte[] { 8, 7, 0x12, 0xFF, 1, 2, 3 });
        Directory.CreateDirectory(PathOf("mine"));
        File.WriteAllText(PathOf("mine/notes.txt"), "the user's too");
        var before = FolderSnapshot.Take(FolderPath);
        var models = FolderSnapshot.Take(_models.Folder);

        var (code, output) = DotnetCommand.Run(FolderPath, $"\"{OnnxServingExampleTests.Dll}\" generate {Resolve(arguments)}", _output, timeoutMinutes: 2);

        Assert.True(code == exitCode, $"exit code {code}, not {exitCode}:\n{output}");
        OneErrorLine.Assert(output, expected, arguments);
        Assert.DoesNotMatch(@"wrote \d+ samples", output);
        before.AssertUnchanged(arguments);
        models.AssertUnchanged(arguments);
    }

    [Fact]
    public void Generate_takes_labels_up_to_the_models_own_last_class_and_replaces_only_its_own_files()
    {
        var three = DotnetCommand.Run(FolderPath, $"\"{OnnxServingExampleTests.Dll}\" generate --model \"{_models.ThreeClasses}\" --labels 2,0,1,2 --output out", _output);
        Assert.True(three.ExitCode == 0, three.Output);
        Assert.Contains("wrote 4 samples of shape [3] from ProjectionOracleGan", three.Output);

        var images = DotnetCommand.Run(FolderPath, $"\"{OnnxServingExampleTests.Dll}\" generate --model \"{_models.Conditional}\" --labels 9,0 --output out", _output);
        Assert.True(images.ExitCode == 0, images.Output);
        // The earlier run's CSV is gone: the folder holds this run's samples only.
        Assert.Equal(new[] { "grid.png", "noise.f32", "sample-000.png", "sample-001.png", "samples.f32", "samples.json" },
            Array.ConvertAll(Directory.GetFiles(PathOf("out")), Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Serve_refuses_a_bad_address_and_a_port_in_use_with_one_line()
    {
        var scheme = DotnetCommand.Run(FolderPath, $"\"{OnnxServingExampleTests.Dll}\" serve --model {Quote(_models.Ring)} --urls ftp://127.0.0.1:21", _output, timeoutMinutes: 2);
        Assert.Equal(2, scheme.ExitCode);
        OneErrorLine.Assert(scheme.Output, "--urls: 'ftp://127.0.0.1:21' is not an address such as http://127.0.0.1:5000", "--urls ftp");

        var occupant = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        try
        {
            int port = ((IPEndPoint)occupant.LocalEndpoint).Port;
            var taken = DotnetCommand.Run(FolderPath, $"\"{OnnxServingExampleTests.Dll}\" serve --model {Quote(_models.Ring)} --urls http://127.0.0.1:{port}", _output, timeoutMinutes: 2);
            Assert.Equal(1, taken.ExitCode);
            OneErrorLine.Assert(taken.Output, "address already in use", "a port in use");
        }
        finally
        {
            occupant.Stop();
        }
    }

    // (path and query, method, status, part of the one-line reason)
    public static TheoryData<string, string, HttpStatusCode, string> BadRequests() => new()
    {
        { "/samples?count=0", "GET", HttpStatusCode.BadRequest, "count must be a whole number from 1 to 256 (the limit per request); got '0'" },
        { "/samples?count=1000000000", "GET", HttpStatusCode.BadRequest, "count must be a whole number from 1 to 256" },
        { "/samples?count=", "GET", HttpStatusCode.BadRequest, "count must be a whole number" },
        { "/samples?seed=-1", "GET", HttpStatusCode.BadRequest, "seed must be a whole number from 0 to 2147483647" },
        { "/samples?seed=1.5", "GET", HttpStatusCode.BadRequest, "got '1.5'" },
        { "/samples?labels=-1", "GET", HttpStatusCode.BadRequest, "labels: label -1 is outside ConditionalDcgan's classes 0 to 9" },
        { "/samples?labels=-11", "GET", HttpStatusCode.BadRequest, "labels: label -11 is outside ConditionalDcgan's classes 0 to 9" },
        { "/samples.png?labels=0,10", "GET", HttpStatusCode.BadRequest, "label 10 is outside" },
        { "/samples?labels=x", "GET", HttpStatusCode.BadRequest, "'x' is not a whole number" },
        { "/samples?count=2&labels=1", "GET", HttpStatusCode.BadRequest, "1 labels for count 2" },
        { "/samples?cout=2", "GET", HttpStatusCode.BadRequest, "unknown parameter 'cout'" },
        { "/samples?count=1&count=2", "GET", HttpStatusCode.BadRequest, "count is given 2 times" },
        { "/?x=1", "GET", HttpStatusCode.BadRequest, "unknown parameter 'x'" },
        { "/sample", "GET", HttpStatusCode.NotFound, "no such path '/sample'" },
        { "/samples", "POST", HttpStatusCode.MethodNotAllowed, "POST is not allowed on '/samples'; use GET" },
        { "/", "DELETE", HttpStatusCode.MethodNotAllowed, "DELETE is not allowed" },
    };

    [Fact]
    public async Task Serve_answers_every_bad_request_with_its_status_and_one_line_and_goes_on_serving()
    {
        using var server = ServingProcess.Start(OnnxServingExampleTests.Dll, _models.Conditional, "ConditionalDcgan");
        foreach (var row in BadRequests())
        {
            var (target, method, status, expected) = ((string)row[0], (string)row[1], (HttpStatusCode)row[2], (string)row[3]);
            using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), target));
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{method} {target}: {(int)response.StatusCode}, not {(int)status}: {body}");
            AssertOneLineError(body, expected, $"{method} {target}");
        }
        using var good = await server.Client.GetAsync("/samples?labels=9,0&seed=4");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using var json = JsonDocument.Parse(await good.Content.ReadAsStringAsync());
        Assert.Equal(new long[] { 9, 0 }, Array.ConvertAll(json.RootElement.GetProperty("labels").EnumerateArray().ToArray(), e => e.GetInt64()));
        Assert.Equal(string.Empty, server.Errors.Trim());
    }

    [Fact]
    public async Task A_fault_of_the_model_is_a_500_with_one_line_and_the_server_goes_on_serving()
    {
        // A model whose metadata claims 12 classes while its lookup tables hold 10: label 11 passes the server's
        // check, and the exported graph itself then refuses it (labels outside its tables fail, never wrap).
        byte[] bytes = File.ReadAllBytes(_models.Conditional);
        byte[] claim = "gangen.classes\u0012\u000210"u8.ToArray(), lie = "gangen.classes\u0012\u000212"u8.ToArray();
        int at = bytes.AsSpan().IndexOf(claim);
        Assert.True(at >= 0, "the export's metadata entry for gangen.classes was not found");
        lie.CopyTo(bytes, at);
        string model = PathOf("lying.onnx");
        File.WriteAllBytes(model, bytes);
        using var server = ServingProcess.Start(OnnxServingExampleTests.Dll, model, "ConditionalDcgan");

        foreach (string labels in new[] { "11", "10" })
        {
            using var fault = await server.Client.GetAsync($"/samples?labels={labels}");
            Assert.Equal(HttpStatusCode.InternalServerError, fault.StatusCode);
            AssertOneLineError(await fault.Content.ReadAsStringAsync(), "the server failed on this request", "label " + labels);
        }
        using var good = await server.Client.GetAsync("/samples?labels=9");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.True(server.IsRunning);
        Assert.Contains("error: GET /samples?labels=11 failed: OnnxRuntimeException", server.Errors);
    }

    private static void AssertOneLineError(string body, string expected, string context)
    {
        Assert.DoesNotContain('\n', body);
        using var json = JsonDocument.Parse(body);
        string reason = json.RootElement.GetProperty("error").GetString()!;
        Assert.True(reason.Contains(expected, StringComparison.Ordinal), $"{context}: '{reason}' lacks '{expected}'");
        Assert.DoesNotContain('\n', reason);
    }

    private string Resolve(string arguments) => arguments
        .Replace("{c}", Quote(_models.Conditional), StringComparison.Ordinal)
        .Replace("{3}", Quote(_models.ThreeClasses), StringComparison.Ordinal)
        .Replace("{r}", Quote(_models.Ring), StringComparison.Ordinal)
        .Replace("{d}", Quote(_models.ConditionalDiscriminator), StringComparison.Ordinal);

    private static string Quote(string path) => $"\"{path}\"";
}
