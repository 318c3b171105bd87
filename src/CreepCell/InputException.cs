namespace CreepCell;

/// <summary>
/// Bad input from a user: a case file, a mesh, a data file or an option. The message names the
/// source (file), the location (key or line) and what was expected. The command line turns it into
/// one line on stderr and exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    public string Source_ { get; }
    public string? Location { get; }

    public InputException(string source, string? location, string message)
        : base(Format(source, location, message))
    {
        Source_ = source;
        Location = location;
    }

    static string Format(string source, string? location, string message) =>
        location is null ? $"{source}: {message}" : $"{source}: {location}: {message}";
}
