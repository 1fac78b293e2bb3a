namespace RnnTorch.Data;

/// <summary>What a sliding window's target is (see <see cref="WindowOptions"/>).</summary>
public enum WindowTarget
{
    /// <summary>Many-to-one: one target step, <see cref="WindowOptions.Horizon"/> steps after the last input step.</summary>
    ManyToOne,

    /// <summary>Many-to-many: one target step per input step, each <see cref="WindowOptions.Horizon"/> steps after its input step
    /// (with horizon 1, the next value at every step, as in sequence-to-sequence forecasting).</summary>
    ManyToMany,
}
