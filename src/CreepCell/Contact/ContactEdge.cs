namespace CreepCell.Contact;

/// <summary>Two bodies in contact over <see cref="Length"/> (current boundary length, the mean of the
/// lengths each side has within dhat of the other).</summary>
internal readonly record struct ContactEdge(int A, int B, double Length);
