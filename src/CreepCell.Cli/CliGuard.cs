namespace CreepCell.Cli;

/// <summary>Exit codes of the command line, and the one place that turns bad input into exit code 2.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int NotConverged = 3;
}

static class CliGuard
{
    /// <summary>Runs a command body; bad input becomes one line on stderr and exit code 2, a simulation
    /// step that did not converge exit code 3.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CreepCell.Simulation.NotConvergedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.NotConverged;
        }
        catch (Exception e)
        {
            // A fault of CreepCell itself, not of the input: one line, and the trace only on request.
            Console.Error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}. Please report it with the input that caused it" +
                (Environment.GetEnvironmentVariable("CREEPCELL_TRACE") == "1" ? "\n" + e : "; set CREEPCELL_TRACE=1 for the stack trace"));
            return ExitCodes.Failure;
        }
    }
}
