using System;
using System.Linq;

namespace GanGen.Examples.OnnxServing;

/// <summary>--urls: absolute http or https addresses with a host and a port, checked before the server starts.</summary>
public static class ListenAddresses
{
    /// <summary>The addresses of <paramref name="text"/> (separated by ';'), or a <see cref="UsageException"/> naming the bad one.</summary>
    public static string[] Parse(string text)
    {
        var addresses = (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0) throw new UsageException("--urls must name at least one address such as http://127.0.0.1:5000");
        foreach (string address in addresses)
        {
            if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
                throw new UsageException($"--urls: '{address}' is not an address such as http://127.0.0.1:5000 (http or https, a host, a port, no path)");
        }
        return addresses.ToArray();
    }
}
