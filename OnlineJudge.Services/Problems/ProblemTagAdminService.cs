using OnlineJudge.Data.Problems;
using OnlineJudge.Data.Transactions;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Problems;

/// <summary>Tag management and batch tagging (problem.md §2.8–§2.11).</summary>
public class ProblemTagAdminService(ProblemTagRepository tags, TransactionRunner transactions, CacheService cache)
{
    public sealed record TagRenameResult(bool Merged, int Id, string Name, int AffectedCount);

    public sealed record BatchTagResult(int ProblemCount, int TagCount);

    private static readonly ServiceError TagDoesNotExist = ServiceError.Of("标签不存在，请刷新后重试");

    public async Task<ServiceResult<List<TagAdminDto>>> ListTagsAsync(string? keyword, CancellationToken cancellationToken) =>
        await tags.ListTagsWithCountsAsync(keyword?.Trim(), cancellationToken);

    public async Task<ServiceResult<TagRenameResult>> RenameTagAsync(RenameTagRequest request, CancellationToken cancellationToken)
    {
        var tag = await tags.FindTagAsync(request.Id, cancellationToken);
        if (tag is null)
        {
            return TagDoesNotExist;
        }

        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return ServiceError.Of("标签名不能为空");
        }

        var target = await tags.FindOtherTagByNameAsync(tag.Id, name, cancellationToken);
        TagRenameResult result;
        if (target is null)
        {
            await tags.RenameTagAsync(tag.Id, name, cancellationToken);
            result = new TagRenameResult(false, tag.Id, name, 0);
        }
        else
        {
            var affected = await transactions.ExecuteAsync(ct => tags.MergeTagAsync(tag.Id, target.Id, ct), cancellationToken);
            result = new TagRenameResult(true, target.Id, target.Name, affected);
        }

        await cache.InvalidateProblemsAsync();
        return result;
    }

    public async Task<ServiceResult> DeleteTagAsync(int id, CancellationToken cancellationToken)
    {
        if (await tags.DeleteTagAsync(id, cancellationToken) == 0)
        {
            return TagDoesNotExist;
        }

        await cache.InvalidateProblemsAsync();
        return ServiceResult.Ok();
    }

    public async Task<ServiceResult<BatchTagResult>> BatchTagAsync(CurrentUser user, BatchTagRequest request, CancellationToken cancellationToken)
    {
        var problemIds = await tags.FilterPublicProblemIdsAsync([.. request.ProblemIds.Distinct()],
            user.CanManageAllProblems ? null : user.Id, cancellationToken);
        if (problemIds.Count == 0)
        {
            return ServiceError.Of("没有可操作的题目");
        }

        List<int> tagIds;
        if (request.Action == "add")
        {
            tagIds = await tags.ResolveTagsAsync(request.TagNames, cancellationToken);
        }
        else
        {
            tagIds = await tags.FindTagIdsByNamesAsync(request.TagNames, cancellationToken);
        }

        if (tagIds.Count == 0)
        {
            return ServiceError.Of("没有匹配的标签");
        }

        if (request.Action == "add")
        {
            await tags.AddTagsAsync(problemIds, tagIds, cancellationToken);
        }
        else
        {
            await tags.RemoveTagsAsync(problemIds, tagIds, cancellationToken);
        }

        await cache.InvalidateProblemsAsync();
        return new BatchTagResult(problemIds.Count, tagIds.Count);
    }
}
