using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace Showroom.Tests.Profiles;

/// <summary>Images made in the test, including crafted and hostile ones.</summary>
public static class TestImages
{
    /// <summary>A landscape picture: left half red, right half blue.</summary>
    public static byte[] RedBlue(SKEncodedImageFormat format, int width = 300, int height = 200)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
            canvas.DrawRect(width / 2f, 0, width / 2f, height, new SKPaint { Color = SKColors.Blue });
        }
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG with an EXIF block holding an orientation and a GPS position (48°51'N), inserted after
    /// the start-of-image marker, as a phone camera writes it.
    /// </summary>
    public static byte[] JpegWithExif(ushort orientation)
    {
        var jpeg = RedBlue(SKEncodedImageFormat.Jpeg);
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(long v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); tiff.AddRange(b); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }

        tiff.AddRange("II*\0"u8.ToArray());
        U32(8);                                  // IFD0 at 8
        U16(2);                                  // two entries
        Entry(0x0112, 3, 1, orientation);        // Orientation (SHORT, in the value field)
        Entry(0x8825, 4, 1, 8 + 2 + 24 + 4);     // GPS IFD pointer
        U32(0);                                  // no next IFD
        // GPS IFD at 38: latitude ref "N" and latitude 48/1, 51/1, 0/1
        U16(2);
        Entry(0x0001, 2, 2, 'N');                // GPSLatitudeRef, "N\0" fits in the value field
        Entry(0x0002, 5, 3, 38 + 2 + 24 + 4);    // GPSLatitude: three RATIONALs after this IFD
        U32(0);
        foreach (var (n, d) in new[] { (48, 1), (51, 1), (0, 1) })
        {
            U32(n);
            U32(d);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new List<byte> { 0xFF, 0xE1 };
        segment.Add((byte)((payload.Length + 2) >> 8));
        segment.Add((byte)((payload.Length + 2) & 0xFF));
        segment.AddRange(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A PNG whose header claims width×height with a tiny compressed body: a decompression bomb.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 6;  // RGBA
        Chunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + width * 4];
                for (var y = 0; y < 64; y++)
                {
                    zlib.Write(row);
                }
            }
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>An animated GIF header is refused by type; an animated WebP is refused for its frames.</summary>
    public static byte[] Gif() => "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray();

    public static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray();
}
