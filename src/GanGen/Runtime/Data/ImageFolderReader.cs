using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Loads a folder of PNG/JPEG images (sorted by file name, so runs are reproducible) into one tensor
/// [N, C, H, W] mapped to the declared sample shape: each image is center-cropped to the target aspect ratio and
/// resized in one high-quality draw, converted to grayscale (Rec. 601 luma) or RGB, and scaled to the data range.
/// Decoding uses SkiaSharp; applications reference the native assets for their platform.
/// </summary>
/// <remarks>
/// Which files are images: those directly in the folder whose names end in .png, .jpg or .jpeg (any case) and do not
/// start with '.'. Other files (README.txt, Thumbs.db), hidden files (.DS_Store, macOS's ._shirt.png) and sub-folders
/// are skipped. A file named as an image is an image: one that is empty, not PNG/JPEG by its content, larger than
/// <see cref="InputLimits.MaxImagePixels"/>, truncated or corrupt is refused by name rather than skipped, so a
/// dataset never silently shrinks. The whole dataset's float32 tensor is checked against
/// <see cref="InputLimits.MaxTensorBytes"/> before the first image is decoded. Every problem is one
/// <see cref="GanInputException"/> naming the folder, file or argument.
/// </remarks>
public static class ImageFolderReader
{
    private const string FolderKind = "a folder of PNG/JPEG images";
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg" };

    /// <summary>The PNG and JPEG files directly in <paramref name="folder"/>, sorted by name (empty when there are none or the folder does not exist).</summary>
    public static IReadOnlyList<string> ImageFiles(string folder)
    {
        InputFiles.RequirePath(folder, nameof(folder), FolderKind);
        if (!Directory.Exists(folder)) return Array.Empty<string>();
        var files = Entries(folder, Directory.EnumerateFiles)
            .Where(file => !IsHidden(file) && Array.IndexOf(Extensions, Path.GetExtension(file).ToLowerInvariant()) >= 0)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Reads every image of <paramref name="folder"/> as [N, C, H, W] for <paramref name="shape"/> = [C, H, W].</summary>
    public static Tensor Read(string folder, long[] shape, DataRange range = DataRange.MinusOneToOne)
    {
        var (channels, height, width) = SampleShape(shape);
        var files = ImagesOf(InputFiles.RequireFolder(folder, nameof(folder), FolderKind));
        return Decode(folder, files, channels, height, width, range);
    }

    /// <summary>
    /// Reads a folder whose sub-folders are classes (as torchvision's ImageFolder): every image of the i-th sub-folder
    /// in ordinal name order gets label i. Returns the images [N, C, H, W], the labels [N] and the class names.
    /// Hidden sub-folders (".git") are not classes; every class must hold at least one image.
    /// </summary>
    public static (Tensor Images, Tensor Labels, IReadOnlyList<string> Classes) ReadLabelled(string folder, long[] shape, DataRange range = DataRange.MinusOneToOne)
    {
        var (channels, height, width) = SampleShape(shape);
        InputFiles.RequireFolder(folder, nameof(folder), FolderKind);
        var classes = Entries(folder, Directory.EnumerateDirectories).Where(sub => !IsHidden(sub)).Select(sub => Path.GetFileName(sub)).ToList();
        classes.Sort(StringComparer.Ordinal);
        if (classes.Count == 0)
            throw new GanInputException(folder, "has no class sub-folders; put each class's PNG/JPEG images in a sub-folder named after it");
        var files = new List<string>();
        var labels = new List<long>();
        for (int label = 0; label < classes.Count; label++)
        {
            var images = ImagesOf(Path.Combine(folder, classes[label]));
            files.AddRange(images);
            labels.AddRange(Enumerable.Repeat((long)label, images.Count));
        }
        var pixels = Decode(folder, files, channels, height, width, range);
        return (pixels, tensor(labels.ToArray()), classes);
    }

    /// <summary>The images of <paramref name="folder"/>, at least one.</summary>
    private static IReadOnlyList<string> ImagesOf(string folder)
    {
        var files = ImageFiles(folder);
        if (files.Count == 0)
            throw new GanInputException(folder, "contains no PNG or JPEG images (files ending in .png, .jpg or .jpeg; other files, hidden files and sub-folders are skipped)");
        return files;
    }

    /// <summary>Checks the whole dataset's size, then decodes every file into one tensor.</summary>
    private static Tensor Decode(string folder, IReadOnlyList<string> files, int channels, int height, int width, DataRange range)
    {
        long sample = (long)channels * height * width;
        InputLimits.RequireTensorBytes(folder, (double)files.Count * sample, $"holds {files.Count} images; as [{channels}, {height}, {width}] samples they",
            "use fewer images or a smaller sample shape");
        var values = new float[files.Count * sample];
        for (int i = 0; i < files.Count; i++) ImageFileDecoder.Decode(files[i], channels, height, width, values, i * sample);
        using var pixels = tensor(values, new long[] { files.Count, channels, height, width });
        return range == DataRange.MinusOneToOne ? pixels.div(127.5).sub_(1.0) : pixels.div(255.0);
    }

    /// <summary>[1 or 3, H, W] with H × W within <see cref="InputLimits.MaxImagePixels"/>.</summary>
    private static (int Channels, int Height, int Width) SampleShape(long[] shape)
    {
        if (shape is null) throw new GanInputException(nameof(shape), "is null; give the sample shape [1 or 3, H, W]");
        string text = "[" + string.Join(", ", shape) + "]";
        if (shape.Length != 3 || (shape[0] != 1 && shape[0] != 3) || shape[1] < 1 || shape[2] < 1)
            throw new GanInputException(nameof(shape), $"is {text}, which cannot hold an image; images map to [1 or 3, H ≥ 1, W ≥ 1] samples");
        InputLimits.RequireImagePixels(nameof(shape), shape[2], shape[1], $"is {text}, samples of");
        return ((int)shape[0], (int)shape[1], (int)shape[2]);
    }

    /// <summary>Names that start with '.' are hidden (Unix) or metadata (macOS's ._ files, .DS_Store).</summary>
    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    /// <summary>The entries <paramref name="list"/> finds in <paramref name="folder"/>; a folder that cannot be listed is named.</summary>
    private static List<string> Entries(string folder, Func<string, IEnumerable<string>> list)
    {
        try
        {
            return list(folder).ToList();
        }
        catch (Exception e) when (InputFiles.IsFileSystemError(e))
        {
            throw new GanInputException(folder, $"cannot be listed ({(e is UnauthorizedAccessException ? "permission denied" : InputFiles.FirstLine(e.Message))}); {FolderKind} must be readable by this process", e);
        }
    }
}
