namespace RnnTorch.Data;

/// <summary>What <see cref="TimeSeriesCsv"/> does with a missing value (an empty field or one of <see cref="CsvLoadOptions.MissingMarkers"/>).</summary>
public enum MissingValuePolicy
{
    /// <summary>Keep it as <see cref="double.NaN"/>.</summary>
    Keep,

    /// <summary>Fill it by linear interpolation between the nearest present values of its column (by step);
    /// values before the first or after the last present value take that value. A column with no value at all is an error.</summary>
    Interpolate,

    /// <summary>Drop every row with a missing value in a loaded column.</summary>
    DropRow,

    /// <summary>Reject the file: a <see cref="DataException"/> names each row (by line number) and column.</summary>
    Error,
}
