using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Spectre.Console;

namespace CreepCell.Cli;

/// <summary>
/// What every subcommand shares: --help ends with an example and the exit codes, and when stdout is
/// redirected the tables (Spectre.Console) go to stderr, so that stdout carries only results (JSON, values)
/// a script can read.
/// </summary>
static class CliConventions
{
    static readonly Dictionary<string, string[]> Examples = new()
    {
        ["run"] = new[] { "creepcell run --preset se-60mse --out out/se", "creepcell run case.toml --json > summary.json" },
        ["init"] = new[] { "creepcell init --preset lco-mse lco.toml" },
        ["study"] = new[] { "creepcell study paper --out study --seeds 1-5" },
        ["mesh"] = new[] { "creepcell mesh inclusion.msh --width \"20 um\" --height \"20 um\" --inclusion \"SE:10,10,4\" --size \"1 um\" --unit um" },
        ["microstructure"] = new[] { "creepcell microstructure packing.toml --png packing.png" },
        ["indent"] = new[] { "creepcell indent data/*.txt --out indent-results" },
        ["materials"] = new[] { "creepcell materials --temperature \"70 degC\"", "creepcell materials --show Se" },
        ["creep-law"] = new[] { "creepcell creep-law --n 3" },
        ["cycling"] = new[] { "creepcell cycling cell.xlsx --mass \"2.08 mg\" --out cycling" },
        ["energy"] = new[] { "creepcell energy --component Se:40:active --component Mo6Se8:60 --voltage \"1.4 V\" --porosity 24.7% --json" },
        ["pellet"] = new[] { "creepcell pellet --component Se:40 --component Mo6Se8:60 --mass \"60 mg\" --diameter \"10 mm\" --press \"360 MPa=0.18 mm\"" },
        ["pores"] = new[] { "creepcell pores frames/*.tif --out pores" },
        ["units"] = new[] { "creepcell units \"70 degC\" --as temperature" },
        ["report"] = new[] { "creepcell report out/se", "creepcell report study --out study.html" },
    };

    /// <summary>Commands that run simulations and can stop on a step that does not converge.</summary>
    static readonly HashSet<string> Simulating = new() { "run", "study" };

    /// <summary>The lines that --help of <paramref name="command"/> ends with.</summary>
    public static string Footer(Command command)
    {
        var examples = Examples.GetValueOrDefault(command.Name) ?? Array.Empty<string>();
        var lines = new List<string>();
        if (examples.Length > 0)
        {
            lines.Add(examples.Length > 1 ? "Examples:" : "Example:");
            lines.AddRange(examples.Select(e => "  " + e));
            lines.Add("");
        }
        lines.Add("Exit codes: 0 success" + (command.Name == "indent" ? ", 1 no indent could be analysed" : "") +
                  ", 2 bad input (one message naming the file and key or line; nothing written)" +
                  (Simulating.Contains(command.Name) ? ", 3 a simulation step did not converge (a checkpoint of the last converged state is kept)" : "") +
                  (command.Name == "run" ? ", 130/143 stopped by SIGINT/SIGTERM (a checkpoint of the last converged step is written; --resume continues)" : "") +
                  "; 1 is left for an internal fault (one line; CREEPCELL_TRACE=1 prints the stack trace)");
        return string.Join('\n', lines);
    }

    /// <summary>Makes --help print <see cref="Footer"/> after the usual text.</summary>
    public static void ExtendHelp(Command root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
            if (help.Action is HelpAction inner) help.Action = new HelpWithFooter(inner);
    }

    sealed class HelpWithFooter(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Footer(parseResult.CommandResult.Command));
            parseResult.InvocationConfiguration.Output.WriteLine();
            return code;
        }
    }

    /// <summary>Spectre.Console writes to stderr when stdout is not a terminal.</summary>
    public static void RouteTablesWhenRedirected()
    {
        if (!Console.IsOutputRedirected) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    }
}
