using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Audit;
using Showroom.Conversations;
using Showroom.Data;

namespace Showroom.Dealers;

public sealed record DepartmentRequest(DepartmentKind? Kind, string? Name, List<HoursInput?>? Hours);

public sealed record HolidayRequest(string? Date, string? Name);

/// <summary>
/// A dealer's departments with their weekly hours, and the dealer's holiday closures: Managers of the dealer and
/// Admins change them. A department's kind never changes, because chats and routing refer to it.
/// </summary>
public static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var dealer = api.MapGroup("/dealers/{dealerId:guid}").RequireAuthorization().RequireDealerRight().WithTags("Dealers");
        dealer.MapPost("/departments", Create).WithSummary("Adds a department (one per kind) with its weekly hours.");
        dealer.MapPut("/departments/{departmentId:guid}", Update).WithSummary("Renames a department and replaces its weekly hours.");
        dealer.MapDelete("/departments/{departmentId:guid}", Delete).WithSummary("Removes a department that has no open chat.");
        dealer.MapPost("/holidays", AddHoliday).WithSummary("Closes the whole dealership for one local day.");
        dealer.MapDelete("/holidays/{holidayId:guid}", RemoveHoliday).WithSummary("Removes a holiday closure.");
        return api;
    }

    static async Task<Results<Created<DepartmentDto>, ValidationProblem>> Create(
        Guid dealerId, DepartmentRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["invalid"];
        }
        else if (await db.Departments.AnyAsync(d => d.DealerId == dealerId && d.Kind == kind, ct))
        {
            errors["kind"] = ["taken"];
        }
        var name = DealerInput.Text(request.Name, "name", 100, required: true, errors);
        var hours = DealerInput.Hours(request.Hours, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the department.");
        }
        var department = new Department { DealerId = dealerId, Kind = request.Kind!.Value, Name = name!, Hours = hours };
        db.Departments.Add(department);
        var dto = DealersApi.ToDto(department);
        await audit.RecordAsync(http.User, "department.created", dealerId, "department", department.Id, department.Name, null, dto, ct);
        return TypedResults.Created($"/api/dealers/{dealerId}/departments/{department.Id}", dto);
    }

    static async Task<Results<Ok<DepartmentDto>, ValidationProblem, NotFound>> Update(
        Guid dealerId, Guid departmentId, DepartmentRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId && d.DealerId == dealerId, ct);
        if (department is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is { } kind && kind != department.Kind)
        {
            errors["kind"] = ["not_allowed"];
        }
        var name = DealerInput.Text(request.Name, "name", 100, required: true, errors);
        var hours = DealerInput.Hours(request.Hours, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the department.");
        }
        var before = DealersApi.ToDto(department);
        department.Name = name!;
        department.Hours = hours;
        var after = DealersApi.ToDto(department);
        await audit.RecordAsync(http.User, "department.updated", dealerId, "department", department.Id, department.Name, before, after, ct);
        return TypedResults.Ok(after);
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid dealerId, Guid departmentId, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId && d.DealerId == dealerId, ct);
        if (department is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Conversations.AnyAsync(c => c.DealerId == dealerId && c.Department == department.Kind
            && (c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active), ct))
        {
            return TypedResults.Problem(title: "The department has open chats.", detail: "Remove it once its waiting and active chats have ended.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = "department_busy" });
        }
        var before = DealersApi.ToDto(department);
        db.Departments.Remove(department);
        await audit.RecordAsync(http.User, "department.deleted", dealerId, "department", department.Id, department.Name, before, null, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<HolidayDto>, ValidationProblem>> AddHoliday(
        Guid dealerId, HolidayRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(request.Date))
        {
            errors["date"] = ["required"];
        }
        else if (!DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date))
        {
            errors["date"] = ["invalid"];
        }
        else if (await db.HolidayClosures.AnyAsync(h => h.DealerId == dealerId && h.Date == date, ct))
        {
            errors["date"] = ["taken"];
        }
        var name = DealerInput.Text(request.Name, "name", 100, required: true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the holiday.");
        }
        var holiday = new HolidayClosure { DealerId = dealerId, Date = date, Name = name! };
        db.HolidayClosures.Add(holiday);
        var dto = new HolidayDto(holiday.Id, holiday.Date, holiday.Name);
        await audit.RecordAsync(http.User, "holiday.created", dealerId, "holiday", holiday.Id, holiday.Name, null, dto, ct);
        return TypedResults.Created($"/api/dealers/{dealerId}/holidays/{holiday.Id}", dto);
    }

    static async Task<Results<NoContent, NotFound>> RemoveHoliday(
        Guid dealerId, Guid holidayId, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var holiday = await db.HolidayClosures.SingleOrDefaultAsync(h => h.Id == holidayId && h.DealerId == dealerId, ct);
        if (holiday is null)
        {
            return TypedResults.NotFound();
        }
        db.HolidayClosures.Remove(holiday);
        await audit.RecordAsync(http.User, "holiday.deleted", dealerId, "holiday", holiday.Id, holiday.Name,
            new HolidayDto(holiday.Id, holiday.Date, holiday.Name), null, ct);
        return TypedResults.NoContent();
    }
}
