using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Showroom.Web;

/// <summary>Runs a request record's data annotations and turns failures into a ValidationProblem keyed by field.</summary>
public static class Validation
{
    public static ValidationProblem? Check<T>(T request) where T : notnull
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }
        var errors = results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(member => (member, message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        return TypedResults.ValidationProblem(errors);
    }
}
