using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>Collects every error of one read, up to a cap (a broken file can say enough); lists them in the file's order.</summary>
internal sealed class Diagnostics(string fileName)
{
    public const int MaxErrors = 200;

    private readonly List<ScenarioError> _errors = [];

    public string FileName { get; } = fileName;

    /// <summary>The errors in the order found (the order the sections are checked in).</summary>
    public IReadOnlyList<ScenarioError> Errors => _errors;

    /// <summary>
    /// The errors as a reader fixes them: the file's by line, then column, as a compiler lists them; an override's
    /// (<c>--set</c>) after them, in their order. When the cap was reached, the last one says so.
    /// </summary>
    public IReadOnlyList<ScenarioError> InFileOrder()
    {
        List<ScenarioError> ordered = [.. _errors.OrderBy(e => e.File == FileName ? 0 : 1).ThenBy(e => e.Line).ThenBy(e => e.Column)];
        if (IsFull)
        {
            var last = ordered[^1];
            ordered[^1] = last with
            {
                Message = $"{last.Message}; stopping after {MaxErrors} errors",
                VietnameseMessage = last.VietnameseMessage is null ? null : $"{last.VietnameseMessage}; dừng sau {MaxErrors} lỗi",
            };
        }

        return ordered;
    }

    public int Count => _errors.Count;

    public bool IsFull => _errors.Count >= MaxErrors;

    public void Add(YNode node, string field, string message, Advice? hint = null) =>
        Add(new ScenarioError(node.File, node.Line, node.Column, field, message, hint?.English) { VietnameseHint = hint?.Vietnamese });

    public void Add(YNode node, string field, Model.Results.Bilingual message, Advice? hint = null) =>
        Add(new ScenarioError(node.File, node.Line, node.Column, field, message.English, hint?.English) { VietnameseMessage = message.Vietnamese, VietnameseHint = hint?.Vietnamese });

    public void AddAt(int line, int column, string field, string message, Advice? hint = null) =>
        Add(new ScenarioError(FileName, line, column, field, message, hint?.English) { VietnameseHint = hint?.Vietnamese });

    public void Add(ScenarioError error)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(error);
        }
    }
}
