using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Common;

/// <summary>Query of a list that takes only <c>limit</c> and <c>offset</c>.</summary>
public sealed class PageQuery
{
    [QueryPage] public PageRequest Page { get; set; }
}
