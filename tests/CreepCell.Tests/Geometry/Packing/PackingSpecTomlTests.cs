using CreepCell.Geometry.Packing;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Tests.Geometry.Packing;

public class PackingSpecTomlTests
{
    const string Good = """
        [microstructure]
        side = "20 um"
        seed = 5
        edge_length = "0.1 um"
        [microstructure.phases.Se]
        fraction = 0.356
        mean_diameter = "3 um"
        cv = 0.25
        [microstructure.phases.MSe]
        fraction = 0.397
        mean_diameter = 2e-6
        cv = 0.2
        """;

    static PackingSpec Parse(string toml) =>
        PackingSpecToml.FromCase(TomlSerializer.Deserialize<TomlTable>(toml)!, "case.toml");

    static InputException Bad(string toml) => Assert.Throws<InputException>(() => PackingGenerator.Generate(Parse(toml)));

    [Fact]
    public void Reads_quantities_with_units_into_si_and_keeps_phase_order()
    {
        var s = Parse(Good);
        Assert.Equal(20e-6, s.Side, 1e-18);
        Assert.Equal(5UL, s.Seed);
        Assert.Equal(0.1e-6, s.EdgeLength!.Value, 1e-18);
        Assert.Equal(new[] { "Se", "MSe" }, s.Phases.Select(p => p.Name));
        Assert.Equal(3e-6, s.Phases[0].MeanDiameter, 1e-18);
        Assert.Equal(2e-6, s.Phases[1].MeanDiameter, 1e-18);
        Assert.Equal(0.2, s.Phases[1].Cv);
        Assert.Equal(1 - 0.356 - 0.397, s.PoreFraction, 12);
        Assert.Equal("case.toml", s.Source);
    }

    [Fact]
    public void Optional_keys_take_their_defaults()
    {
        var s = Parse(Good.Replace("seed = 5\n", "").Replace("edge_length = \"0.1 um\"\n", ""));
        Assert.Equal(1UL, s.Seed);
        Assert.Null(s.EdgeLength);
        Assert.Equal(2e-6 / 24, s.ResolvedEdgeLength, 1e-18);
        Assert.Equal(0.2, s.CornerRadius);
        Assert.Equal(0.02, s.MinGap);
        Assert.Null(s.Voids);
    }

    const string VoidsTable = "\n[microstructure.voids]\nmean_diameter = \"1.5 um\"\ncv = 0.3\n";

    [Fact]
    public void A_voids_table_is_read_in_si()
    {
        var v = Parse(Good + VoidsTable).Voids!;
        Assert.Equal(1.5e-6, v.MeanDiameter, 1e-18);
        Assert.Equal(0.3, v.Cv);
    }

    [Theory]
    [InlineData("cv = 0.3", "cv = -1", "microstructure.voids.cv")]
    [InlineData("cv = 0.3", "", "microstructure.voids.cv")]
    [InlineData("mean_diameter = \"1.5 um\"", "mean_diameter = \"15 um\"", "microstructure.voids.mean_diameter")]
    [InlineData("mean_diameter = \"1.5 um\"", "mean_diameter = \"-1 um\"", "microstructure.voids.mean_diameter")]
    [InlineData("cv = 0.3", "cv = 0.3\nfraction = 0.2", "microstructure.voids.fraction")]
    public void Bad_void_inputs_name_the_key(string from, string to, string key)
    {
        var e = Bad((Good + VoidsTable).Replace(from, to));
        Assert.Equal(key, e.Location);
    }

    [Fact]
    public void Voids_with_no_porosity_left_after_the_gaps_are_rejected()
    {
        // gaps of 20 % of a diameter around every particle take more than the 24.7 % of pores
        var e = Bad((Good + VoidsTable).Replace("seed = 5", "seed = 5\nmin_gap = 0.2"));
        Assert.Equal("microstructure.voids", e.Location);
        Assert.Contains("no room is left for voids", e.Message);
    }

    [Theory]
    [InlineData("fraction = 0.356", "fraction = 0.656", "microstructure.phases")]
    [InlineData("fraction = 0.356", "fraction = -0.1", "microstructure.phases.Se.fraction")]
    [InlineData("fraction = 0.356", "fraction = 0", "microstructure.phases.Se.fraction")]
    [InlineData("fraction = 0.356", "fraction = 0.58", "microstructure.phases.Se.fraction")]
    [InlineData("mean_diameter = \"3 um\"", "mean_diameter = \"-3 um\"", "microstructure.phases.Se.mean_diameter")]
    [InlineData("mean_diameter = \"3 um\"", "mean_diameter = \"30 um\"", "microstructure.phases.Se.mean_diameter")]
    [InlineData("mean_diameter = \"3 um\"", "mean_diameter = \"3 GPa\"", "microstructure.phases.Se.mean_diameter")]
    [InlineData("mean_diameter = \"3 um\"", "mean_diameter = \"0.01 um\"", "microstructure.phases.Se.mean_diameter")]
    [InlineData("cv = 0.25", "cv = -0.25", "microstructure.phases.Se.cv")]
    [InlineData("side = \"20 um\"", "side = \"0 um\"", "microstructure.side")]
    [InlineData("side = \"20 um\"", "side = \"2 um\"", "microstructure.phases.Se.mean_diameter")]
    [InlineData("fraction = 0.356", "fraction = 0.01", "microstructure.phases.Se.fraction")]
    [InlineData("edge_length = \"0.1 um\"", "edge_length = \"1 um\"", "microstructure.edge_length")]
    [InlineData("seed = 5", "seed = -5", "microstructure.seed")]
    [InlineData("seed = 5", "seed = 1.5", "microstructure.seed")]
    [InlineData("seed = 5", "seeds = 5", "microstructure.seeds")]
    [InlineData("cv = 0.25", "cv = 0.25\nshape = \"round\"", "microstructure.phases.Se.shape")]
    [InlineData("cv = 0.25", "", "microstructure.phases.Se.cv")]
    [InlineData("side = \"20 um\"", "", "microstructure.side")]
    [InlineData("seed = 5", "seed = 5\nmin_gap = 0", "microstructure.min_gap")]
    public void Bad_inputs_name_the_key(string from, string to, string key)
    {
        string toml = Good.Replace(from, to);
        Assert.NotEqual(Good, toml);
        var e = Bad(toml);
        Assert.Equal(key, e.Location);
        Assert.Equal("case.toml", e.Source_);
        Assert.StartsWith($"case.toml: {key}: ", e.Message);
    }

    [Fact]
    public void Fractions_too_dense_for_the_minimum_gap_are_reported_as_unreachable()
    {
        // 0.60 + 0.37 leaves 3 % pores: less than the gaps of 2 % of a diameter need
        var e = Bad(Good.Replace("fraction = 0.356", "fraction = 0.60").Replace("fraction = 0.397", "fraction = 0.37"));
        Assert.Matches(@"microstructure\.phases\.(Se|MSe)\.fraction", e.Location);
        Assert.Contains("cannot reach", e.Message);
    }

    [Fact]
    public void Missing_section_and_missing_phases_name_the_key()
    {
        var e1 = Assert.Throws<InputException>(() => Parse("[other]\nx = 1\n"));
        Assert.Equal("microstructure", e1.Location);
        var e2 = Assert.Throws<InputException>(() => Parse("[microstructure]\nside = \"20 um\"\n"));
        Assert.Equal("microstructure.phases", e2.Location);
    }
}
