using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using static RnnTorch.torch;

namespace RnnTorch.Tests;

/// <summary><c>Module.save</c> / <c>Module.load</c>: state dicts round-trip bit for bit through safetensors files.</summary>
public sealed class ModuleSaveTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rnntorch-modulesave-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private sealed class Inner : nn.Module
    {
        private readonly nn.Parameter scale;
        private readonly Tensor steps;

        public Inner(Tensor scale, Tensor steps) : base(nameof(Inner))
        {
            this.scale = new nn.Parameter(scale);
            this.steps = steps;
            RegisterComponents();
        }
    }

    private sealed class Net : nn.Module
    {
        private readonly nn.Parameter weight;
        private readonly nn.Parameter bias;
        private readonly Inner inner;

        public Net(Tensor weight, Tensor bias, Tensor scale, Tensor steps) : base(nameof(Net))
        {
            this.weight = new nn.Parameter(weight);
            this.bias = new nn.Parameter(bias);
            inner = new Inner(scale, steps);
            RegisterComponents();
        }
    }

    private static float[] Bits(params int[] bits) => bits.Select(BitConverter.Int32BitsToSingle).ToArray();

    private static Net Make(float[] weight, float[] bias, double[] scale, long[] steps, long rows = 2)
    {
        using var scope = NewDisposeScope();
        return new Net(tensor(weight, new long[] { rows, weight.Length / rows }), tensor(bias), tensor(scale), tensor(steps));
    }

    [Fact]
    public void StateDictRoundTripsBitExactly()
    {
        float[] w = Bits(0x3F800000, unchecked((int)0x80000000), 0x7FC00123, 0x00000003, 0x7F7FFFFF, unchecked((int)0xBEAAAAAB));
        float[] b = Bits(0x40490FDB, 0x00000000, unchecked((int)0xFF800000));
        double[] s = { Math.E, -double.Epsilon };
        long[] steps = { 12345678901 };
        string path = PathOf("net.safetensors");
        using var source = Make(w, b, s, steps);
        Assert.Same(source, source.save(path));

        using var target = Make(new float[6], new float[3], new double[2], new long[1]);
        Assert.Same(target, target.load(path));
        var state = target.state_dict();
        Assert.Equal(new[] { "weight", "bias", "inner.scale", "inner.steps" }, state.Keys);
        Assert.Equal(w.Select(BitConverter.SingleToInt32Bits), state["weight"].data<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(b.Select(BitConverter.SingleToInt32Bits), state["bias"].data<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(s.Select(BitConverter.DoubleToInt64Bits), state["inner.scale"].data<double>().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(steps, state["inner.steps"].data<long>().ToArray());
        Assert.True(state["weight"].requires_grad);
    }

    [Fact]
    public void FileIsSafetensorsWithFormatMetadata()
    {
        string path = PathOf("net.safetensors");
        using var net = Make(new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { 7, 8, 9 }, new double[] { 0.5, 0.25 }, new long[] { 3 });
        net.save(path);
        byte[] file = File.ReadAllBytes(path);
        int n = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file));
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(file, 8, n));
        Assert.Equal("pt", doc.RootElement.GetProperty("__metadata__").GetProperty("format").GetString());
        Assert.Equal("F32", doc.RootElement.GetProperty("weight").GetProperty("dtype").GetString());
        Assert.Equal(new long[] { 2, 3 }, doc.RootElement.GetProperty("weight").GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("I64", doc.RootElement.GetProperty("inner.steps").GetProperty("dtype").GetString());
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt" }, load_metadata(path));
    }

    [Fact]
    public void DifferentShapeIsRefusedNamingTheKeyAndNothingIsLoaded()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("net.safetensors");
        using var source = Make(new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { 7, 8, 9 }, new double[] { 0.5, 0.25 }, new long[] { 3 });
        source.save(path);
        using var wider = Make(new float[9], new float[3], new double[2], new long[1], rows: 3);
        var error = Assert.Throws<ArgumentException>(() => wider.load(path));
        Assert.Contains("weight", error.Message);
        Assert.Contains("[3, 3]", error.Message);
        Assert.Contains("[2, 3]", error.Message);
        Assert.All(wider.state_dict().Values, t => Assert.Equal(0.0, t.abs().sum().ToDouble()));
    }

    [Fact]
    public void MissingKeysFailWhenStrictAndAreSkippedOtherwise()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("partial.safetensors");
        save(new Dictionary<string, Tensor> { ["weight"] = ones(2, 3), ["extra"] = ones(1) }, path);
        using var net = Make(new float[6], new float[3], new double[2], new long[1]);
        var error = Assert.Throws<ArgumentException>(() => net.load(path));
        Assert.Contains("bias", error.Message);
        Assert.Contains("extra", error.Message);
        Assert.Equal(0f, net.state_dict()["weight"].sum().ToSingle());

        Assert.Same(net, net.load(path, strict: false));
        Assert.Equal(6f, net.state_dict()["weight"].sum().ToSingle());
        Assert.Equal(0f, net.state_dict()["bias"].sum().ToSingle());
    }

    [Fact]
    public void LoadingACorruptFileLeavesTheModuleAlone()
    {
        using var scope = NewDisposeScope();
        string path = PathOf("bad.safetensors");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        using var net = Make(new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { 7, 8, 9 }, new double[] { 0.5, 0.25 }, new long[] { 3 });
        Assert.Throws<InvalidDataException>(() => net.load(path));
        Assert.Equal(21f, net.state_dict()["weight"].sum().ToSingle());
    }
}
