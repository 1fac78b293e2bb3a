namespace RnnTorch.Models.Tests;

/// <summary>
/// The CPU sampler behind generation: greedy picks the first largest logit; sampling frequencies follow
/// softmax(logits / T) over the top k, worked by hand.
/// </summary>
public sealed class TokenSamplerTests
{
    [Fact]
    public void GreedyIsTheFirstArgmax()
    {
        var logits = new[] { 0.5, 2.0, -1.0, 2.0 };
        Assert.Equal(1, TokenSampler.Pick(logits, 0, 0, new Random(1)));
        Assert.Equal(1, TokenSampler.Pick(logits, 3.0, 1, new Random(1)));
    }

    /// <summary>
    /// Logits (0, ln 2, ln 5): at T = 1 the probabilities are 1/8, 2/8, 5/8; at T = 2, ∝ (1, √2, √5); with top-2,
    /// 2/7 and 5/7 and never token 0.
    /// </summary>
    [Theory]
    [InlineData(1.0, 0, 1.0 / 8, 2.0 / 8, 5.0 / 8)]
    [InlineData(2.0, 0, 1.0, 1.4142135623730951, 2.23606797749979)] // (1, √2, √5), normalised below
    [InlineData(1.0, 2, 0.0, 2.0 / 7, 5.0 / 7)]
    public void FrequenciesFollowTheTemperedSoftmax(double temperature, int topK, double p0, double p1, double p2)
    {
        var logits = new[] { 0.0, Math.Log(2), Math.Log(5) };
        var random = new Random(2024);
        var counts = new int[3];
        const int Draws = 40000;
        for (int i = 0; i < Draws; i++) counts[TokenSampler.Pick(logits, temperature, topK, random)]++;
        double total = p0 + p1 + p2;
        var expected = new[] { p0 / total, p1 / total, p2 / total };
        for (int j = 0; j < 3; j++)
        {
            // 5 standard deviations of a binomial proportion with 40000 draws is at most 0.0125.
            Assert.InRange(counts[j] / (double)Draws, expected[j] - 0.0125, expected[j] + 0.0125);
        }
        if (p0 == 0) Assert.Equal(0, counts[0]);
    }
}
