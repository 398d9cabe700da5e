namespace BorderSim.Scenarios.Syntax;

/// <summary>Why a piece of text did not parse, and how to write it instead.</summary>
internal sealed record SyntaxError(string Message, Advice? Hint = null);
