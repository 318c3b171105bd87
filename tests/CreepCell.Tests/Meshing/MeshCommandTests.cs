using System.CommandLine;
using CreepCell.Cli.Commands;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class MeshCommandTests
{
    static int Run(params string[] args)
    {
        var root = new RootCommand { MeshCommand.Create() };
        return root.Parse(args).Invoke();
    }

    [Fact]
    public void WritesAGmshFileThatReadsBackWithRegionsAndUnits()
    {
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-cli-{Guid.NewGuid():N}.msh");
        try
        {
            int rc = Run("mesh", path, "--width", "20 um", "--height", "10um", "--inclusion", "ncm:10um,5um,3um",
                "--inclusion", "lpscl:3um,3um,1.5um,0.75um,30", "--size", "1um", "--order", "2", "--unit", "um");
            Assert.Equal(0, rc);
            var m = GmshReader.Read(path, 1e-6);
            Assert.Equal(new[] { "matrix", "ncm", "lpscl" }, m.RegionNames);
            var areas = MeshQuality.RegionAreas(m);
            Assert.Equal(200e-12, areas.Sum(), 1e-22);
            Assert.Equal(Math.PI * 9e-12, areas[1], 3e-15); // quadratic edges on the circle: 1e-4 relative
            Assert.Contains(File.ReadLines(path), l => l.StartsWith("20 ")); // coordinates in micrometres
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ncm:10um,5um")]
    [InlineData("ncm:19um,5um,3um")]
    [InlineData("ncm:10um,5um,3 GPa")]
    public void BadInclusionGivesExitCode2AndNoFile(string spec)
    {
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-cli-{Guid.NewGuid():N}.msh");
        Assert.Equal(2, Run("mesh", path, "--width", "20um", "--height", "10um", "--inclusion", spec, "--size", "1um"));
        Assert.False(File.Exists(path));
    }
}
