using SkiaSharp;

namespace Showroom.Profiles;

/// <summary>Why an upload was refused; the console shows a translated message for each.</summary>
public enum HeadshotRejection
{
    Empty,
    TooLarge,
    UnsupportedType,
    Animated,
    TooManyPixels,
    Unreadable,
}

public sealed record ProcessedHeadshot(byte[] Small, byte[] Large);

/// <summary>
/// Turns an untrusted upload into two clean square JPEGs. The bytes must be a JPEG, PNG or WebP whose
/// signature matches what the decoder finds (no polyglots, no SVG); dimensions are checked from the
/// header before any pixel is decoded, so a decompression bomb costs nothing; EXIF orientation is
/// applied; re-encoding drops every piece of metadata (GPS included).
/// </summary>
public static class HeadshotProcessor
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int SmallSize = 222;
    public const int LargeSize = 444;
    const long MaxPixels = 40_000_000;

    // PNG and WebP decode at full size (only JPEG decodes scaled down), so they get a lower ceiling.
    const long MaxPixelsUnscaled = 16_000_000;

    // Decoding takes up to a few hundred MB for the largest allowed photo: a few at a time, not all at once.
    static readonly SemaphoreSlim Decoders = new(2);
    const int MaxSide = 12_000;

    public static async Task<(ProcessedHeadshot? Headshot, HeadshotRejection? Rejection)> ProcessAsync(byte[] upload, CancellationToken ct)
    {
        await Decoders.WaitAsync(ct);
        try
        {
            return Process(upload);
        }
        finally
        {
            Decoders.Release();
        }
    }

    static (ProcessedHeadshot? Headshot, HeadshotRejection? Rejection) Process(byte[] upload)
    {
        if (upload.Length == 0)
        {
            return (null, HeadshotRejection.Empty);
        }
        if (upload.Length > MaxBytes)
        {
            return (null, HeadshotRejection.TooLarge);
        }
        if (Sniff(upload) is not { } declared)
        {
            return (null, HeadshotRejection.UnsupportedType);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != declared)
        {
            return (null, HeadshotRejection.Unreadable);
        }
        if (codec.FrameCount > 1)
        {
            return (null, HeadshotRejection.Animated);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var maxPixels = declared == SKEncodedImageFormat.Jpeg ? MaxPixels : MaxPixelsUnscaled;
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > maxPixels)
        {
            return (null, HeadshotRejection.TooManyPixels);
        }

        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return (null, HeadshotRejection.Unreadable);
        }
        // Upright already (the usual case): no second full-size copy.
        using var upright = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? decoded);
        return (new ProcessedHeadshot(Square(image, SmallSize), Square(image, LargeSize)), null);
    }

    /// <summary>The format the file's first bytes claim; anything else is refused before decoding.</summary>
    static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }
        return null;
    }

    static SKBitmap? Decode(SKCodec codec)
    {
        // Large photos are decoded at a reduced scale where the codec supports it (JPEG: 1/2, 1/4, 1/8),
        // never below what the large headshot needs.
        var shortSide = Math.Min(codec.Info.Width, codec.Info.Height);
        var scale = Math.Min(1f, (float)LargeSize / shortSide);
        var size = codec.GetScaledDimensions(scale);
        if (Math.Min(size.Width, size.Height) < Math.Min(LargeSize, shortSide))
        {
            size = codec.Info.Size;
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // Truncated or corrupt data is refused rather than shown half-grey.
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    /// <summary>Applies the EXIF orientation, so the picture stands as the camera's owner saw it.</summary>
    static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
            default: break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    /// <summary>Centre-crops to a square and encodes a JPEG of exactly size×size, on white (JPEG has no alpha).</summary>
    static byte[] Square(SKImage image, int size)
    {
        var side = Math.Min(image.Width, image.Height);
        var crop = SKRect.Create((image.Width - side) / 2f, (image.Height - side) / 2f, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(size, size), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 88);
        return encoded.ToArray();
    }
}
