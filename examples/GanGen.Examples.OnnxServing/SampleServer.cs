using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// The minimal web endpoint: <c>GET /</c> describes the model, <c>GET /samples?count=&amp;seed=&amp;labels=</c>
/// returns samples as JSON, <c>GET /samples.png</c> (images only) a grid of them; the same seed always returns the
/// same samples. Every error is a JSON body <c>{"error": "…"}</c> of one line: 400 for a bad query (checked by
/// <see cref="SampleRequest"/> before anything is allocated or run), 404 for an unknown path, 405 for another method
/// than GET, 500 for a fault of the server (which keeps serving; see <see cref="ErrorResponses"/>).
/// </summary>
public static class SampleServer
{
    private static readonly string[] SampleParameters = { "count", "seed", "labels" };

    /// <summary>Builds the app serving <paramref name="model"/> on <paramref name="urls"/> (checked by <see cref="ListenAddresses"/>).</summary>
    public static WebApplication Build(GeneratorModel model, string[] urls)
    {
        ArgumentNullException.ThrowIfNull(model);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // Startup lines ("Now listening on …") stay; per-request lines would flood a console at serving rates.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A start-up failure (a port in use) reaches Program's one "error:" line; the host's and Kestrel's own log
        // entries for it would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.None);
        var app = builder.Build();
        ErrorResponses.Use(app);
        // ONNX Runtime sessions may run concurrently; each request draws its own noise from its seed.
        app.MapGet("/", (HttpRequest request) => NoParameters(request) ?? Results.Json(new
        {
            gan = model.Gan,
            latent_size = model.LatentSize,
            uniform_noise = model.UniformNoise,
            classes = model.Classes,
            sample_shape = model.SampleShape,
            range = model.Range,
            max_count = SampleLimits.MaxCount(model, SampleLimits.MaxServedCount),
        }));
        app.MapGet("/samples", (HttpRequest request) => Serve(model, request, samples =>
        {
            var body = SampleFiles.Describe(samples, model.Gan);
            body["values"] = samples.Values;
            return Results.Json(body);
        }));
        app.MapGet("/samples.png", (HttpRequest request) => model.SampleShape.Length == 3 && model.SampleShape[0] is 1 or 3
            ? Serve(model, request, samples => Results.File(SampleImages.Grid(samples, columns: 8), "image/png"))
            : ErrorResponses.BadRequest($"{model.Gan}'s samples have shape [{string.Join(", ", model.SampleShape)}], not images; ask /samples for the values"));
        return app;
    }

    private static IResult Serve(GeneratorModel model, HttpRequest request, Func<Samples, IResult> respond)
    {
        try
        {
            foreach (var (name, values) in request.Query)
            {
                if (!SampleParameters.Contains(name, StringComparer.Ordinal))
                    return ErrorResponses.BadRequest($"unknown parameter '{Shorten(name)}'; {request.Path} takes {string.Join(", ", SampleParameters)}");
                if (values.Count != 1) return ErrorResponses.BadRequest($"{name} is given {values.Count} times; give it once");
            }
            var sampleRequest = SampleRequest.Parse(model, Value(request, "count"), Value(request, "seed"), Value(request, "labels"), SampleLimits.MaxServedCount, "");
            return respond(model.Generate(sampleRequest));
        }
        catch (UsageException exception)
        {
            return ErrorResponses.BadRequest(exception.Message);
        }
    }

    private static IResult? NoParameters(HttpRequest request) => request.Query.Count == 0
        ? null
        : ErrorResponses.BadRequest($"unknown parameter '{Shorten(request.Query.Keys.First())}'; / takes none");

    private static string? Value(HttpRequest request, string name) => request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
