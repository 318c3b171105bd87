using CreepCell.Io;
using CreepCell.Io.Images;
using CreepCell.Io.Plots;
using CreepCell.Meshing;
using CreepCell.Sweeps;

namespace CreepCell.Graphics;

/// <summary>Gives the core its pictures (ScottPlot and SkiaSharp) and its image decoding (SkiaSharp and LibTiff).</summary>
public static class GraphicsSupport
{
    /// <summary>Registers the picture writer and the image reader with the core; call once at start-up.</summary>
    public static void Register() => Pictures.Register(new Writer(), new Reader());

    sealed class Writer : IPictureWriter
    {
        public void FieldMap(string path, Mesh mesh, double[] displacement, double[] elementValues, string title, string unitLabel, FieldMapOptions? options = null) =>
            Io.Plots.FieldMap.Write(path, mesh, displacement, elementValues, title, unitLabel, options);

        public void History(string path, IReadOnlyList<HistoryRun> runs, HistoryPlotSpec spec) => HistoryPlots.Write(path, runs, spec);

        public IReadOnlyList<string> Sweep(string dir, SweepTable byPoint, IReadOnlyList<string> parameters, IReadOnlyList<string> quantities) =>
            SweepPlots.Write(dir, byPoint, parameters, quantities);
    }

    sealed class Reader : IImageReader
    {
        public IEnumerable<GrayImage> ReadFrames(string path) => ImageDecoder.ReadFrames(path);
        public int CountFrames(IEnumerable<string> paths) => ImageDecoder.CountFrames(paths);
    }
}
