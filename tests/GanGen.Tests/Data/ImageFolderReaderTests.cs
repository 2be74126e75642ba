using System;
using System.IO;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using SkiaSharp;

namespace GanGen.Tests.Data;

/// <summary>Image folders on small generated PNG/JPEG files: shapes, crop and resize, channels, range and errors.</summary>
public sealed class ImageFolderReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-images-" + Guid.NewGuid().ToString("N"));

    public ImageFolderReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WideImageIsCenterCroppedResizedAndConvertedToGrayscale()
    {
        // 60×30: black left third, white middle third, black right third. The centred 30×30 crop is the white third.
        Save("b.png", 60, 30, (x, _) => x >= 20 && x < 40 ? SKColors.White : SKColors.Black);
        Save("a.png", 30, 30, (_, _) => SKColors.Black);
        using var images = ImageFolderReader.Read(_folder, new long[] { 1, 8, 8 });
        Assert.Equal(new long[] { 2, 1, 8, 8 }, images.shape);
        Assert.Equal(-1f, images[0].max().item<float>()); // a.png first (sorted): all black
        using var centre = images[1, 0, 2..6, 2..6];
        Assert.True(centre.min().item<float>() > 0.9f, "the white middle third fills the crop");
    }

    [Fact]
    public void ColourImagesKeepTheirChannelsInTheDeclaredRange()
    {
        Save("red.jpg", 16, 16, (_, _) => new SKColor(255, 0, 0), SKEncodedImageFormat.Jpeg);
        using var images = ImageFolderReader.Read(_folder, new long[] { 3, 4, 4 }, GanGen.DataRange.ZeroToOne);
        Assert.Equal(new long[] { 1, 3, 4, 4 }, images.shape);
        Assert.True(images[0, 0].min().item<float>() > 0.95f);
        Assert.True(images[0, 1].max().item<float>() < 0.05f);
        Assert.True(images[0, 2].max().item<float>() < 0.05f);
    }

    [Fact]
    public void ProblemsNameTheFolderOrFile()
    {
        Assert.StartsWith($"{_folder}: contains no PNG or JPEG images", Assert.Throws<GanInputException>(() => ImageFolderReader.Read(_folder, new long[] { 1, 8, 8 })).Message);
        string absent = Path.Combine(_folder, "absent");
        Assert.StartsWith($"{absent}: does not exist", Assert.Throws<GanInputException>(() => ImageFolderReader.Read(absent, new long[] { 1, 8, 8 })).Message);
        File.WriteAllText(Path.Combine(_folder, "broken.png"), "not an image");
        Assert.StartsWith($"{Path.Combine(_folder, "broken.png")}: is not a PNG or JPEG image", Assert.Throws<GanInputException>(() => ImageFolderReader.Read(_folder, new long[] { 1, 8, 8 })).Message);
        Assert.StartsWith("shape: is [2, 8, 8], which cannot hold an image", Assert.Throws<GanInputException>(() => ImageFolderReader.Read(_folder, new long[] { 2, 8, 8 })).Message);
    }

    [Theory]
    [InlineData("cut.png", SKEncodedImageFormat.Png)]
    [InlineData("cut.jpg", SKEncodedImageFormat.Jpeg)]
    public void ATruncatedImageIsNamedInsteadOfDecodedHalfBlank(string name, SKEncodedImageFormat format)
    {
        // SkiaSharp's one-call decode returns a bitmap for such a file, its missing rows left blank.
        Save(name, 64, 64, (x, y) => new SKColor((byte)(x * 4), (byte)(y * 4), (byte)(x ^ y)), format);
        string path = Path.Combine(_folder, name);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray());
        var error = Assert.Throws<GanInputException>(() => ImageFolderReader.Read(_folder, new long[] { 1, 8, 8 }));
        Assert.StartsWith($"{path}: is truncated: the decoder ran out of data before the last row of its 64×64 pixels", error.Message);
    }

    private void Save(string name, int width, int height, Func<int, int, SKColor> colour, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) bitmap.SetPixel(x, y, colour(x, y));
        using var data = bitmap.Encode(format, 100);
        using var file = File.Create(Path.Combine(_folder, name));
        data.SaveTo(file);
    }
}
