namespace RnnTorch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with one input: <c>forward(x)</c>, or <c>call(x)</c>.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>Creates a module called <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (TorchSharp's entry point, where hooks would run).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with two inputs (for example a loss: input and target).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>Creates a module called <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        /// <summary>A module with three inputs.</summary>
        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            /// <summary>Creates a module called <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3) => forward(input1, input2, input3);
        }
    }
}
