using System.CommandLine;
using System.Reflection;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>
/// Paths to the public G200 exports (see Fixtures/indentation/SOURCES.md): the shared data folder found by walking
/// up from the test's base directory, else the copies shipped with the tests. Missing both is a failure.
/// </summary>
static class IndentFixtures
{
    public static string Example => Find("micromechanics_agilent", "Example.xls");
    public static string FusedSilica => Find("fused_silica_g200", "FusedSilica.xlsx");
    public static string Tungsten => Find("tungsten_g200", "Tungsten_FrameStiffness.xlsx");
    public static string Popin => Find("micromechanics_agilent", "Popin.xls");

    static string Find(string folder, string file)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string p = Path.Combine(d.FullName, "shared", "data", folder, file);
            if (File.Exists(p)) return p;
        }
        string copy = Path.Combine(AppContext.BaseDirectory, "Fixtures", "indentation", file);
        Assert.True(File.Exists(copy), $"fixture {file} not found in shared/data/{folder} above {AppContext.BaseDirectory} nor in Fixtures/indentation");
        return copy;
    }

    public static string TempDir()
    {
        string d = Path.Combine(Path.GetTempPath(), "creepcell-indent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Runs a `creepcell` command line in-process and returns its exit code.</summary>
    public static int RunCli(params string[] args)
    {
        var catalog = typeof(CreepCell.Cli.ExitCodes).Assembly.GetType("CreepCell.Cli.CommandCatalog")!;
        var commands = (IEnumerable<Command>)catalog.GetMethod("All", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        var root = new RootCommand("test");
        foreach (var c in commands) root.Subcommands.Add(c);
        return root.Parse(args).Invoke();
    }
}
