using Microsoft.EntityFrameworkCore;
using Showroom.Data;

namespace Showroom.Notifications;

/// <summary>
/// Reads a server key, making it on first use. Two nodes starting together may both make one: the insert of the
/// second fails on the primary key and it reads the first's, so every node ends up with the same key.
/// </summary>
public sealed class ServerKeyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
            var stored = await db.ServerKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Value).SingleOrDefaultAsync(ct);
            if (stored is not null)
            {
                return Convert.FromBase64String(stored);
            }
            var made = create();
            db.ServerKeys.Add(new ServerKey { Name = name, Value = Convert.ToBase64String(made), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                return made;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node stored it first: read theirs.
            }
        }
    }
}
