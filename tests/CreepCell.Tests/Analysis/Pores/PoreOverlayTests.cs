using CreepCell.Analysis.Pores;
using SkiaSharp;

namespace CreepCell.Tests.Analysis.Pores;

public class PoreOverlayTests
{
    [Fact]
    public void Overlay_outlines_each_pore_in_its_colour_over_the_stretched_gray_image()
    {
        var (img, _) = PoreTestImages.Disks(64, 48, (20, 24, 8), (48, 24, 6));
        var r = PoreSequence.Analyze(new[] { img }, PoreSequenceOptions.Default, v =>
        {
            using var bmp = SKBitmap.Decode(PoreOverlay.Render(v));
            const int s = 8; // enlargement is capped at 8 times
            Assert.Equal((64 * s, 48 * s), (bmp.Width, bmp.Height));
            SKColor At(int x, int y) => bmp.GetPixel(x * s + s / 2, y * s + s / 2);
            Assert.Equal(PoreOverlay.ColourOf(v.TrackOfLabel[v.Segmented.Pores.Labels[24 * 64 + 12]]), At(12, 24));
            Assert.Equal(PoreOverlay.ColourOf(v.TrackOfLabel[v.Segmented.Pores.Labels[24 * 64 + 54]]), At(54, 24));
            Assert.NotEqual(At(12, 24), At(54, 24));
            Assert.Equal(new SKColor(255, 255, 255), At(60, 40));
            Assert.Equal(new SKColor(0, 0, 0), At(16, 28));
        });
        Assert.Equal(2, r.Pores.Count);
    }
}
