using System.CommandLine;

namespace CreepCell.Cli;

/// <summary>Every `creepcell` subcommand, one file each under Commands/.</summary>
static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.UnitsCommand.Create();
        yield return Commands.MicrostructureCommand.Create();
    }
}
