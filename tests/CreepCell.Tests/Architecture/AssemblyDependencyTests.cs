using System.Reflection;

namespace CreepCell.Tests.Architecture;

/// <summary>The simulation core loads no plotting, image or spreadsheet library; those live in
/// CreepCell.Graphics and CreepCell.Analysis, which depend on the core and not the other way round.</summary>
public class AssemblyDependencyTests
{
    static readonly string[] HeavyLibraries = { "ScottPlot", "SkiaSharp", "HarfBuzzSharp", "BitMiracle.LibTiff.NET", "ExcelDataReader" };

    static string[] References(Assembly a) => a.GetReferencedAssemblies().Select(n => n.Name!).ToArray();

    static Assembly Core => typeof(CreepCell.Simulation.CaseRunner).Assembly;
    static Assembly Graphics => typeof(CreepCell.Graphics.GraphicsSupport).Assembly;
    static Assembly Analysis => typeof(CreepCell.Analysis.Indentation.OliverPharr).Assembly;

    [Fact]
    public void TheCoreReferencesNoPlottingImageOrSpreadsheetLibrary()
    {
        var refs = References(Core);
        Assert.Empty(refs.Intersect(HeavyLibraries));
        Assert.DoesNotContain("CreepCell.Graphics", refs);
        Assert.DoesNotContain("CreepCell.Analysis", refs);
    }

    [Fact]
    public void TheGraphicsAndAnalysisAssembliesAreWhereThoseLibrariesAre()
    {
        Assert.Equal("CreepCell.Graphics", Graphics.GetName().Name);
        Assert.Equal("CreepCell.Analysis", Analysis.GetName().Name);
        Assert.Contains("ScottPlot", References(Graphics));
        Assert.Contains("ExcelDataReader", References(Analysis));
        Assert.DoesNotContain("CreepCell.Analysis", References(Graphics));
    }
}
