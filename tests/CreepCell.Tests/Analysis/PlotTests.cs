using CreepCell.Analysis.Cycling;
using CreepCell.Analysis.Indentation;
using CreepCell.Tests.Analysis.Indentation;
using ScottPlot;

namespace CreepCell.Tests.Analysis;

/// <summary>What the plots draw: the CSM window along depth, the load-depth curves in contact, the efficiency axis and incomplete cycles.</summary>
public class PlotTests
{
    static IndentReport CsmReport(int indents)
    {
        var test = SyntheticCurves.CsmJumps(100e9, 1e9, 0.05, 0.02, new[] { 0.05, 0.05 }, new[] { 100e-9, 400e-9 }, 900e-9);
        var options = new IndentOptions();
        var results = Enumerable.Range(0, indents).Select(k => new IndentResult($"t{k}", "f", options, test, Array.Empty<UnloadResult>(),
            Csm.Curve(test, options), null, null, null)).ToList();
        return new IndentReport(results, Array.Empty<AnalysisFailure>(), new IndentJob { CsmFrom = 250e-9, CsmTo = 800e-9 });
    }

    [Fact]
    public void CsmWindowIsShadedAlongDepth()
    {
        var plt = IndentPlots.Csm(CsmReport(1), c => c.Modulus, "E (GPa)");
        var span = Assert.Single(plt.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>());
        Assert.Equal(250, span.X1, 9);
        Assert.Equal(800, span.X2, 9);
        Assert.Empty(plt.GetPlottables().OfType<ScottPlot.Plottables.VerticalSpan>());
    }

    [Fact]
    public void TwelveIndentsGetTwelveColours()
    {
        var plt = IndentPlots.Csm(CsmReport(12), c => c.Modulus, "E (GPa)");
        var colors = plt.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Select(s => s.Color).ToList();
        Assert.Equal(12, colors.Count);
        Assert.Equal(12, colors.Distinct().Count());
    }

    [Fact]
    public void LoadDepthStopsWhereTheTipLeavesTheSurface()
    {
        // Loading, unloading to zero load at 120 nm, then the withdrawal to -800 nm at zero load.
        double[] depth = { 0, 200, 400, 300, 120, -100, -800 }, load = { 0, 1, 3, 1, 0, 0, 0 };
        Assert.Equal(5, IndentPlots.InContact(depth, load));
    }

    static CycleResult Cycle(int n, double ce, bool incomplete = false) =>
        new(n, 3.6, 3.6 * ce, 1, 1, 1, 1, 1e-3, 1e-3, ce, 1, null, null, null, null, null, 0, 1, n, incomplete);

    [Fact]
    public void FirstCycleEfficiencyOf1461PercentIsDrawnOffScaleAndNamed()
    {
        var cycles = new[] { Cycle(1, 14.61), Cycle(2, 0.97), Cycle(3, 0.99), Cycle(4, 0.2, incomplete: true) };
        var plt = CyclingPlots.CapacityPlot(cycles, specific: false);
        var ce = plt.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText.StartsWith("Coulombic"));
        Assert.Contains("cycle 1 1461 %", ce.LegendText);
        Assert.Equal(new[] { 2.0, 3.0 }, ce.Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal(CyclingPlots.EfficiencyAxisTop, plt.Axes.Right.Range.Max, 9);
        // The incomplete cycle 4 is drawn apart, as open markers, not as a point of the series.
        var charge = plt.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "charge");
        Assert.DoesNotContain(4.0, charge.Data.GetScatterPoints().Select(p => p.X));
        Assert.Contains(plt.GetPlottables().OfType<ScottPlot.Plottables.Scatter>(), s => s.LegendText.StartsWith("cycle 4: incomplete") && s.MarkerShape == MarkerShape.OpenCircle);
        Assert.True(((ScottPlot.TickGenerators.NumericAutomatic)plt.Axes.Bottom.TickGenerator).IntegerTicksOnly);
    }
}
