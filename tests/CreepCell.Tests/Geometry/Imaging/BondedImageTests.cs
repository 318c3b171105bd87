using CreepCell.Contact;
using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// [microstructure] bonded on a crop of the TauFactor electrode: the ties join the body pairs that
/// share a pixel edge in the image and have a bonded body, and no others; without the key there are no
/// ties and the contact model is the one of an unbonded RVE.
/// </summary>
public class BondedImageTests
{
    static ImageSpec Spec(IReadOnlyList<string>? bonded) => new(ImageFixtures.Electrode, 128, ImageFixtures.ElectrodePixel,
        new PixelRect(0, 0, 32, 32), ImageFixtures.ElectrodeLabels, null, null, MinArea: 1, Source: "electrode.toml", Bonded: bonded);

    static readonly Material[] Materials = { new("NMC", 140e9, 0.3, 0.05), new("CBD", 3e9, 0.3) };

    static Material[] OfRegions(Mesh mesh) => mesh.RegionNames.Select(n => Materials.Single(m => m.Name == n)).ToArray();

    /// <summary>Pairs of image bodies whose pixels share an edge (4-neighbours) or only a corner (8-neighbours).</summary>
    static (HashSet<(int, int)> Edge, HashSet<(int, int)> Corner) Touching(ImageRve rve)
    {
        int w = rve.Map.Width, h = rve.Map.Height;
        var edge = new HashSet<(int, int)>();
        var corner = new HashSet<(int, int)>();
        void Add(HashSet<(int, int)> set, int a, int b)
        {
            if (a >= 0 && b >= 0 && a != b) set.Add((Math.Min(a, b), Math.Max(a, b)));
        }
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int b = rve.BodyOfPixel[r * w + c];
                if (c + 1 < w) Add(edge, b, rve.BodyOfPixel[r * w + c + 1]);
                if (r + 1 < h) Add(edge, b, rve.BodyOfPixel[(r + 1) * w + c]);
                if (r + 1 < h && c + 1 < w) Add(corner, b, rve.BodyOfPixel[(r + 1) * w + c + 1]);
                if (r + 1 < h && c > 0) Add(corner, b, rve.BodyOfPixel[(r + 1) * w + c - 1]);
            }
        return (edge, corner);
    }

    [Fact]
    public void Ties_join_the_body_pairs_that_touch_in_the_image_with_a_bonded_body_and_no_others()
    {
        var rve = ImageMicrostructure.Build(Spec(new[] { "CBD" }));
        var mesh = ImageBodyMesh.Build(rve);
        var model = new ContactModel(mesh, OfRegions(mesh), new ContactSettings(), bonds: new BondSpec(new[] { "CBD" }));
        var bodies = model.Bodies;
        // the mesh's bodies are the image's, in the same order
        Assert.Equal(rve.Bodies.Count, bodies.BodyCount);
        for (int b = 0; b < bodies.BodyCount; b++) Assert.Equal(rve.Bodies[b].Phase, mesh.RegionNames[bodies.RegionOfBody[b]]);
        int Label(int node) => rve.Bodies[bodies.BodyOfNode[node]].Index;
        var ties = model.Bonds!;
        var tied = new HashSet<(int, int)>();
        for (int k = 0; k < ties.Count; k++)
        {
            var (p, a, b, _, _) = ties.Tie(k);
            Assert.Equal(bodies.BodyOfNode[a], bodies.BodyOfNode[b]);
            int x = Label(p), y = Label(a);
            tied.Add((Math.Min(x, y), Math.Max(x, y)));
        }
        Assert.Equal(tied.Count, ties.BodyPairs);
        var (edge, corner) = Touching(rve);
        bool Bonded(int label) => rve.Bodies.Single(b => b.Index == label).Phase == "CBD";
        var expected = edge.Where(t => Bonded(t.Item1) || Bonded(t.Item2)).ToHashSet();
        Assert.True(expected.Count >= 5, $"the crop has {expected.Count} touching pairs with binder");
        // every pair that shares a pixel edge is tied; a pair tied beyond those touches at a pixel corner
        Assert.Subset(tied, expected);
        Assert.All(tied.Except(expected), t => Assert.Contains(t, corner));
        Assert.True(ties.Count > 10 * expected.Count, $"{ties.Count} ties for {expected.Count} pairs");
        Assert.Equal(2 * rve.Report.Gap, ties.Reach, 0.01 * ties.Reach);
    }

    [Fact]
    public void Without_the_key_there_are_no_ties_and_the_contact_energy_is_unchanged()
    {
        var rve = ImageMicrostructure.Build(Spec(null));
        Assert.Empty(rve.Spec.BondedPhases);
        var mesh = ImageBodyMesh.Build(rve);
        var plain = new ContactModel(mesh, OfRegions(mesh), new ContactSettings());
        var none = new ContactModel(mesh, OfRegions(mesh), new ContactSettings(), bonds: new BondSpec(Array.Empty<string>()));
        var bonded = new ContactModel(mesh, OfRegions(mesh), new ContactSettings(), bonds: new BondSpec(new[] { "CBD" }));
        Assert.Null(plain.Bonds);
        Assert.Null(none.Bonds);
        Assert.All(plain.CouplingLists(), Assert.Empty);
        // small random displacements (0.01 nm) that keep every gap open, none on the sides (rollers there)
        var u = new double[2 * mesh.NodeCount];
        var rng = new Random(3);
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var x = mesh.Nodes[n];
            if (x.X < 1e-9 || x.Y < 1e-9 || x.X > rve.Width - 1e-9 || x.Y > rve.Height - 1e-9) continue;
            u[2 * n] = 2e-11 * (rng.NextDouble() - 0.5);
            u[2 * n + 1] = 2e-11 * (rng.NextDouble() - 0.5);
        }
        double Energy(ContactModel m)
        {
            Assert.True(m.Evaluate(u, new double[u.Length], HessianKind.Exact, out double e), $"bonds {m.Bonds?.Count} penetration {m.WallPenetration(u):E3} e {e:E3}");
            return e;
        }
        Assert.Equal(Energy(plain), Energy(none));
        // the bonded model adds its ties' energy and nothing else
        double ties = 0;
        bonded.Bonds!.Add(u, new double[u.Length], null, HessianKind.None, ref ties);
        Assert.True(ties > 0);
        Assert.Equal(Energy(plain) + ties, Energy(bonded), 1e-9 * (Energy(plain) + ties));
    }

    [Fact]
    public void A_case_without_bonded_builds_the_unbonded_model()
    {
        var plain = CaseReader.Read("case.toml", CropCase(""), Path.GetTempPath());
        var bonded = CaseReader.Read("case.toml", CropCase("bonded = [\"CBD\"]"), Path.GetTempPath());
        Assert.Null(plain.Mesh.Image!.Bonded);
        var mesh = MeshFactory.Build(plain.Mesh);
        Assert.Null(Model.Build(plain, mesh).Contact!.Bonds);
        var ties = Model.Build(bonded, MeshFactory.Build(bonded.Mesh)).Contact!.Bonds!;
        Assert.True(ties.Count > 0);
        Assert.Equal(BondSpec.DefaultStiffnessFactor * 140e9, ties.Stiffness);
    }

    [Fact]
    public void A_bonded_run_killed_after_a_checkpoint_resumes_to_the_history_of_an_uninterrupted_run()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-bond-").FullName;
        string file = Path.Combine(root, "case.toml");
        File.WriteAllText(file, CropCase("bonded = [\"CBD\"]", """
            [mesh]
            element_size = "1 um"
            """, """
            [solver]
            max_lithiation_step = 0.005
            [output]
            checkpoint_every = 20
            """));
        string reference = Path.Combine(root, "reference"), killed = Path.Combine(root, "killed");
        var (code, _, err) = CliRunner.Run("run", file, "--out", reference, "--quiet");
        Assert.True(code == 0, err);
        using (var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reference, "summary.json"))))
        {
            var bonds = summary.RootElement.GetProperty("bonds");
            Assert.Equal("CBD", bonds.GetProperty("phases")[0].GetString());
            Assert.True(bonds.GetProperty("tied_nodes").GetInt32() > 0);
        }
        Directory.CreateDirectory(killed);
        using (var watcher = new FileSystemWatcher(killed, "checkpoint.bin") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite })
        {
            using var p = CliRunner.Start("run", file, "--out", killed, "--quiet");
            for (int seen = 0; seen < 2;)
            {
                var change = watcher.WaitForChanged(WatcherChangeTypes.Renamed | WatcherChangeTypes.Created, TimeSpan.FromMinutes(2));
                Assert.False(change.TimedOut, "no checkpoint was written within two minutes");
                if (change.Name == "checkpoint.bin") seen++;
            }
            Assert.False(p.HasExited, "the run ended before it could be interrupted");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        Assert.False(File.Exists(Path.Combine(killed, "summary.json")));
        (code, _, err) = CliRunner.Run("run", "--resume", killed, "--quiet");
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllLines(Path.Combine(reference, "history.csv")), File.ReadAllLines(Path.Combine(killed, "history.csv")));
        Directory.Delete(root, true);
    }

    [Fact]
    public void The_microstructure_command_reports_the_ties()
    {
        var (code, stdout, err) = CliRunner.Run("microstructure", "--image", ImageFixtures.Electrode, "--pixel-size", "0.390625 um",
            "--phases", "0=pore,85=NMC,170=CBD", "--page", "128", "--crop", "0,0,32,32", "--min-area", "1", "--bonded", "CBD");
        Assert.True(code == 0, err);
        var line = stdout.Split('\n').Single(l => l.StartsWith("bonded CBD: "));
        int n = int.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(n > 0, line);
        Assert.Contains("body pairs (reach", line);
    }

    /// <summary>A 32-pixel crop of electrode page 128 with NMC swelling by 5 % over an hour; the extra
    /// [microstructure] keys, tables before the materials and tables after the protocol as given.</summary>
    static string CropCase(string microstructure, string before = "", string after = "") => $"""
        [microstructure]
        image = "{ImageFixtures.Electrode.Replace("\\", "/")}"
        page = 128
        pixel_size = "0.390625 um"
        crop = [0, 0, 32, 32]
        phases = {"{"} 0 = "pore", 85 = "NMC", 170 = "CBD" {"}"}
        min_area = 1
        {microstructure}
        {before}
        {ImageFixtures.NmcBinderMaterials}
        {after}
        """;
}
