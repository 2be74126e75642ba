using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// Every error the server answers is a JSON body <c>{"error": "…"}</c> of one line: the endpoints' own 400s, and
/// here the 404 (unknown path), 405 (another method than GET, with an Allow header) and any status the framework
/// sets without a body, and 500 for an exception no check foresaw — reported on stderr, answered, and the server
/// goes on serving the next request.
/// </summary>
public static class ErrorResponses
{
    /// <summary>A 400 answer with its one-line reason.</summary>
    public static IResult BadRequest(string reason) => Results.Json(new { error = reason }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Adds the 500 handler and the bodies of bodiless error statuses to <paramref name="app"/>.</summary>
    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                Console.Error.WriteLine($"error: {context.Request.Method} {context.Request.Path}{context.Request.QueryString} failed: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");
                context.Response.Clear();
                await Write(context, StatusCodes.Status500InternalServerError, "the server failed on this request (a bug; it is logged and the server goes on serving)");
                return;
            }
            if (context.Response.HasStarted || context.Response.ContentLength is > 0 || context.Response.StatusCode < 400) return;
            switch (context.Response.StatusCode)
            {
                case StatusCodes.Status404NotFound:
                    await Write(context, 404, $"no such path '{context.Request.Path}'; this server serves GET /, /samples and /samples.png");
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    context.Response.Headers.Allow = "GET";
                    await Write(context, 405, $"{context.Request.Method} is not allowed on '{context.Request.Path}'; use GET");
                    break;
                default:
                    await Write(context, context.Response.StatusCode, $"the request failed with HTTP {context.Response.StatusCode}");
                    break;
            }
        });
    }

    private static System.Threading.Tasks.Task Write(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = reason });
    }
}
