using NewsExtract.Ner;

namespace NewsExtract;

/// <summary>
/// A trained entity model (persons, organisations, places), as written by <c>newsextract train</c> (a
/// <c>ner.bin</c> file). The library embeds one (<see cref="Default"/>); load another to swap it in with
/// <see cref="NewsExtractor.Create(EntityModel)"/>. Immutable and thread-safe.
/// </summary>
public sealed class EntityModel
{
    private EntityModel(NerModel model) => Model = model;

    internal NerModel Model { get; }

    /// <summary>The model embedded in the library (Resources/model/ner.bin).</summary>
    public static EntityModel Default { get; } = new(NerModel.Default);

    /// <summary>Number of weighted features in the model.</summary>
    public int FeatureCount => Model.FeatureCount;

    /// <summary>Loads a model file written by <c>newsextract train</c>.</summary>
    /// <param name="path">The model file (ner.bin).</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a model of the format this library reads (truncated, corrupt, another version).</exception>
    public static EntityModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return new EntityModel(NerModel.Read(stream, path));
    }

    /// <summary>Loads a model from a stream (read from its current position; not closed).</summary>
    /// <param name="stream">The model bytes.</param>
    /// <param name="name">A name for error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are not a model of the format this library reads.</exception>
    public static EntityModel Load(Stream stream, string name = "model stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntityModel(NerModel.Read(stream, name));
    }

    internal static EntityModel From(NerModel model) => new(model);
}
