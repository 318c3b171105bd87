using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CreepCell.Io;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Io;

/// <summary>
/// The HTML report of a run is self-contained (every image a data URI that decodes to a PNG, no outside
/// reference), holds the case text and the provenance, and renders in headless Chromium with every image
/// decoded; a folder that is not a run gives exit code 2 and writes nothing.
/// </summary>
[Collection(SmallRunCollection.Name)]
public class HtmlReportTests(SmallRun run)
{
    static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    [Fact]
    public void ReportEmbedsEveryPictureAndTheCase()
    {
        Assert.True(run.Result.Code == 0, run.Result.Err);
        string html = HtmlReport.Build(run.Dir);
        Assert.DoesNotMatch("(src|href)=\"(?!data:)", html);
        var images = Regex.Matches(html, "src=\"data:image/png;base64,([^\"]+)\"").Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        int pngs = Directory.GetFiles(run.Dir, "*.png", SearchOption.AllDirectories).Length;
        var header = File.ReadLines(Path.Combine(run.Dir, "history.csv")).First().Split(',');
        int plots = (header.Any(h => h.StartsWith("contact_ratio_")) ? 1 : 0) + 1 + 1;
        Assert.True(pngs >= 2, "the run writes field maps");
        Assert.Equal(pngs + plots, images.Count);
        Assert.All(images, png => Assert.Equal(PngSignature, png.Take(8)));
        Assert.Contains(WebUtility.HtmlEncode(SmallRun.Case), html);
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SmallRun.Case)));
        Assert.Contains(sha, html);
        Assert.Contains("<th>command_line</th>", html);
    }

    [SkippableFact]
    public void ChromiumRendersTheReportWithEveryImage()
    {
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        Skip.If(chromium is null, "no headless Chromium (apt-get install chromium)");
        Assert.True(run.Result.Code == 0, run.Result.Err);
        string path = Path.Combine(Directory.CreateTempSubdirectory("creepcell-report-").FullName, "report.html");
        File.WriteAllText(path, HtmlReport.Build(run.Dir));
        var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Path.GetDirectoryName(path), "--virtual-time-budget=5000", "--dump-dom", "file://" + path })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var dom = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "chromium did not finish within 2 minutes");
        Assert.True(p.ExitCode == 0, err.Result);
        Assert.Contains("data-images=\"ok\"", dom.Result);
    }

    [Fact]
    public void FolderWithoutResultsIsBadInput()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-noreport-").FullName;
        var (code, _, err) = CliRunner.Run("report", dir);
        Assert.Equal(2, code);
        Assert.Contains(dir, err);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }
}
