namespace RnnTorch.Data;

/// <summary>A row of a CSV file that could not be read.</summary>
/// <param name="LineNumber">The 1-based line of the file where the row starts (the header is line 1).</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record CsvBadRow(long LineNumber, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"line {LineNumber}: {Reason}";
}
