using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BorderSim.Model.Tests;

/// <summary>
/// Every text a person reads is written in both languages at its call site: <c>lang.Say(english, vietnamese)</c>. This
/// parses every C# file under src/ and checks each such call: both texts given, neither empty, and the Vietnamese
/// not a copy of the English (a copy is how an untranslated line slips into a Vietnamese report).
/// </summary>
public partial class BilingualTextTests
{
    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("BorderSim.sln not found above the test directory");
        }
    }

    /// <summary>The text of a literal or interpolated string with its holes removed; null for any other expression.</summary>
    private static string? TextOf(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum => TextOf(sum.Left) is { } l && TextOf(sum.Right) is { } r ? l + r : null,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invariant" } } invariant when invariant.ArgumentList.Arguments.Count == 1 => TextOf(invariant.ArgumentList.Arguments[0].Expression),
        _ => null,
    };

    [Test]
    public void Every_Say_call_in_src_gives_an_English_and_a_Vietnamese_text_that_differ()
    {
        var calls = 0;
        var problems = new List<string>();
        foreach (string path in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories).Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            foreach (InvocationExpressionSyntax call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Say" } || call.ArgumentList.Arguments.Count != 2)
                {
                    continue;
                }

                calls++;
                string? english = TextOf(call.ArgumentList.Arguments[0].Expression);
                string? vietnamese = TextOf(call.ArgumentList.Arguments[1].Expression);
                int line = call.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                string where = $"{Path.GetRelativePath(RepositoryRoot, path)}:{line}";
                if (english is null || vietnamese is null)
                {
                    continue; // a computed text (a name, a number): nothing to translate here
                }

                if (english.Trim().Length == 0 || vietnamese.Trim().Length == 0)
                {
                    problems.Add($"{where}: an empty text");
                }
                else if (Letters().IsMatch(english) && english == vietnamese)
                {
                    problems.Add($"{where}: the Vietnamese is the English: \"{english}\"");
                }
            }
        }

        Assert.That(calls, Is.GreaterThan(300), "the calls were found");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Letters();
}
