using static RnnTorch.torch.nn;

namespace RnnTorch.Training;

/// <summary>Moves batch tensors to where the model is: its device, and its floating dtype for floating inputs.</summary>
internal static class ModelInputs
{
    /// <summary><paramref name="tensor"/> on the model's device; floating tensors also in the model's floating dtype.</summary>
    public static Tensor Follow(this Tensor tensor, Module model)
    {
        var first = model.parameters().FirstOrDefault(p => p.is_floating_point());
        var device = first?.device ?? torch.CPU;
        if (first is not null && tensor.is_floating_point() && tensor.dtype != first.dtype) return tensor.to(first.dtype, device);
        return tensor.to(device);
    }
}
