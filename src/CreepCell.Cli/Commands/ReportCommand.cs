using System.CommandLine;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell report DIR [--out FILE]`: one self-contained HTML page of a run or study folder.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "output folder of creepcell run or study" };
        var output = new Option<string?>("--out") { Description = "HTML file to write (default: DIR/report.html)" };
        var cmd = new Command("report", "Turn a run or study folder into one self-contained HTML page (plots, tables, the case, provenance)");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(output);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string folder = pr.GetValue(dir)!;
            string html = HtmlReport.Build(folder);
            string path = pr.GetValue(output) ?? Path.Combine(folder, "report.html");
            AtomicFile.WriteAllText(path, html);
            Console.WriteLine(Path.GetFullPath(path));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
