namespace RnnTorch.Data.Tests;

public sealed class DataSmokeTests
{
    [Fact]
    public void DataExceptionCarriesItsMessage()
    {
        var e = new DataException("install espeak-ng");
        Assert.Equal("install espeak-ng", e.Message);
    }
}
