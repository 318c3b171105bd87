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

    [Fact]
    public void TheEngineIsInternalAndTheRunApiIsPublic()
    {
        Type[] engine =
        {
            typeof(CreepCell.Simulation.MechanicsProblem), typeof(CreepCell.Contact.ContactModel), typeof(CreepCell.Fem.Assembler),
            typeof(CreepCell.Simulation.Stepper), typeof(CreepCell.Simulation.Remesher), typeof(CreepCell.Simulation.RunRecorder),
            typeof(CreepCell.Simulation.Checkpoint), typeof(CreepCell.Sparse.SupernodalLdlSolver), typeof(CreepCell.Io.IPictureWriter),
        };
        Assert.All(engine, t => Assert.False(t.IsPublic, $"{t.FullName} is public"));
        Type[] api =
        {
            typeof(CreepCell.Simulation.CaseReader), typeof(CreepCell.Simulation.CaseDefinition), typeof(CreepCell.Simulation.CaseRunner),
            typeof(CreepCell.Simulation.RunResult), typeof(CreepCell.InputException), typeof(CreepCell.Graphics.GraphicsSupport),
        };
        Assert.All(api, t => Assert.True(t.IsPublic, $"{t.FullName} is not public"));
        Assert.DoesNotContain(typeof(CreepCell.Simulation.CaseRunner).GetConstructors(), c => c.GetParameters().Any(p => !p.ParameterType.IsPublic && !p.ParameterType.IsGenericType));
    }
}
