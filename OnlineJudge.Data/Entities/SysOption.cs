using System.Text.Json;

namespace OnlineJudge.Data.Entities;

/// <summary>Table <c>options_sysoptions</c> (conf.md "Data", data-model.md §2.10): one site option per key.</summary>
public class SysOption
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public JsonElement Value { get; set; } = JsonDefaults.Null;
}
