using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Parsing;

namespace CreepCell.Io;

/// <summary>
/// TOML defines each key and table once; Tomlyn's model reader keeps the last value of a repeated key,
/// its strict syntax parser reports the repetition with both places. A case whose key is given twice is
/// ambiguous, so it is refused with the key and both lines.
/// </summary>
internal static partial class TomlDuplicates
{
    public static void Reject(string file, string text)
    {
        try
        {
            SyntaxParser.ParseStrict(text, new TomlSerializerOptions(), file, true);
        }
        catch (TomlException e)
        {
            foreach (var d in e.Diagnostics)
            {
                var m = Redefined().Match(d.Message);
                if (!m.Success) continue;
                int line = d.Span.Start.Line + 1;
                throw new InputException(file, $"line {line}",
                    $"key {m.Groups["key"].Value} is given twice (lines {m.Groups["first"].Value} and {line}); expected each key and table once");
            }
            // other syntax errors are reported by the model reader with its own message
        }
    }

    [GeneratedRegex(@"The key `(?<key>[^`]+)` is already defined at \((?<first>\d+),")]
    private static partial Regex Redefined();
}
