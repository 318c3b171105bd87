using System.CommandLine;

namespace CreepCell.Cli;

/// <summary>Every `creepcell` subcommand, one file each under Commands/.</summary>
static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        CliConventions.RouteTablesWhenRedirected();
        return Subcommands();
    }

    static IEnumerable<Command> Subcommands()
    {
        yield return Commands.RunCommand.Create();
        yield return Commands.InitCommand.Create();
        yield return Commands.StudyCommand.Create();
        yield return Commands.SweepCommand.Create();
        yield return Commands.UnitsCommand.Create();
        yield return Commands.PoresCommand.Create();
        yield return Commands.CyclingCommand.Create();
        yield return Commands.CvCommand.Create();
        yield return Commands.ConductivityCommand.Create();
        yield return Commands.EnergyCommand.Create();
        yield return Commands.PelletCommand.Create();
        yield return Commands.MeshCommand.Create();
        yield return Commands.IndentCommand.Create();
        yield return Commands.MaterialsCommand.Create();
        yield return Commands.CreepLawCommand.Create();
        yield return Commands.MicrostructureCommand.Create();
        yield return Commands.ReportCommand.Create();
    }
}
