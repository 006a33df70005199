using NewsExtract.Records;

namespace NewsExtract.Ner;

/// <summary>
/// The BIO labels of the entity model: O (outside), B- (first token of an entity) and I- (a later token) for
/// PER, ORG and LOC. The numeric values are the class indexes of the model file.
/// </summary>
internal enum NerTag : byte
{
    O = 0,
    BPer = 1,
    IPer = 2,
    BOrg = 3,
    IOrg = 4,
    BLoc = 5,
    ILoc = 6,
}

internal static class NerTags
{
    public const int Count = 7;

    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    public static bool IsBegin(NerTag tag) => tag is NerTag.BPer or NerTag.BOrg or NerTag.BLoc;

    public static bool IsInside(NerTag tag) => tag is NerTag.IPer or NerTag.IOrg or NerTag.ILoc;

    public static NerTag Begin(EntityType type) => type switch
    {
        EntityType.PER => NerTag.BPer,
        EntityType.ORG => NerTag.BOrg,
        _ => NerTag.BLoc,
    };

    public static NerTag Inside(EntityType type) => (NerTag)((int)Begin(type) + 1);

    /// <summary>The entity type of a B- or I- tag.</summary>
    public static EntityType TypeOf(NerTag tag) => tag switch
    {
        NerTag.BPer or NerTag.IPer => EntityType.PER,
        NerTag.BOrg or NerTag.IOrg => EntityType.ORG,
        NerTag.BLoc or NerTag.ILoc => EntityType.LOC,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "O has no entity type."),
    };

    /// <summary>
    /// Whether <paramref name="next"/> may follow <paramref name="previous"/> (null: the sentence start): an I- tag
    /// only continues a B- or I- of its own type.
    /// </summary>
    public static bool Allowed(NerTag? previous, NerTag next)
    {
        if (!IsInside(next)) return true;
        return previous is { } p && p != NerTag.O && TypeOf(p) == TypeOf(next);
    }
}

/// <summary>
/// An entity a tagger found: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>) and characters
/// [<see cref="Start"/>, <see cref="End"/>) of the document; <see cref="Score"/> is the mean probability the
/// model gave the chosen tag of each token (1 for the gazetteer).
/// </summary>
internal readonly record struct NerSpan(EntityType Type, int FirstToken, int EndToken, int Start, int End, double Score);
