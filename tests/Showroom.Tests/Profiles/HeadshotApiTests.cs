using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Profiles;

public sealed class HeadshotApiTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    static async Task<HttpResponseMessage> UploadAsync(AgentSession session, string agentId, byte[] bytes, string fileName = "headshot.png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/agents/{agentId}/headshot") { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", (await session.GetJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString());
        // The server answers a too-large declared length before the body is sent.
        request.Headers.ExpectContinue = true;
        return await session.Http.SendAsync(request);
    }

    static async Task<string> IdAsync(AgentSession session) =>
        (await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task Upload_becomes_a_222_and_a_444_square_jpeg(SKEncodedImageFormat format)
    {
        await using var sam = await app.SignInAsync("sam@example.com");

        using var response = await UploadAsync(sam, await IdAsync(sam), TestImages.RedBlue(format, 900, 600), "me.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headshot = (await response.ReadJsonAsync()).GetProperty("headshot");
        Assert.Equal("me.png", headshot.GetProperty("fileName").GetString());
        foreach (var (url, size) in new[] { (headshot.GetProperty("small").GetString()!, 222), (headshot.GetProperty("large").GetString()!, 444) })
        {
            using var served = await sam.Http.GetAsync(url);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
            Assert.Contains("immutable", served.Headers.ToString(), StringComparison.Ordinal);
            using var image = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal(size, image.Width);
            Assert.Equal(size, image.Height);
        }
    }

    [Fact]
    public async Task Gps_and_all_other_metadata_are_stripped_and_orientation_is_applied()
    {
        await using var jordan = await app.SignInAsync("jordan@example.com");
        var upload = TestImages.JpegWithExif(orientation: 6);
        Assert.NotEqual(-1, upload.AsSpan().IndexOf("Exif"u8));

        using var response = await UploadAsync(jordan, await IdAsync(jordan), upload, "phone.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.ReadJsonAsync()).GetProperty("headshot").GetProperty("small").GetString()!;
        var served = await jordan.Http.GetByteArrayAsync(url);
        Assert.Equal(-1, served.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, served.AsSpan().IndexOf((byte[])[0xFF, 0xE1]));
        // Orientation 6 turns the red|blue landscape into red-over-blue: the square crop shows red at
        // the top and blue at the bottom. Ignoring it would give red left, blue right.
        using var image = SKBitmap.Decode(served);
        AssertColour(SKColors.Red, image.GetPixel(111, 20));
        AssertColour(SKColors.Blue, image.GetPixel(111, 200));
    }

    static void AssertColour(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40 && Math.Abs(expected.Green - actual.Green) < 40,
            $"expected {expected}, got {actual}");

    public static TheoryData<string, byte[], string> Hostile => new()
    {
        { "empty", [], "headshot_empty" },
        { "svg", TestImages.Svg(), "headshot_unsupportedtype" },
        { "gif", TestImages.Gif(), "headshot_unsupportedtype" },
        { "text named .jpg", "just some text, not an image"u8.ToArray(), "headshot_unsupportedtype" },
        { "truncated jpeg", TestImages.RedBlue(SKEncodedImageFormat.Jpeg)[..600], "headshot_unreadable" },
        { "png signature, jpeg body", [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. TestImages.RedBlue(SKEncodedImageFormat.Jpeg)], "headshot_unreadable" },
        { "20000x20000 bomb", TestImages.PngBomb(20_000, 20_000), "headshot_toomanypixels" },
        { "5000x4000 png (full-size decode)", TestImages.PngBomb(5_000, 4_000), "headshot_toomanypixels" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Crafted_uploads_get_a_clear_refusal(string name, byte[] bytes, string code)
    {
        await using var priya = await app.SignInAsync("priya@example.com");

        using var response = await UploadAsync(priya, await IdAsync(priya), bytes, name + ".jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Over_10_mb_is_refused_without_reading_it_all()
    {
        await using var priya = await app.SignInAsync("priya@example.com");

        using var response = await UploadAsync(priya, await IdAsync(priya), new byte[50 * 1024 * 1024], "huge.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("headshot_toolarge", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Remove_clears_the_headshot_and_a_new_upload_gets_a_new_url()
    {
        await using var chris = await app.SignInAsync("chris@example.com");
        var id = await IdAsync(chris);
        using var first = await UploadAsync(chris, id, TestImages.RedBlue(SKEncodedImageFormat.Png));
        var firstUrl = (await first.ReadJsonAsync()).GetProperty("headshot").GetProperty("small").GetString();
        using var second = await UploadAsync(chris, id, TestImages.RedBlue(SKEncodedImageFormat.Png));
        var secondUrl = (await second.ReadJsonAsync()).GetProperty("headshot").GetProperty("small").GetString();
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await chris.Http.GetAsync(firstUrl)).StatusCode);

        using var removed = await chris.SendAsync(HttpMethod.Delete, $"/api/agents/{id}/headshot");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await removed.ReadJsonAsync()).GetProperty("headshot").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await chris.GetJsonAsync<JsonElement>("/api/me")).GetProperty("headshotUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await chris.Http.GetAsync(secondUrl)).StatusCode);
    }
}
