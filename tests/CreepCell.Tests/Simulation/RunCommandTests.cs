using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

public class RunCommandTests
{
    const string GoodCase = """
        [mesh]
        generator = "inclusion"
        width = "10 um"
        height = "10 um"
        matrix = "MSE"
        element_size = "2 um"
        inclusion_element_size = "1 um"
        [[mesh.inclusions]]
        phase = "SE"
        center = ["5 um", "5 um"]
        radius = "2 um"
        [materials.SE]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.3
        swelling = 0.1
        [materials.MSE]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.3
        [protocol]
        lithiation = [[0, 0.0], ["1 h", 1.0]]
        [solver]
        max_lithiation_step = 0.25
        """;

    static (int Code, string Err, string Dir) RunCase(string text)
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-run-").FullName;
        string file = Path.Combine(dir, "case.toml");
        File.WriteAllText(file, text);
        var (code, _, err) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "out"), "--quiet");
        return (code, err, Path.Combine(dir, "out"));
    }

    [Theory]
    [InlineData("poisson_ratio = 0.3\nswelling", "poisson_ratio = 0.5\nswelling", "materials.SE.poisson_ratio")]
    [InlineData("youngs_modulus = \"100 GPa\"", "youngs_modulus = \"-1 GPa\"", "materials.MSE.youngs_modulus")]
    [InlineData("youngs_modulus = \"10 GPa\"", "youngs_modulus = \"10 Gm\"", "materials.SE.youngs_modulus")]
    [InlineData("swelling = 0.1", "swelling = 0.1\ncolour = 3", "materials.SE.colour")]
    [InlineData("[materials.MSE]", "[materials.OTHER]", "MSE")]
    [InlineData("lithiation = [[0, 0.0], [\"1 h\", 1.0]]", "lithiation = [[0, 0.0], [\"1 h\", 1.5]]", "protocol.lithiation[1]")]
    [InlineData("element_size = \"2 um\"", "element_size = nan", "mesh.element_size")]
    [InlineData("[solver]", "[boundary]\nstack_pressure = \"-1 MPa\"\n[solver]", "boundary.stack_pressure")]
    [InlineData("[solver]", "[boundary]\nstack_pressure = \"1 MPa\"\n[contact]\nenabled = false\n[solver]", "boundary.stack_pressure")]
    [InlineData("swelling = 0.1", "swelling = 0.1\n[materials.SE.creep]\nA = \"1e-4 1/s\"\nn = 3\nsigma_ref = \"100 MPa\"\nactivation_energy = \"100 kJ/mol\"\nreference_temperature = \"1 K\"", "materials.SE.creep")]
    public void BadInputGivesOneMessageNamingTheKeyExitCodeTwoAndNoOutput(string from, string to, string key)
    {
        Assert.Contains(from, GoodCase);
        var (code, err, outDir) = RunCase(GoodCase.Replace(from, to));
        Assert.Equal(2, code);
        Assert.Contains("case.toml", err);
        Assert.Contains(key, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>Mistakes on the command line and unusable output folders: one line naming the option,
    /// exit code 2, no stack trace, nothing written.</summary>
    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--threads", "--threads")]
    [InlineData("--threads x", "'x' for option '--threads' as a whole number")]
    [InlineData("--threads 0", "--threads: expected a count from 1 to")]
    [InlineData("--out FILE", "is a file; expected a folder")]
    [InlineData("--out /proc/creepcell-out", "kernel file system")]
    [InlineData("--resume OUT --out OUT2", "give --resume DIR without --out")]
    [InlineData("--resume OUT --force", "--force applies to new runs only")]
    public void CommandLineMistakeGivesOneLineExitCodeTwoAndNoOutput(string options, string message)
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-args-").FullName;
        File.WriteAllText(Path.Combine(dir, "FILE"), "not a folder");
        var args = new List<string> { "run" };
        args.AddRange(options.Split(' ').Select(a => a is "FILE" or "OUT" or "OUT2" ? Path.Combine(dir, a) : a));
        if (!options.Contains("--out") && !options.Contains("--resume")) args.AddRange(new[] { "--out", Path.Combine(dir, "OUT") });
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err);
        Assert.Equal(new[] { "FILE" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void SecondRunIntoAFolderWithResultsIsRefusedAndForceReplacesExactlyItsFiles()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-again-").FullName;
        string file = Path.Combine(dir, "case.toml"), outDir = Path.Combine(dir, "out");
        File.WriteAllText(file, GoodCase);
        Assert.Equal(0, CliRunner.Run("run", file, "--out", outDir, "--quiet").Code);
        string stale = Path.Combine(outDir, "fields_99999.vtu"), mine = Path.Combine(outDir, "notes.txt");
        File.WriteAllText(stale, "from an earlier run with more steps");
        File.WriteAllText(mine, "the user's own file");
        var history = File.ReadAllBytes(Path.Combine(outDir, "history.csv"));

        var (refused, _, err) = CliRunner.Run("run", file, "--out", outDir, "--quiet");
        Assert.Equal(2, refused);
        Assert.Contains("already holds results of an earlier `creepcell run`", err);
        Assert.True(File.Exists(stale));

        var (code, _, err2) = CliRunner.Run("run", file, "--out", outDir, "--quiet", "--force");
        Assert.True(code == 0, err2);
        Assert.False(File.Exists(stale), "--force removes the files an earlier run wrote");
        Assert.True(File.Exists(mine), "--force keeps files that runs do not write");
        Assert.Equal(history, File.ReadAllBytes(Path.Combine(outDir, "history.csv")));
    }

    [Fact]
    public void MissingMeshFileIsReportedByName()
    {
        string text = "[mesh]\nfile = \"nothere.msh\"\n" + GoodCase[GoodCase.IndexOf("[materials.SE]")..];
        var (code, err, outDir) = RunCase(text);
        Assert.Equal(2, code);
        Assert.Contains("nothere.msh", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void GoodCaseWritesHistoryWithOneRowPerStepAndFiniteValues()
    {
        var (code, err, outDir) = RunCase(GoodCase);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(outDir, "history.csv"));
        Assert.StartsWith("time_s,step,cycle,half_cycle,lithiation,newton_iterations,vm_mean_MSE_Pa", lines[0]);
        Assert.Equal(5, lines.Length); // header + 4 steps of 0.25
        var last = lines[^1].Split(',').Select(double.Parse).ToArray();
        Assert.All(last, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(3600, last[0], 1e-9);
        Assert.Equal(1.0, last[4], 1e-12);
        // matrix and inclusion fill the roller box whatever they swell: no porosity
        var header = lines[0].Split(',');
        Assert.Equal(0, last[Array.IndexOf(header, "porosity")], 1e-9);
        // a mild swelling leaves the generated mesh undistorted: corner angles near its own, nothing below 5 degrees
        foreach (var phase in new[] { "MSE", "SE" })
        {
            Assert.InRange(last[Array.IndexOf(header, $"min_angle_{phase}_deg")], 15, 90);
            Assert.Equal(0, last[Array.IndexOf(header, $"distorted_area_{phase}")]);
            // the stress exceeded on 1 % of the area lies between the phase's mean and its maximum here
            double p99 = last[Array.IndexOf(header, $"vm_p99_{phase}_Pa")];
            Assert.InRange(p99, last[Array.IndexOf(header, $"vm_mean_{phase}_Pa")], last[Array.IndexOf(header, $"vm_max_{phase}_Pa")]);
        }
        double solids = last[Array.IndexOf(header, "vm_p99_solids_Pa")];
        Assert.InRange(solids, new[] { "MSE", "SE" }.Min(ph => last[Array.IndexOf(header, $"vm_p99_{ph}_Pa")]),
            new[] { "MSE", "SE" }.Max(ph => last[Array.IndexOf(header, $"vm_p99_{ph}_Pa")]));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.All(summary.RootElement.GetProperty("final").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("largest_distorted_area").GetDouble()));
        Assert.True(File.Exists(Path.Combine(outDir, "fields.pvd")));
    }

    [Fact]
    public void InitWritesEveryBuiltInCaseAsAFileThatReadsBack()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-init-").FullName;
        foreach (var name in CreepCell.Simulation.BuiltInCases.Names)
        {
            string file = Path.Combine(dir, name + ".toml");
            var (code, _, err) = CliRunner.Run("init", "--preset", name, file);
            Assert.True(code == 0, err);
            Assert.Equal(CreepCell.Simulation.BuiltInCases.Text(name), File.ReadAllText(file));
            var def = CreepCell.Simulation.CaseReader.ReadFile(file);
            Assert.NotEmpty(def.Materials);
            var (again, _, err2) = CliRunner.Run("init", "--preset", name, file);
            Assert.Equal(2, again);
            Assert.Contains("--force", err2);
        }
    }
}
