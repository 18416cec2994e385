using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Web.Infrastructure.Validation;

/// <summary>
/// Binds action parameters whose type declares request fields (<see cref="FieldAttribute"/>) from the parsed request
/// data, validating them with DRF's rules. A failure is kept for <see cref="ValidationFailureFilter"/>, which answers
/// with the envelope at its place among the permission filters.
/// </summary>
public class RequestDtoBinderProvider : IModelBinderProvider
{
    private static readonly ConcurrentDictionary<Type, bool> IsRequestDto = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        IsRequestDto.GetOrAdd(context.Metadata.ModelType, DeclaresFields) ? new RequestDtoBinder() : null;

    private static bool DeclaresFields(Type type) =>
        type.IsClass && type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.GetCustomAttributes(typeof(FieldAttribute), inherit: true).Length > 0);
}

public class RequestDtoBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var httpContext = bindingContext.HttpContext;
        var data = httpContext.Features.Get<RequestData>() ?? RequestData.Empty;
        var result = RequestValidator.Validate(bindingContext.ModelType, data);
        if (result.Failure is { } failure)
        {
            httpContext.Features.Set(failure);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(result.Value);
        }

        return Task.CompletedTask;
    }
}
