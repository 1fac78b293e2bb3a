namespace RnnTorch.Modules;

/// <summary>The recurrence a fused layer runs; the numbers are the native shim's mode codes.</summary>
internal enum RecurrentMode
{
    RnnTanh = 0,
    RnnRelu = 1,
    Lstm = 2,
    Gru = 3,
}
