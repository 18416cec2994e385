namespace OnlineJudge.Services.Common;

/// <summary>An error of the envelope: <c>{"error": Code, "data": Message}</c>.</summary>
public sealed record ServiceError(string Code, object? Message)
{
    /// <summary>An ordinary business error (<c>self.error(msg)</c> in the reference).</summary>
    public static ServiceError Of(string message) => new("error", message);

    public static ServiceError PermissionDenied(string message) => new("permission-denied", message);

    public static ServiceError LoginRequired(string message) => new("login-required", message);

    public static ServiceError InvalidRequest(string message) => new("invalid-request", message);

    public static ServiceError ServerError { get; } = new("server-error", "server error");
}

/// <summary>What every service call returns to a controller: data, or an error of the envelope.</summary>
public interface IServiceResult
{
    ServiceError? Error { get; }
}

/// <summary>A result without data: success answers <c>{"error": null, "data": null}</c>.</summary>
public sealed class ServiceResult : IServiceResult
{
    private static readonly ServiceResult Success = new(null);

    private ServiceResult(ServiceError? error)
    {
        Error = error;
    }

    public ServiceError? Error { get; }

    public bool Succeeded => Error is null;

    public static ServiceResult Ok() => Success;

    public static ServiceResult Fail(ServiceError error) => new(error);

    public static implicit operator ServiceResult(ServiceError error) => Fail(error);
}

public sealed class ServiceResult<T> : IServiceResult
{
    private ServiceResult(T? data, ServiceError? error)
    {
        Data = data;
        Error = error;
    }

    public T? Data { get; }

    public ServiceError? Error { get; }

    public bool Succeeded => Error is null;

    public static ServiceResult<T> Ok(T data) => new(data, null);

    public static ServiceResult<T> Fail(ServiceError error) => new(default, error);

    public static implicit operator ServiceResult<T>(T data) => Ok(data);

    public static implicit operator ServiceResult<T>(ServiceError error) => Fail(error);
}

/// <summary>Thrown where returning a result would thread through many layers (the reference's <c>APIError</c>).</summary>
public sealed class ServiceException(ServiceError error) : Exception(error.Message?.ToString())
{
    public ServiceError Error { get; } = error;

    public ServiceException(string message) : this(ServiceError.Of(message))
    {
    }
}
