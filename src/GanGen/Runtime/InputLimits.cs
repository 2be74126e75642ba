using System.Globalization;

namespace GanGen.Runtime;

/// <summary>
/// The sizes GanGen accepts from a file's header or a caller's argument before it allocates anything. A header may
/// claim any size in a few bytes (a 120-byte PNG can claim 100000×100000 pixels); these bounds turn such a claim
/// into one <see cref="GanInputException"/> instead of an allocation that takes the machine's memory or fails.
/// </summary>
public static class InputLimits
{
    /// <summary>Pixels of one image (decoded, written or tiled into a grid): 64 megapixels, 256 MB as RGBA.</summary>
    public const long MaxImagePixels = 64_000_000;

    /// <summary>
    /// Bytes of one tensor a loader or a call builds as float32: a dataset read into memory, a streaming window,
    /// the samples of one call (4 GiB; Fashion-MNIST's 60,000 training images take 188 MB).
    /// </summary>
    public const long MaxTensorBytes = 4L << 30;

    /// <summary>Refuses an image whose <paramref name="width"/>×<paramref name="height"/> is not 1 to <see cref="MaxImagePixels"/> pixels.</summary>
    internal static void RequireImagePixels(string subject, long width, long height, string what)
    {
        if (width < 1 || height < 1)
            throw new GanInputException(subject, $"{what} {width}×{height} pixels; both sizes must be at least 1");
        if (width > MaxImagePixels / height) // width × height > MaxImagePixels, without forming the product
            throw new GanInputException(subject,
                $"{what} {width}×{height} pixels ({Count((double)width * height)}); an image may have at most {Count(MaxImagePixels)} pixels (64 megapixels)");
    }

    /// <summary>Refuses a float32 tensor of <paramref name="elements"/> values larger than <see cref="MaxTensorBytes"/>.</summary>
    /// <remarks>The count is a double so that no product of claimed sizes can overflow; it is exact up to 2^53.</remarks>
    internal static void RequireTensorBytes(string subject, double elements, string what, string remedy)
    {
        double bytes = elements * 4;
        if (bytes > MaxTensorBytes)
            throw new GanInputException(subject, $"{what} would take {Bytes(bytes)} as float32, more than the {Bytes(MaxTensorBytes)} GanGen allocates for one tensor; {remedy}");
    }

    /// <summary>A count with thousands separators, culture-independent.</summary>
    internal static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A byte count in the largest binary unit that keeps it at least 1 (e.g. "4.0 GiB").</summary>
    internal static string Bytes(double bytes)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? $"{Count(bytes)} B" : bytes.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
