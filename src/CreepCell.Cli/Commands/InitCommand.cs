using System.CommandLine;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell init --preset NAME [FILE]`: writes a built-in case as a file to edit.</summary>
static class InitCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "built-in case: " + string.Join(", ", BuiltInCases.Names), DefaultValueFactory = _ => "default" };
        var file = new Argument<string?>("file") { Description = "where to write it (default: NAME.toml)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "overwrite an existing file" };
        var cmd = new Command("init", "Write a built-in case as a case file to edit");
        cmd.Options.Add(preset);
        cmd.Arguments.Add(file);
        cmd.Options.Add(force);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string name = pr.GetValue(preset)!;
            string text = BuiltInCases.Text(name);
            string path = Path.GetFullPath(pr.GetValue(file) ?? $"{name}.toml");
            if (File.Exists(path) && !pr.GetValue(force)) throw new InputException("command line", "file", $"{path} exists; use --force to overwrite it");
            AtomicFile.WriteAllText(path, text);
            Console.WriteLine($"wrote {path}; run it with: creepcell run {Path.GetFileName(path)}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
