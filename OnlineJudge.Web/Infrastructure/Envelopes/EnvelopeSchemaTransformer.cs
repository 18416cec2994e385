using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Web.Infrastructure.Envelopes;

/// <summary>
/// Shows responses in OpenAPI as the client reads them: a <see cref="ServiceResult{T}"/> as the envelope
/// <c>{"error", "data": T}</c> (<see cref="ServiceResult"/>: <c>data</c> null), an <see cref="Either{TFirst, TSecond}"/>
/// as a <c>oneOf</c> of its two shapes.
/// </summary>
public sealed class EnvelopeSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        if (generic == typeof(Either<,>))
        {
            var shapes = type.GetGenericArguments();
            schema.Type = null;
            schema.Properties?.Clear();
            schema.OneOf =
            [
                await context.GetOrCreateSchemaAsync(shapes[0], null, cancellationToken),
                await context.GetOrCreateSchemaAsync(shapes[1], null, cancellationToken),
            ];
        }
        else if (generic == typeof(ServiceResult<>) || type == typeof(ServiceResult))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["error"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    Description = "null on success; else the error code, and data is the message",
                },
                ["data"] = generic is null
                    ? new OpenApiSchema { Type = JsonSchemaType.Null }
                    : await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken),
            };
            schema.Required = new HashSet<string> { "error", "data" };
        }
    }
}

/// <summary>Names the parameters of query records in OpenAPI by their query keys (<c>contest_id</c>, <c>limit</c>, <c>offset</c>).</summary>
public sealed class QueryParameterNameTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var metadata = description.ModelMetadata;
            var key = metadata?.ContainerType == typeof(Data.Paging.PageRequest)
                ? metadata.PropertyName?.ToLowerInvariant()
                : metadata?.ContainerType is { } container && metadata.PropertyName is { } property ? QueryBinder.KeyOf(container, property) : null;
            if (key is not null && operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name) is { } parameter)
            {
                parameter.Name = key;
            }
        }

        return Task.CompletedTask;
    }
}
