namespace RnnTorch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// What learning-rate schedulers read and change in a parameter group (TorchSharp's interface):
        /// the current learning rate and the one the schedule starts from.
        /// </summary>
        public interface ILearningRateController
        {
            /// <summary>The current learning rate (the group's <c>lr</c>).</summary>
            double LearningRate { get; set; }

            /// <summary>The learning rate the schedule starts from (the group's <c>initial_lr</c>).</summary>
            double InitialLearningRate { get; set; }
        }
    }
}
