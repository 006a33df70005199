namespace NewsExtract.Tests;

/// <summary>
/// Tests that compare running times (linear growth checks) or build very large inputs run alone, not beside the other
/// test classes: a full parallel run on two cores made a linear check see 40x for 8x the input.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
