using System.Globalization;

namespace CreepCell.Simulation;

/// <summary>A list of packing seeds written as "1,2,3", "1-5" or a mix ("1-3,7").</summary>
internal static class SeedList
{
    public static IReadOnlyList<int> Parse(string text, string key)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !ends.All(IsSeed))
                throw new InputException("command line", key, $"expected seeds such as \"1,2,3\" or \"1-5\" (integers from 0), found \"{part}\"");
            int lo = int.Parse(ends[0], CultureInfo.InvariantCulture), hi = int.Parse(ends[^1], CultureInfo.InvariantCulture);
            if (hi < lo) throw new InputException("command line", key, $"the range \"{part}\" runs backwards");
            for (int s = lo; s <= hi; s++)
            {
                if (seeds.Contains(s)) throw new InputException("command line", key, $"seed {s} is given twice");
                seeds.Add(s);
            }
        }
        return seeds;
    }

    static bool IsSeed(string s) => s.Length > 0 && s.All(char.IsAsciiDigit) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
