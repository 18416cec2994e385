namespace OnlineJudge.Judge.Protocol;

/// <summary>An expected failure answered as <c>{"err": ErrorClass, "data": message}</c>, like the upstream exception classes.</summary>
public class JudgeServerException(string errorClass, string message) : Exception(message)
{
    public string ErrorClass { get; } = errorClass;
}

public sealed class CompileErrorException(string message) : JudgeServerException("CompileError", message);

public sealed class TokenVerificationFailedException() : JudgeServerException("TokenVerificationFailed", "invalid token");

public sealed class JudgeClientErrorException(string message) : JudgeServerException("JudgeClientError", message);

public sealed class SpjCompileErrorException(string message) : JudgeServerException("SPJCompileError", message);
