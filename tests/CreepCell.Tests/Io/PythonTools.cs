using System.Diagnostics;

namespace CreepCell.Tests.Io;

/// <summary>Finds a python3 that imports given modules (PATH first, then the system one) and runs scripts with it.</summary>
static class PythonTools
{
    /// <summary>The first interpreter that imports every module, or null.</summary>
    public static string? Find(params string[] modules)
    {
        foreach (var exe in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                if (Run(exe, "-c", "import " + string.Join(", ", modules)).Code == 0) return exe;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // interpreter not installed under this name
            }
        }
        return null;
    }

    public static (int Code, string Out) Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Writes the script into <paramref name="dir"/> and runs it with the arguments; fails the test on a non-zero exit.</summary>
    public static string RunScript(string python, string dir, string script, params string[] args)
    {
        string path = Path.Combine(dir, "check.py");
        File.WriteAllText(path, script);
        var (code, text) = Run(python, new[] { path }.Concat(args).ToArray());
        Assert.True(code == 0, text);
        return text;
    }
}
