using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Web.Infrastructure.Validation;

/// <summary>
/// Binds action parameters from the parsed request data: request bodies whose type declares request fields
/// (<see cref="FieldAttribute"/>, validated with DRF's rules) and query records whose type declares query parameters
/// (<see cref="QueryParameterAttribute"/>). A failure is kept for <see cref="ValidationFailureFilter"/>, which answers
/// with the envelope at its place among the permission filters.
/// </summary>
public class RequestDtoBinderProvider : IModelBinderProvider
{
    private static readonly ConcurrentDictionary<Type, IModelBinder?> Binders = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) => Binders.GetOrAdd(context.Metadata.ModelType, BinderFor);

    private static IModelBinder? BinderFor(Type type) =>
        QueryBinder.IsQueryRecord(type) ? new RequestDtoBinder(QueryBinder.Bind)
        : DeclaresFields(type) ? new RequestDtoBinder(RequestValidator.Validate)
        : null;

    private static bool DeclaresFields(Type type) =>
        type.IsClass && type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.GetCustomAttributes(typeof(FieldAttribute), inherit: true).Length > 0);
}

public class RequestDtoBinder(Func<Type, RequestData, ValidationResult> bind) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var httpContext = bindingContext.HttpContext;
        var data = httpContext.Features.Get<RequestData>() ?? RequestData.Empty;
        var result = bind(bindingContext.ModelType, data);
        if (result.Failure is { } failure)
        {
            // The first parameter that failed is the answer.
            if (httpContext.Features.Get<ValidationFailure>() is null)
            {
                httpContext.Features.Set(failure);
            }

            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(result.Value);
        }

        return Task.CompletedTask;
    }
}
