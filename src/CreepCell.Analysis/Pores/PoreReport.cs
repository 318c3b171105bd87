using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Runs the pore analysis on image files and writes everything into one folder: pores.csv, frames.csv,
/// events.csv, pore_summary.csv, pores.json, relative_area.png, relative_area_bars.png, porosity.png and overlays/frame_NNNN.png.
/// Overlays are drawn while frames stream into a hidden staging folder that replaces overlays/ only when
/// the whole sequence succeeded, so bad input leaves no output behind.
/// </summary>
public static class PoreReport
{
    public static PoreSequenceResult Run(IReadOnlyList<string> files, PoreSequenceOptions options, string outDir, PoreReportOptions report)
    {
        bool existed = Directory.Exists(outDir);
        string? staging = report.Overlays ? Path.Combine(outDir, $".overlays.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp") : null;
        try
        {
            Action<FrameView>? draw = staging is null ? null : v =>
            {
                Directory.CreateDirectory(staging);
                PoreOverlay.Write(v, Path.Combine(staging, $"frame_{v.Record.Index:D4}.png"));
            };
            var result = PoreSequence.Analyze(ImageDecoder.ReadFrames(files), options, draw);
            CheckComparedFrames(report, result.Frames.Count);
            WriteOutputs(result, outDir, report);
            if (staging is not null) Publish(staging, Path.Combine(outDir, "overlays"));
            return result;
        }
        catch
        {
            if (staging is not null && Directory.Exists(staging)) Directory.Delete(staging, true);
            if (!existed && Directory.Exists(outDir) && !Directory.EnumerateFileSystemEntries(outDir).Any()) Directory.Delete(outDir);
            throw;
        }
    }

    public static void WriteOutputs(PoreSequenceResult result, string outDir, PoreReportOptions report)
    {
        Directory.CreateDirectory(outDir);
        PoreTables.WriteAll(result, outDir);
        PoreJson.Write(result, Path.Combine(outDir, "pores.json"));
        PorePlots.RelativeArea(result, Path.Combine(outDir, "relative_area.png"), report.PlotPores, report.ReferenceArea);
        var compared = report.CompareFrames ?? PorePlots.DefaultComparedFrames(result.Frames.Count);
        PorePlots.RelativeAreaBars(result, Path.Combine(outDir, "relative_area_bars.png"), compared, report.PlotPores, report.ReferenceArea);
        PorePlots.Porosity(result, Path.Combine(outDir, "porosity.png"));
    }

    static void CheckComparedFrames(PoreReportOptions report, int frameCount)
    {
        foreach (int f in report.CompareFrames ?? Array.Empty<int>())
            if (f < 0 || f >= frameCount)
                throw new InputException("compared frames", f.ToString(System.Globalization.CultureInfo.InvariantCulture), $"expected a frame number from 0 to {frameCount - 1}");
    }

    static void Publish(string staging, string target)
    {
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(staging, target);
    }
}
