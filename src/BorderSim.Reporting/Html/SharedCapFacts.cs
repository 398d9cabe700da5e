using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Html;

/// <summary>What "What was simulated" says of a check that shares a daily allowance with others (<c>shared_caps</c>).</summary>
internal static class SharedCapFacts
{
    /// <summary>The shared cap that spans <paramref name="check"/>, if any, in words: its trucks a day and the other checks.</summary>
    public static IEnumerable<string> Of(ScenarioSpec s, string check, ReportLanguage lang)
    {
        foreach (SharedCapSpec cap in s.SharedCaps.Where(c => c.Stages.Contains(check)))
        {
            var range = cap.TrucksPerDay;
            string others = string.Join(", ", cap.Stages.Where(st => st != check).Select(lang.Stage));
            yield return lang.Say(
                $"shares a clearance cap of at most {range} trucks a day{(range.IsFixed ? "" : " (drawn each day)")} with {others} ({cap.Name})",
                $"dùng chung giới hạn thông quan tối đa {range} xe/ngày{(range.IsFixed ? "" : " (rút ngẫu nhiên mỗi ngày)")} với {others} ({cap.Name})");
        }
    }
}
