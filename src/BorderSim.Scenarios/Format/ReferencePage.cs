using System.Text;

namespace BorderSim.Scenarios.Format;

/// <summary>Writes the reference page of the scenario format (markdown) from the declared sections and values.</summary>
internal static class ReferencePage
{
    public static string Write()
    {
        var sections = SectionsWithPaths();
        var page = new StringBuilder();
        page.Append("""
            # Scenario format

            <!-- Generated from src/BorderSim.Scenarios/Format by the code: do not edit by hand. A test compares this page with the code;
                 `BORDERSIM_UPDATE_GOLDEN=1 dotnet test tests/BorderSim.Scenarios.Tests` rewrites it, `bordersim schema --format markdown` prints it. -->

            A scenario is a YAML file. Each section below is a mapping with the keys listed; a key not listed is an error
            (with a did-you-mean), and so is a missing required key. The reader checks more than these tables say: names that
            refer to each other, sums of shares and probabilities, dates, and the rules under each section. Every error names
            the file, line and column, the field and what was expected (`bordersim validate FILE`).

            The same declaration gives the JSON schema `scenarios/bordersim.schema.json` (`bordersim schema` prints it): with
            the first line `# yaml-language-server: $schema=bordersim.schema.json`, an editor completes keys, shows these
            descriptions and marks many mistakes as you type. The reader stays the authority.

            Paths: `NAME` is a name the scenario chooses (letters, digits, `_` and `-`), `CLASS` a cargo class, `DIRECTION` a
            direction, `[]` an item of a list.

            ## Sections

            """).Append('\n');
        foreach (var (section, paths) in sections)
        {
            WriteSection(page, section, paths);
        }

        page.Append("## Values\n\n");
        foreach (var definition in Values.Definitions)
        {
            page.Append($"<a id=\"{definition.Name.ToLowerInvariant()}\"></a>\n\n### {definition.Name}\n\n{Cell(definition.Doc)}\n\n");
            page.Append("Examples: ").Append(string.Join(", ", definition.Examples.Select(Code))).Append("\n\n");
        }

        return page.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteSection(StringBuilder page, FormatSection section, IReadOnlyList<string> paths)
    {
        page.Append($"<a id=\"{section.Id}\"></a>\n\n### {section.Title}\n\n");
        page.Append("At ").Append(string.Join(", ", paths.Select(p => Code(p.Length == 0 ? "(top level)" : p)))).Append(".\n\n");
        page.Append(section.Doc).Append("\n\n");
        page.Append("| key | value | unit | required | default | description | example |\n");
        page.Append("|---|---|---|---|---|---|---|\n");
        foreach (var key in section.Keys)
        {
            var required = key.Need switch
            {
                Need.Required => "yes",
                Need.Conditional => key.RequiredWhen!,
                _ => "",
            };
            page.Append($"| `{key.Name}` | {Cell(key.Reader.Describe())} | {Cell(key.Unit ?? "")} | {Cell(required)} | {Cell(key.Default ?? "")} | {Cell(key.Doc)} | {(key.Example is null ? "" : Code(key.Example))} |\n");
        }

        page.Append('\n');
        if (section.Rules.Count > 0)
        {
            page.Append("Rules:\n\n");
            foreach (var rule in section.Rules)
            {
                page.Append("- ").Append(Cell(rule.Doc)).Append('\n');
            }

            page.Append('\n');
        }
    }

    /// <summary>Every section reachable from the top level, depth first, each with the paths it is found at.</summary>
    internal static List<(FormatSection Section, List<string> Paths)> SectionsWithPaths()
    {
        var found = new List<(FormatSection Section, List<string> Paths)>();
        void Visit(FormatSection section, string path)
        {
            var index = found.FindIndex(f => ReferenceEquals(f.Section, section));
            if (index >= 0)
            {
                found[index].Paths.Add(path);
                return;
            }

            found.Add((section, [path]));
            foreach (var key in section.Keys)
            {
                var keyPath = path.Length == 0 ? key.Name : path + "." + key.Name;
                foreach (var (step, child) in key.Reader.Children)
                {
                    Visit(child, keyPath + step);
                }
            }
        }

        Visit(TopSections.Scenario, "");
        return found;
    }

    private static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? $"`` {text} ``" : $"`{text.Replace("|", "\\|", StringComparison.Ordinal)}`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
