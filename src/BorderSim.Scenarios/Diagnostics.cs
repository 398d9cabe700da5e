using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>Collects every error of one read, in the order found, up to a cap (a broken file can say enough).</summary>
internal sealed class Diagnostics(string fileName)
{
    public const int MaxErrors = 200;

    private readonly List<ScenarioError> _errors = [];

    public string FileName { get; } = fileName;

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public int Count => _errors.Count;

    public bool IsFull => _errors.Count >= MaxErrors;

    public void Add(YNode node, string field, string message, Advice? hint = null) =>
        Add(new ScenarioError(node.File, node.Line, node.Column, field, message, hint?.English) { VietnameseHint = hint?.Vietnamese });

    public void AddAt(int line, int column, string field, string message, Advice? hint = null) =>
        Add(new ScenarioError(FileName, line, column, field, message, hint?.English) { VietnameseHint = hint?.Vietnamese });

    public void Add(ScenarioError error)
    {
        if (_errors.Count < MaxErrors - 1)
        {
            _errors.Add(error);
        }
        else if (_errors.Count == MaxErrors - 1)
        {
            _errors.Add(error with { Message = $"{error.Message}; stopping after {MaxErrors} errors", Hint = error.Hint });
        }
    }
}
