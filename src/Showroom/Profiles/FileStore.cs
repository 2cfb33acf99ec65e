using Microsoft.Extensions.Options;
using Showroom.Configuration;

namespace Showroom.Profiles;

/// <summary>The seam to where uploaded files live. Keys are Showroom-made paths like "headshots/ab12/x-222.jpg".</summary>
public interface IFileStore
{
    Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// Files in the data folder ("files/"). Several nodes need this folder shared between them
/// (see docs/operations.md).
/// </summary>
public sealed class FolderFileStore(IOptions<ShowroomOptions> options) : IFileStore
{
    readonly string _root = Path.Combine(options.Value.DataDirectoryFullPath, "files");

    public async Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write aside, then move: a reader never sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // Keys are made by Showroom, but a path that leaves the folder is refused all the same.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"File key \"{key}\" leaves the file store.", nameof(key));
    }
}
