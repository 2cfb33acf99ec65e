using System.Net.Http.Json;
using System.Text.Json;

namespace Showroom.Tests.Infrastructure;

public static class Json
{
    /// <summary>Reads a JSON body (ProblemDetails included) as a document, for asserting on its fields.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
