using System.CommandLine;
using System.CommandLine.Parsing;

namespace CreepCell.Cli;

/// <summary>Command-line mistakes as one line each (exit code 2) instead of the whole help text.</summary>
static class CommandLineErrors
{
    /// <summary>The first mistake of a parse, or null. A token that looks like an option but was taken
    /// as an argument value (`run --bogus`) counts as an unknown option.</summary>
    public static string? First(ParseResult parsed)
    {
        if (parsed.Errors.Count > 0)
        {
            var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized")) ?? parsed.Errors[0];
            return Plain(error.Message);
        }
        var bogus = parsed.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.StartsWith("--") && t.Value.Length > 2);
        return bogus is null ? null : $"unknown option '{bogus.Value}'";
    }

    static readonly (string Type, string Words)[] TypeWords =
    {
        ("System.Nullable`1[System.Double]", "a number"), ("System.Double", "a number"),
        ("System.Nullable`1[System.Int32]", "a whole number"), ("System.Int32", "a whole number"),
        ("System.Boolean", "true or false"),
    };

    /// <summary>The parser's message without .NET type names or a closing full stop.</summary>
    static string Plain(string message)
    {
        foreach (var (type, words) in TypeWords) message = message.Replace($"as expected type '{type}'", "as " + words);
        return message.TrimEnd('.');
    }

    /// <summary>--help (-h, -?) shows the help whatever else is missing or wrong.</summary>
    public static bool AsksForHelp(ParseResult parsed) =>
        parsed.Tokens.Any(t => t.Type == TokenType.Option && t.Value is "--help" or "-h" or "-?");

    public static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as CommandResult)
            if (r.Parent is not null) names.Insert(0, r.Command.Name);
        return names.Count == 0 ? "" : string.Join(' ', names);
    }
}
