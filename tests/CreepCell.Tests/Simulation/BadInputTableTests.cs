using CreepCell.Io;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

/// <summary>Every bad case file and mesh of <see cref="BadInputTable"/>: refused with one line naming the
/// file and the key or line, nothing written; in-process for all of them (what `creepcell run` calls),
/// and a sample through the command line for the exit code and the absence of a stack trace.</summary>
public class BadInputTableTests
{
    [Fact]
    public void EveryBadInputIsRefusedWithOneMessageAndWritesNothing()
    {
        var failures = new List<string>();
        foreach (var c in BadInputTable.Cases())
        {
            var (caseFile, outDir) = Write(c.Case, c.Mesh);
            string? message = null;
            try
            {
                new CaseRunner(CaseReader.ReadFile(caseFile), outDir).Run();
                failures.Add($"{c.Name}: accepted");
                continue;
            }
            catch (InputException e) { message = e.Message; }
            catch (Exception e) { failures.Add($"{c.Name}: {e.GetType().Name}: {e.Message}"); continue; }
            var problems = c.Expect.Where(x => !message.Contains(x)).Select(x => $"no \"{x}\"").ToList();
            if (message.Contains('\n')) problems.Add("more than one line");
            if (Directory.Exists(outDir)) problems.Add("output folder written");
            if (problems.Count > 0) failures.Add($"{c.Name}: {string.Join(", ", problems)}: {message}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> CommandLineSample() => ["duplicate key", "overlapping inclusions", "bow-tie quadrilateral", "out_of_plane unknown"];

    [Theory]
    [MemberData(nameof(CommandLineSample))]
    public void ThroughTheCommandLineExitCodeIsTwoWithoutStackTrace(string name)
    {
        var c = BadInputTable.Cases().Single(x => x.Name == name);
        var (caseFile, outDir) = Write(c.Case, c.Mesh);
        var (code, _, err) = CliRunner.Run("run", caseFile, "--out", outDir, "--quiet");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err);
        Assert.All(c.Expect, x => Assert.Contains(x, err));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void TheValidCaseAndMeshBehindTheTableRun()
    {
        foreach (var (text, mesh) in new[] { (BadInputTable.Generated, null), (BadInputTable.FromFile, BadInputTable.TwoTriangles()) })
        {
            var (caseFile, outDir) = Write(text.Replace("\"1 h\", 1.0", "\"1 h\", 0.01"), mesh);
            var result = new CaseRunner(CaseReader.ReadFile(caseFile), outDir).Run();
            Assert.Equal(1, result.Steps);
            Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        }
    }

    [Fact]
    public void ACaseFolderIsNamedAsAFolder()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-folder-").FullName;
        var e = Assert.Throws<InputException>(() => CaseReader.ReadFile(dir));
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void AUnitSlipIsRefusedWhenTheCaseIsReadBeforeAnyMeshing()
    {
        // the refusal comes from reading the case alone (no mesher runs), with the estimate in the message
        string text = BadInputTable.Replace(BadInputTable.Generated, "element_size = \"2 um\"", "element_size = \"1e-12 m\"");
        var e = Assert.Throws<InputException>(() => CaseReader.Read("case.toml", text, Path.GetTempPath()));
        Assert.Contains("unknowns", e.Message);
    }

    static (string CaseFile, string OutDir) Write(string caseText, string? mesh)
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-bad-").FullName;
        File.WriteAllText(Path.Combine(dir, "case.toml"), caseText);
        if (mesh is not null) File.WriteAllText(Path.Combine(dir, "mesh.msh"), mesh);
        return (Path.Combine(dir, "case.toml"), Path.Combine(dir, "out"));
    }
}
