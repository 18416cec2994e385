using AutoMapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Web.Infrastructure.Envelopes;

/// <summary>
/// Turns what an action returns (a <see cref="ServiceResult{T}"/> or a <see cref="ServiceError"/>) into the
/// <c>{"error", "data"}</c> envelope through AutoMapper, always with HTTP 200 (platform.md §3).
/// </summary>
public class EnvelopeResultFilter(IMapper mapper) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ObjectResult { Value: IServiceResult or ServiceError } result)
        {
            context.Result = ToResult((Envelope)mapper.Map(result.Value, result.Value.GetType(), typeof(Envelope)));
        }

        return next();
    }

    public static ObjectResult ToResult(Envelope envelope) => new(envelope)
    {
        StatusCode = StatusCodes.Status200OK,
        DeclaredType = typeof(Envelope),
    };
}
