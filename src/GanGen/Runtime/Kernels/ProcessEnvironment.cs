using System;
using System.Runtime.InteropServices;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// Sets a variable in the native process environment, where C libraries' getenv reads it. On Unix
/// Environment.SetEnvironmentVariable changes only .NET's own copy.
/// </summary>
internal static partial class ProcessEnvironment
{
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows())
        {
            if (_putenv_s(name, value) != 0) throw new InvalidOperationException($"_putenv_s({name}) failed.");
        }
        else if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("ucrtbase", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int _putenv_s(string name, string value);
}
