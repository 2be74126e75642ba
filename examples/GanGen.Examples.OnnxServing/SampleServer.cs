using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// The minimal web endpoint: <c>GET /</c> describes the model, <c>GET /samples?count=&amp;seed=&amp;labels=</c>
/// returns samples as JSON, <c>GET /samples.png</c> (images only) a grid of them. A bad query is a 400 with one
/// error message; the same seed always returns the same samples.
/// </summary>
public static class SampleServer
{
    /// <summary>Largest count one request may ask for.</summary>
    public const int MaxCount = 256;

    /// <summary>Builds the app serving <paramref name="model"/> on <paramref name="urls"/> (e.g. http://127.0.0.1:5000).</summary>
    public static WebApplication Build(GeneratorModel model, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // Startup lines ("Now listening on …") stay; per-request lines would flood a console at serving rates.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = builder.Build();
        // ONNX Runtime sessions may run concurrently; each request draws its own noise from its seed.
        app.MapGet("/", () => Results.Json(new
        {
            gan = model.Gan,
            latent_size = model.LatentSize,
            uniform_noise = model.UniformNoise,
            classes = model.Classes,
            sample_shape = model.SampleShape,
            range = model.Range,
        }));
        app.MapGet("/samples", (HttpRequest request) => Serve(model, request, samples =>
        {
            var body = SampleFiles.Describe(samples, model.Gan);
            body["values"] = samples.Values;
            return Results.Json(body);
        }));
        app.MapGet("/samples.png", (HttpRequest request) => Serve(model, request, samples => SampleImages.AreImages(samples)
            ? Results.File(SampleImages.Grid(samples, columns: 8), "image/png")
            : Error($"{model.Gan}'s samples have shape [{string.Join(", ", model.SampleShape)}], not images; ask /samples for the values")));
        return app;
    }

    private static IResult Serve(GeneratorModel model, HttpRequest request, Func<Samples, IResult> respond)
    {
        try
        {
            int count = Number(request, "count", 16);
            if (count is < 1 or > MaxCount) return Error($"count must be 1…{MaxCount} (got {count})");
            int seed = Number(request, "seed", 0);
            long[]? labels = request.Query.TryGetValue("labels", out var text) ? Labels(text.ToString()) : null;
            return respond(model.Generate(count, seed, labels));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return Error(exception.Message);
        }
    }

    private static int Number(HttpRequest request, string name, int fallback) =>
        !request.Query.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value
        : throw new FormatException($"{name} must be a whole number (got '{text}')");

    /// <summary>Comma-separated class labels, e.g. "0,1,2".</summary>
    public static long[] Labels(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out long label) ? label : throw new FormatException($"labels must be whole numbers (got '{part}')"))
        .ToArray();

    private static IResult Error(string message) => Results.BadRequest(new { error = message });
}
