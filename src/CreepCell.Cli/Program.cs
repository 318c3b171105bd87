using System.CommandLine;
using CreepCell.Cli;

// A RootCommand takes its name from the running file (CreepCell.Cli under `dotnet run`); usage and help
// should name the installed command whatever starts it.
var root = new Command("creepcell", "CreepCell: chemo-mechanics of all-solid-state battery electrodes and the analyses around it")
{
    new System.CommandLine.Help.HelpOption(), new VersionOption(),
};
CreepCell.Graphics.GraphicsSupport.Register();
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
CliConventions.ExtendHelp(root);
var parsed = root.Parse(args);
if (args.Length == 0)
{
    parsed = root.Parse("--help");
    parsed.Invoke();
    return ExitCodes.BadInput;
}
if (!CommandLineErrors.AsksForHelp(parsed) && CommandLineErrors.First(parsed) is { } error)
{
    string command = string.Join(' ', new[] { "creepcell", CommandLineErrors.CommandPath(parsed) }.Where(w => w.Length > 0));
    Console.Error.WriteLine($"error: {error}; see `{command} --help`");
    return ExitCodes.BadInput;
}
// SIGINT and SIGTERM are handled by the commands that can stop cleanly (run); see Interruption.
return parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
