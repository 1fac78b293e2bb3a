namespace RnnTorch.Data;

/// <summary>What a registered dataset is: one row of the dataset table (README, <c>rnn-torch data info</c>).</summary>
/// <param name="Name">The registry name, e.g. <c>sentiment</c>.</param>
/// <param name="Task">The task, e.g. <c>sentiment classification of review sentences</c>.</param>
/// <param name="Shape">The RNN shape: <c>many-to-one</c>, <c>many-to-many</c>, <c>many-to-many (frame level)</c> ….</param>
/// <param name="Size">The size, e.g. <c>3,000 sentences</c>.</param>
/// <param name="Source">Where the data comes from, e.g. <c>npm package sentiment 5.0.2 (test/fixtures)</c>.</param>
/// <param name="Licence">The data's licence, e.g. <c>CC BY 4.0</c>.</param>
/// <param name="HowToGet">What a user needs, e.g. <c>npm (sudo apt-get install npm); fetched on first use</c>.</param>
public sealed record DatasetInfo(string Name, string Task, string Shape, string Size, string Source, string Licence, string HowToGet);
