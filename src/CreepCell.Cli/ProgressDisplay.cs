using CreepCell.Simulation;
using Spectre.Console;

namespace CreepCell.Cli;

/// <summary>Progress of a run: a live bar on a terminal, plain lines on stderr otherwise (stdout keeps the results).</summary>
static class ProgressDisplay
{
    static ProgressTask? task;

    public static void Report(RunProgress p)
    {
        if (task is { } t)
        {
            t.Value = 1000 * p.Fraction;
            t.Description = $"cycle {p.Cycle}/{p.Cycles} {p.Half.ToString().ToLowerInvariant()}, lithiation {p.Lithiation:F3}, dt {p.StepSize:G3} s{p.JumpNote}" +
                            (p.Remaining is { } r ? $", {r.TotalSeconds:F0} s left" : "");
            return;
        }
        Console.Error.WriteLine(p);
    }

    /// <summary>Runs with a progress bar when stdout is an interactive terminal.</summary>
    public static RunResult Run(CaseRunner runner)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive) return runner.Run();
        RunResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                task = ctx.AddTask("starting", maxValue: 1000);
                try { result = runner.Run(); }
                finally { task = null; }
            });
        return result!;
    }
}
