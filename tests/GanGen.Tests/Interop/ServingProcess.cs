using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace GanGen.Tests.Interop;

/// <summary>The ONNX serving example's <c>serve</c> command on a free loopback port, with a client; killed on dispose.</summary>
public sealed class ServingProcess : IDisposable
{
    private readonly Process _server;
    private readonly StringBuilder _errors = new();

    private ServingProcess(Process server, int port, string gan)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _server.ErrorDataReceived += (_, line) => { lock (_errors) _errors.AppendLine(line.Data); };
        _server.BeginErrorReadLine();
        string? line;
        do line = _server.StandardOutput.ReadLine();
        while (line is not null && !line.StartsWith("serving " + gan, StringComparison.Ordinal));
        if (line is null)
        {
            _server.WaitForExit();
            throw new InvalidOperationException("the server stopped before it listened: " + Errors);
        }
    }

    /// <summary>A client of the server.</summary>
    public HttpClient Client { get; }

    /// <summary>What the server wrote to stderr so far.</summary>
    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    /// <summary>Whether the server still runs.</summary>
    public bool IsRunning => !_server.HasExited;

    /// <summary>Starts <c>serve --model <paramref name="model"/></c> with the built example and waits until it serves <paramref name="gan"/>.</summary>
    public static ServingProcess Start(string dll, string model, string gan)
    {
        int port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(model)!,
        };
        foreach (string argument in new[] { dll, "serve", "--model", model, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(argument);
        return new ServingProcess(Process.Start(start)!, port, gan);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.WaitForExit();
        _server.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
