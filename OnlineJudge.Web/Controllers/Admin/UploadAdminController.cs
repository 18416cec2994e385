using Microsoft.AspNetCore.Http.Features;
using OnlineJudge.Services.Uploads;
using OnlineJudge.Web.Infrastructure.Csrf;
using OnlineJudge.Web.Infrastructure.RequestParsing;

namespace OnlineJudge.Web.Controllers.Admin;

/// <summary>
/// utils.md §1–§2: rich-text uploads (admin gate only, CSRF-exempt, multipart read here). The answers are bare objects,
/// not envelopes.
/// </summary>
[RawBody]
[CsrfExempt]
public class UploadAdminController(UploadService uploads, ILogger<UploadAdminController> logger) : ControllerBase
{
    /// <summary>Room for the multipart framing around the largest accepted file.</summary>
    private const long MultipartOverhead = 1024 * 1024;

    [HttpPost("/api/admin/upload_image")]
    public async Task<IActionResult> UploadImage(CancellationToken cancellationToken)
    {
        var (file, tooLarge) = await ReadFileAsync("image", cancellationToken);
        return Ok(tooLarge ? new ImageUploadResult(false, UploadService.TooLarge, "") : await uploads.SaveImageAsync(file, cancellationToken));
    }

    [HttpPost("/api/admin/upload_file")]
    public async Task<IActionResult> UploadFile(CancellationToken cancellationToken)
    {
        var (file, tooLarge) = await ReadFileAsync("file", cancellationToken);
        return Ok(tooLarge ? new FileUploadResult(false, UploadService.TooLarge) : await uploads.SaveFileAsync(file, cancellationToken));
    }

    /// <summary>Reads the multipart form with the upload size limit; a missing or non-multipart body gives no file.</summary>
    private async Task<(IFormFile? File, bool TooLarge)> ReadFileAsync(string field, CancellationToken cancellationToken)
    {
        var limit = uploads.MaxBytes + MultipartOverhead;
        if (Request.ContentLength > limit)
        {
            return (null, true);
        }

        if (!Request.HasFormContentType)
        {
            return (null, false);
        }

        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            var form = await Request.ReadFormAsync(cancellationToken);
            return (form.Files.GetFile(field), false);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            // Malformed multipart, or a part over the length limit.
            logger.LogInformation(exception, "Upload refused: unreadable multipart body");
            return (null, exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (exception is InvalidDataException && exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
