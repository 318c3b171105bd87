using CreepCell.Io.Images;
using CreepCell.Io.Plots;
using CreepCell.Meshing;
using CreepCell.Sweeps;

namespace CreepCell.Io;

/// <summary>The pictures a run, a study or a sweep draws beside its tables.</summary>
internal interface IPictureWriter
{
    /// <summary>A scalar element field on the deformed mesh (PNG).</summary>
    void FieldMap(string path, Mesh mesh, double[] displacement, double[] elementValues, string title, string unitLabel, FieldMapOptions? options = null);

    /// <summary>Columns of one or more histories against another (PNG).</summary>
    void History(string path, IReadOnlyList<HistoryRun> runs, HistoryPlotSpec spec);

    /// <summary>Each quantity of a collected sweep against each swept parameter; returns the files written.</summary>
    IReadOnlyList<string> Sweep(string dir, SweepTable byPoint, IReadOnlyList<string> parameters, IReadOnlyList<string> quantities);
}

/// <summary>Reads the frames of image files (TIFF stacks, PNG, ...) as grey images.</summary>
internal interface IImageReader
{
    IEnumerable<GrayImage> ReadFrames(string path);
    int CountFrames(IEnumerable<string> paths);
}

/// <summary>
/// Where the core finds its picture writer and image reader. The core draws and decodes nothing itself,
/// so that a program that wants numbers only does not load the plotting and image libraries: the
/// CreepCell.Graphics assembly registers both (<c>GraphicsSupport.Register()</c>) once at start-up, as an
/// encoding provider is registered with System.Text. Without it, runs write their tables and no pictures,
/// and an image microstructure is refused with a message that says what is missing.
/// </summary>
internal static class Pictures
{
    static IPictureWriter? writer;
    static IImageReader? reader;

    public static void Register(IPictureWriter pictureWriter, IImageReader imageReader)
    {
        writer = pictureWriter;
        reader = imageReader;
    }

    /// <summary>The registered writer, or null: draw nothing.</summary>
    public static IPictureWriter? Writer => writer;

    public static IImageReader Images => reader ?? throw new InvalidOperationException(
        "reading image files needs the CreepCell.Graphics assembly: call CreepCell.Graphics.GraphicsSupport.Register() once at start-up");
}
