namespace CreepCell.Tests.Analysis;

/// <summary>Tests that swap the process-wide Console writers run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCaptureCollection
{
    public const string Name = "console capture";
}

/// <summary>
/// Runs the `creepcell` entry point inside the test process (no process start, so a refused input costs
/// milliseconds) and captures what it prints. Only for tests in <see cref="ConsoleCaptureCollection"/>.
/// </summary>
static class InProcessCli
{
    static readonly object Gate = new();

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                int code = (int)typeof(CreepCell.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { args })!;
                return (code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
