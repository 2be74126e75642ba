using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using SkiaSharp;
using static GanGen.Tests.Data.HostileFiles;

namespace GanGen.Tests.Data;

/// <summary>
/// Every loader meets files that lie: each case crafts one bad file (or folder) and asserts that loading it is exactly
/// one <see cref="GanInputException"/>, on one line, naming the file and what is wrong — and that the file is
/// byte-identical afterwards. Nothing is large on disk: the huge cases only claim to be.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private static readonly long[] Gray8 = { 1, 8, 8 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// One case: <see cref="Make"/> writes the bad input into a folder and returns what to load and the file the
    /// message must name; <see cref="Load"/> loads it; the message must contain <see cref="Fragment"/>.
    /// </summary>
    private sealed record Case(string Name, Func<string, (string Load, string Named)> Make, Action<string> Load, string Fragment);

    private static readonly Case[] Cases =
    {
        // IDX images
        new("idx: truncated plain", f => File(f, "cut.idx", Images(3, 2, 2)[..^5]), Read, "is truncated: its header declares 3 images of 2×2, which need 28 bytes, but the file has 23"),
        new("idx: truncated gzip", f => File(f, "cut.gz", Gzip(Images(3, 2, 2)[..^5])), Read, "which need 28 bytes decompressed, but the file has 23"),
        new("idx: gzip that does not decompress", f => File(f, "bad.gz", new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0x13, 0x37 }), Read, "starts like gzip but does not decompress"),
        new("idx: label file read as images", f => File(f, "labels.idx", Labels(1, 2, 3)), Read, "has magic number 0x00000801 (uint8 values in 1 dimension), expected 0x00000803"),
        new("idx: int32 type code", f => File(f, "ints.idx", Idx(0x00000C03, new uint[] { 1, 2, 2 }, 16)), Read, "(int32 values in 3 dimensions), expected 0x00000803"),
        new("idx: a PNG given as IDX", f => File(f, "picture.idx", Png(4, 4)), Read, "(not an IDX header, which starts with two zero bytes)"),
        new("idx: count beyond 2^31", f => File(f, "many.idx", Idx(ImageMagic, new uint[] { uint.MaxValue, 28, 28 }, 10)), Read, "declares 4294967295 images; an IDX file may hold at most 2,147,483,647"),
        new("idx: count far beyond the file", f => File(f, "claims.idx", Idx(ImageMagic, new uint[] { int.MaxValue, 28, 28 }, 784)), Read, "declares 2147483647 images of 28×28, which need 1683627179264 bytes, but the file has 800"),
        new("idx: huge claim in a small gzip", f => File(f, "bomb.gz", Gzip(Idx(ImageMagic, new uint[] { 2_000_000_000, 28, 28 }, 784))), Read, "2000000000 images of 28×28 would take 5.7 TiB as float32, more than the 4.0 GiB GanGen allocates for one tensor"),
        new("idx: 100000×100000 images", f => File(f, "huge.idx", Idx(ImageMagic, new uint[] { 1, 100_000, 100_000 }, 16)), Read, "declares images of 100000×100000 pixels (10,000,000,000); an image may have at most 64,000,000 pixels"),
        new("idx: rows of zero pixels", f => File(f, "flat.idx", Idx(ImageMagic, new uint[] { 4, 0, 28 }, 0)), Read, "declares images of 0×28 pixels (rows×columns); both sizes must be at least 1"),
        new("idx: more bytes than declared", f => File(f, "long.idx", Idx(ImageMagic, new uint[] { 1, 2, 2 }, 9)), Read, "has 25 bytes, 5 more than the 20 its header declares"),
        new("idx: more bytes than declared, gzip", f => File(f, "long.gz", Gzip(Idx(ImageMagic, new uint[] { 1, 2, 2 }, 9))), Read, "holds more bytes than the 20 its header declares"),
        new("idx: no images", f => File(f, "none.idx", Images(0, 28, 28)), Read, "holds no images (its header declares 0)"),
        new("idx: empty file", f => File(f, "empty.idx", Array.Empty<byte>()), Read, "is empty (0 bytes)"),
        new("idx: header cut short", f => File(f, "short.idx", new byte[] { 0, 0, 8, 3, 0, 0, 0 }), Read, "is truncated: its 7 bytes do not hold the 16-byte IDX header"),
        new("idx: a folder", f => Folder(f, "train-images-idx3-ubyte"), Read, "is a folder; give the path of an IDX image file"),
        new("idx: missing", f => (Path.Combine(f, "absent.idx"), Path.Combine(f, "absent.idx")), Read, "does not exist; give the path of an IDX image file"),
        new("idx: locked by another writer", f => File(f, "locked.idx", Images(1, 2, 2)), path => { using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None); Read(path); }, "cannot be read ("),
        // IDX labels
        new("labels: count other than the images'", f => Pair(f, Images(3, 2, 2), Labels(1, 2)), ReadPairOf, "has 2 labels, but '"),
        new("labels: a class out of range", f => File(f, "labels.idx", Labels(3, 12, 4)), path => IdxReader.ReadLabels(path, classes: 10).Dispose(), "holds label 12 at index 1; labels are class indices 0 to 9 (10 classes)"),
        new("labels: truncated", f => File(f, "labels.idx", Labels(1, 2, 3, 4)[..^2]), path => IdxReader.ReadLabels(path).Dispose(), "is truncated: its header declares 4 labels, which need 12 bytes"),
        new("labels: image file read as labels", f => File(f, "images.idx", Images(1, 2, 2)), path => IdxReader.ReadLabels(path).Dispose(), "has magic number 0x00000803 (uint8 values in 3 dimensions), expected 0x00000801"),
        // Streaming IDX
        new("stream: truncated plain", f => File(f, "cut.idx", Images(8, 2, 2)[..^1]), path => new StreamingIdxBatches(path, 2, seed: 1).Dispose(), "is truncated: its header declares 8 images of 2×2"),
        new("stream: fewer images than a batch", f => File(f, "few.idx", Images(3, 2, 2)), path => new StreamingIdxBatches(path, 4, seed: 1).Dispose(), "holds 3 images, fewer than one batch of 4; use a batch size of 1 to 3"),
        new("stream: 100000×100000 images", f => File(f, "huge.idx", Idx(ImageMagic, new uint[] { 1, 100_000, 100_000 }, 0)), path => new StreamingIdxBatches(path, 1, seed: 1).Dispose(), "an image may have at most 64,000,000 pixels"),
        // Image folders
        new("png: 120 bytes claiming 100000×100000", f => InFolder(f, "huge.png", Png(100_000, 100_000)), ReadFolder, "is a PNG image whose header claims 100000×100000 pixels (10,000,000,000); an image may have at most 64,000,000 pixels (64 megapixels)"),
        new("png: zero width", f => InFolder(f, "zero.png", Png(0, 10)), ReadFolder, "is not a PNG or JPEG image (SkiaSharp reports"),
        new("png: empty file", f => InFolder(f, "empty.png", Array.Empty<byte>()), ReadFolder, "is empty (0 bytes)"),
        new("png: a text file named .png", f => InFolder(f, "notes.png", "just some notes\n"u8.ToArray()), ReadFolder, "is not a PNG or JPEG image (SkiaSharp reports"),
        new("png: a WebP named .png", f => InFolder(f, "photo.png", Encoded(4, 4, SKEncodedImageFormat.Webp)), ReadFolder, "is a WEBP image, not PNG or JPEG"),
        new("jpeg: claiming 60000×60000", f => InFolder(f, "huge.jpg", JpegClaiming(60_000, 60_000)), ReadFolder, "is a JPEG image whose header claims 60000×60000 pixels (3,600,000,000)"),
        new("folder: missing", f => (Path.Combine(f, "absent"), Path.Combine(f, "absent")), ReadFolder, "does not exist; give the path of a folder of PNG/JPEG images"),
        new("folder: a file", f => File(f, "images.png", Encoded(4, 4, SKEncodedImageFormat.Png)), ReadFolder, "is a file; give the path of a folder of PNG/JPEG images"),
        new("folder: only other files", f => Only(InFolder(f, "README.txt", "images go here"u8.ToArray())), ReadFolder, "contains no PNG or JPEG images"),
        new("folder: only hidden images", f => Only(InFolder(f, "._shirt.png", Encoded(4, 4, SKEncodedImageFormat.Png))), ReadFolder, "contains no PNG or JPEG images"),
        new("folder: dataset beyond the tensor limit", f => Many(f, 6), path => ImageFolderReader.Read(path, new long[] { 3, 8000, 8000 }).Dispose(), "holds 6 images; as [3, 8000, 8000] samples they would take 4.3 GiB as float32, more than the 4.0 GiB"),
        new("classes: none", f => Only(InFolder(f, "loose.png", Encoded(4, 4, SKEncodedImageFormat.Png))), ReadClasses, "has no class sub-folders"),
        new("classes: an empty class", f => EmptyClass(f), ReadClasses, "contains no PNG or JPEG images"),
        new("classes: a huge image in a class", f => InClass(f, "shirt", "huge.png", Png(100_000, 100_000)), ReadClasses, "claims 100000×100000 pixels"),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var hostile in Cases) names.Add(hostile.Name);
            return names;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EachHostileFileIsOneGanInputExceptionNamingTheFileAndItsProblem(string name)
    {
        var hostile = Cases.Single(c => c.Name == name);
        var (load, named) = hostile.Make(_folder);
        var before = Snapshot(load);
        var error = Assert.Throws<GanInputException>(() => hostile.Load(load));
        Assert.Contains(named, error.Message);
        Assert.Contains(hostile.Fragment, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.Equal(before, Snapshot(load));
    }

    [Fact]
    public void TheHostilePngIsTheProbesOneHundredAndTwentyBytes()
    {
        Assert.Equal(120, Png(100_000, 100_000).Length);
        Assert.Equal(120, Png(0, 10).Length);
    }

    [Fact]
    public void FilesThatAreNotNamedAsImagesAreSkipped()
    {
        var (folder, _) = InFolder(_folder, "a.png", Encoded(6, 6, SKEncodedImageFormat.Png));
        System.IO.File.WriteAllText(Path.Combine(folder, "README.txt"), "not an image");
        System.IO.File.WriteAllBytes(Path.Combine(folder, ".DS_Store"), new byte[] { 0, 0, 0, 1 });
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        Assert.Equal(new[] { Path.Combine(folder, "a.png") }, ImageFolderReader.ImageFiles(folder));
        using var images = ImageFolderReader.Read(folder, Gray8);
        Assert.Equal(new long[] { 1, 1, 8, 8 }, images.shape);
    }

    private static void Read(string path) => IdxReader.ReadImages(path).Dispose();

    private static void ReadFolder(string path) => ImageFolderReader.Read(path, Gray8).Dispose();

    private static void ReadClasses(string path)
    {
        var (images, labels, _) = ImageFolderReader.ReadLabelled(path, Gray8);
        images.Dispose();
        labels.Dispose();
    }

    /// <summary>The pair's images and labels live in the folder <paramref name="path"/>.</summary>
    private static void ReadPairOf(string path)
    {
        var (images, labels) = IdxReader.ReadPair(Path.Combine(path, "images.idx"), Path.Combine(path, "labels.idx"));
        images.Dispose();
        labels.Dispose();
    }

    private static (string, string) File(string folder, string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return (path, path);
    }

    private static (string, string) Folder(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(path);
        return (path, path);
    }

    /// <summary>A folder "images" holding one file; the folder is loaded, the file must be named.</summary>
    private static (string, string) InFolder(string folder, string name, byte[] bytes)
    {
        string images = Path.Combine(folder, "images");
        Directory.CreateDirectory(images);
        var (path, _) = File(images, name, bytes);
        return (images, path);
    }

    /// <summary>The folder itself is what the message names (the file in it is not an image, or not a class).</summary>
    private static (string, string) Only((string Folder, string File) made) => (made.Folder, made.Folder);

    private static (string, string) InClass(string folder, string className, string name, byte[] bytes)
    {
        string classes = Path.Combine(folder, "classes");
        Directory.CreateDirectory(Path.Combine(classes, "coat"));
        Directory.CreateDirectory(Path.Combine(classes, className));
        File(Path.Combine(classes, "coat"), "ok.png", Encoded(4, 4, SKEncodedImageFormat.Png));
        var (path, _) = File(Path.Combine(classes, className), name, bytes);
        return (classes, path);
    }

    /// <summary>Classes "coat" (one image) and "shirt" (only a text file and an "images" sub-folder): shirt is named.</summary>
    private static (string, string) EmptyClass(string folder)
    {
        string classes = Path.Combine(folder, "classes");
        string shirt = Path.Combine(classes, "shirt");
        Directory.CreateDirectory(Path.Combine(classes, "coat"));
        Directory.CreateDirectory(Path.Combine(shirt, "images"));
        File(Path.Combine(classes, "coat"), "ok.png", Encoded(4, 4, SKEncodedImageFormat.Png));
        File(shirt, "notes.txt", "no images yet"u8.ToArray());
        return (classes, shirt);
    }

    private static (string, string) Pair(string folder, byte[] images, byte[] labels)
    {
        File(folder, "images.idx", images);
        var (path, _) = File(folder, "labels.idx", labels);
        return (folder, path);
    }

    private static (string, string) Many(string folder, int count)
    {
        string images = Path.Combine(folder, "images");
        Directory.CreateDirectory(images);
        for (int i = 0; i < count; i++) File(images, $"{i}.png", Encoded(2, 2, SKEncodedImageFormat.Png));
        return (images, images);
    }

    /// <summary>Every file under <paramref name="path"/> (or the file itself) with its bytes; empty when nothing is there.</summary>
    private static SortedDictionary<string, string> Snapshot(string path)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (System.IO.File.Exists(path)) files[path] = Convert.ToBase64String(System.IO.File.ReadAllBytes(path));
        else if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                files[file] = Convert.ToBase64String(System.IO.File.ReadAllBytes(file));
        }
        return files;
    }
}
