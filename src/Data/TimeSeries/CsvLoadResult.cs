namespace RnnTorch.Data;

/// <summary>What <see cref="TimeSeriesCsv.Read(Stream, CsvLoadOptions?, string)"/> returns: the series and the rows it skipped.</summary>
/// <param name="Series">The loaded series.</param>
/// <param name="SkippedRows">The bad rows skipped under <see cref="CsvLoadOptions.SkipBadRows"/> (empty otherwise).</param>
/// <param name="DroppedRows">The number of rows dropped for missing values under <see cref="MissingValuePolicy.DropRow"/>.</param>
public sealed record CsvLoadResult(TimeSeries Series, IReadOnlyList<CsvBadRow> SkippedRows, int DroppedRows);
