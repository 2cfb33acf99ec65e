using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Showroom.Configuration;

namespace Showroom.Notifications;

/// <summary>
/// The Chrome extension as this server offers it: the built files with a manifest made for this server (its origin
/// in host_permissions and the content script's matches, a key that fixes the extension's id) and server.json
/// telling the extension where to connect. The key is made on first start and kept in the database, so the id
/// stays the same across restarts and nodes, and the agent hub can trust exactly that extension's origin.
/// </summary>
public sealed class ExtensionPackage(ServerKeyStore keys, IWebHostEnvironment env, IOptions<ShowroomOptions> options)
{
    const string Folder = "app/extension";
    const int MaxCachedOrigins = 8;
    readonly ConcurrentDictionary<string, byte[]> _zips = new(StringComparer.OrdinalIgnoreCase);
    Task<Identity>? _identity;

    public sealed record Identity(string Id, string PublicKey);

    /// <summary>The extension's id (32 letters a–p) and its manifest key (the public key, SubjectPublicKeyInfo in base64).</summary>
    public Task<Identity> IdentityAsync(CancellationToken ct)
    {
        var loading = _identity;
        if (loading is null || loading.IsFaulted || loading.IsCanceled)
        {
            // Two callers may both load it at first: the key store gives them the same key.
            loading = LoadIdentityAsync();
            _identity = loading;
        }
        return loading.WaitAsync(ct);
    }

    async Task<Identity> LoadIdentityAsync()
    {
        var pkcs8 = await keys.GetOrCreateAsync(ServerKey.Extension, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        }, CancellationToken.None);
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        var spki = key.ExportSubjectPublicKeyInfo();
        return new Identity(IdFromPublicKey(spki), Convert.ToBase64String(spki));
    }

    /// <summary>Chrome's rule: the first 128 bits of the key's SHA-256, each hex digit written as a letter a–p.</summary>
    public static string IdFromPublicKey(byte[] subjectPublicKeyInfo) =>
        string.Concat(SHA256.HashData(subjectPublicKeyInfo).Take(16).Select(b => $"{(char)('a' + (b >> 4))}{(char)('a' + (b & 0xF))}"));

    /// <summary>The version the client build wrote into the manifest, or null when the extension was not built.</summary>
    public string? Version => ReadManifest()?["version"]?.GetValue<string>();

    /// <summary>Where people reach this server: Showroom:PublicUrl when set, else the address of this request.</summary>
    public string OriginFor(HttpRequest request) =>
        options.Value.PublicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}";

    /// <summary>The zip for one origin (made once per origin and process; the built files change only with a deployment).</summary>
    public async Task<byte[]?> ZipAsync(string origin, CancellationToken ct)
    {
        if (_zips.TryGetValue(origin, out var cached))
        {
            return cached;
        }
        var manifest = ReadManifest();
        if (manifest is null)
        {
            return null;
        }
        var identity = await IdentityAsync(ct);
        manifest["key"] = identity.PublicKey;
        manifest["host_permissions"] = new JsonArray($"{origin}/*");
        if (manifest["content_scripts"] is JsonArray scripts)
        {
            foreach (var script in scripts.OfType<JsonObject>())
            {
                script["matches"] = new JsonArray($"{origin}/*");
                script["exclude_matches"] = new JsonArray($"{origin}/app/*", $"{origin}/api/*", $"{origin}/hubs/*", $"{origin}/media/*");
            }
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddTextAsync(zip, "manifest.json", manifest.ToJsonString(Indented));
            await AddTextAsync(zip, "server.json", JsonSerializer.Serialize(new { server = origin }, Indented));
            await AddFolderAsync(zip, env.WebRootFileProvider, Folder, "", ct);
        }
        var bytes = buffer.ToArray();
        // Without Showroom:PublicUrl the origin comes from the request's Host header: keep a few, not one per made-up host.
        if (_zips.Count < MaxCachedOrigins)
        {
            _zips[origin] = bytes;
        }
        return bytes;
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    JsonObject? ReadManifest()
    {
        var file = env.WebRootFileProvider.GetFileInfo($"{Folder}/manifest.json");
        if (!file.Exists)
        {
            return null;
        }
        using var stream = file.CreateReadStream();
        return JsonNode.Parse(stream) as JsonObject;
    }

    static async Task AddFolderAsync(ZipArchive zip, IFileProvider files, string folder, string prefix, CancellationToken ct)
    {
        foreach (var entry in files.GetDirectoryContents(folder).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var name = prefix + entry.Name;
            if (entry.IsDirectory)
            {
                await AddFolderAsync(zip, files, $"{folder}/{entry.Name}", name + "/", ct);
            }
            else if (name is not ("manifest.json" or "server.json") && !name.EndsWith(".map", StringComparison.Ordinal))
            {
                await using var target = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                await using var source = entry.CreateReadStream();
                await source.CopyToAsync(target, ct);
            }
        }
    }

    static async Task AddTextAsync(ZipArchive zip, string name, string text)
    {
        await using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
        await writer.WriteAsync(text);
    }
}
