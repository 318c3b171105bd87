using System.Runtime.InteropServices;

namespace CreepCell.Cli;

/// <summary>
/// SIGINT and SIGTERM ask a run to stop after its current step (it then writes a checkpoint) instead of
/// killing the process; a second signal ends the process at once. The exit code follows the shell's
/// 128 + signal convention: 130 for SIGINT, 143 for SIGTERM.
/// </summary>
sealed class Interruption : IDisposable
{
    readonly CancellationTokenSource source = new();
    readonly PosixSignalRegistration[] registrations;

    public Interruption()
    {
        registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Request(c, 130)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Request(c, 143)),
        };
    }

    public CancellationToken Token => source.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM.</summary>
    public int ExitCode { get; private set; } = 130;

    void Request(PosixSignalContext context, int code)
    {
        if (source.IsCancellationRequested) return; // the second signal takes its default action
        context.Cancel = true;
        ExitCode = code;
        Console.Error.WriteLine("stopping after the current step (a checkpoint will be written); signal again to stop at once");
        source.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in registrations) r.Dispose();
        source.Dispose();
    }
}
