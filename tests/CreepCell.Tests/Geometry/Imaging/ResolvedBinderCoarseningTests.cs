using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Simulation;
using SkiaSharp;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// The binder's mean stress under pixel coarsening when the binder is resolved: the image of
/// <see cref="ResolvedBinderImage"/> (every binder feature at least 16 px of 0.1 um across) swells its
/// NMC through a full lithiation with the binder bonded, as ImageRveBench does (NMC E 140 GPa, 5 % volume
/// change; binder 3 GPa; rollers), at its own pixel size and coarsened 2x and 4x by the area rule (binder
/// features then 8 and 4 pixels across), with elements of at most 0.8 um at all three. On the electrode
/// slice, whose binder is 1 to 3 pixels wide, the same 2x coarsening moves the bonded binder's mean von
/// Mises by +34 % (bench/results/image-rve.md).
/// </summary>
/// <remarks>
/// The tolerance on the binder, 6 %, is set from measured errors (bench/results/image-rve-resolved*.md), not from
/// this test's output. The mesh error at 0.8 um elements is at most 0.5 % (binder mean against 0.2 um elements:
/// 0.06 % at 1x, 0.18 % at 2x, 0.47 % at 4x), so what moves the mean between resolutions is the geometry the
/// pixels give the binder. Drawn directly at pixels of 0.4 to 0.05 um, the same shapes give binder means
/// within 0.9 % of each other; coarsened by the area rule to features 4 to 16 coarse pixels across, they moved
/// it by 1.0 to 5.1 % (six coarsenings of drawings with 400, 200 and 100 pixels per side), the rule's block
/// assignment shifting outlines by up to a block. 6 % is the largest of these plus the mesh error;
/// the electrode's under-resolved binder (+34 % at 2x, +54 % at 4x) lies far outside it. The NMC, a bulk
/// phase, keeps its mean within 0.2 % (0.5 % allowed).
/// </remarks>
public class ResolvedBinderCoarseningTests
{
    static string Case(int coarsen) => $"""
        [microstructure]
        image = "resolved.png"
        pixel_size = "0.1 um"
        phases = {"{"} 0 = "pore", 85 = "NMC", 170 = "CBD" {"}"}
        min_area = 1
        neck_ratio = 0
        coarsen = {coarsen}
        bonded = ["CBD"]
        [mesh]
        element_size = "0.8 um"
        {ImageFixtures.NmcBinderMaterials}
        """;

    static void WritePng(string path)
    {
        var image = ResolvedBinderImage.Draw();
        using var bmp = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = image.Pixels.Select(v => (byte)v).ToArray();
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bmp.GetPixels(), bytes.Length);
        using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Mean von Mises stress of NMC and binder at full lithiation.</summary>
    static (double Nmc, double Cbd) Run(string dir, int coarsen)
    {
        var def = CaseReader.Read("case.toml", Case(coarsen), dir);
        var result = new CaseRunner(def, Path.Combine(dir, $"out{coarsen}")).Run();
        double Mean(string phase) => result.Final[result.Phases.ToList().IndexOf(phase)].VonMisesMean;
        return (Mean("NMC"), Mean("CBD"));
    }

    [Fact]
    public void Resolved_bonded_binder_keeps_its_mean_von_Mises_stress_under_2x_and_4x_coarsening()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-resolved-binder-").FullName;
        try
        {
            WritePng(Path.Combine(dir, "resolved.png"));
            var fine = Run(dir, 1);
            foreach (int n in new[] { 2, 4 })
            {
                var coarse = Run(dir, n);
                Assert.InRange(coarse.Cbd / fine.Cbd, 0.94, 1.06);
                Assert.InRange(coarse.Nmc / fine.Nmc, 0.995, 1.005);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
