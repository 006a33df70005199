// Extracts one article with the NewsExtract package and prints its races and candidate pairs.
//   dotnet run --project samples/NewsExtract.Sample -- corpus/seed/seed-000.txt [yyyy-mm-dd]
using System.Globalization;
using NewsExtract;
using NewsExtract.Records;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: NewsExtract.Sample ARTICLE.txt [published yyyy-mm-dd]");
    return 2;
}
string path = args[0];
DateOnly? published = args.Length == 2 ? DateOnly.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

var extractor = NewsExtractor.CreateDefault(); // load once, share across threads
ArticleRecord record = extractor.Extract(File.ReadAllText(path), new ExtractionOptions
{
    Source = new SourceInfo { Path = path },
    Published = published,
});
if (record.Error is not null)
{
    Console.Error.WriteLine(record.Error.Message);
    return 1;
}

Console.WriteLine($"{path}: {record.Elections.Count} election(s), {record.Candidates.Count} candidate pair(s), {record.Entities.Count} entities");
foreach (var election in record.Elections)
    Console.WriteLine($"  race: {election.Type} {election.Region?.Name ?? "(national)"} {election.Year}");
foreach (var pair in record.Candidates)
{
    string number = pair.Number?.ToString(CultureInfo.InvariantCulture) ?? "-";
    Console.WriteLine($"  pair {number}: {pair.Head.Name} - {pair.Deputy?.Name ?? "?"} ({string.Join(", ", pair.Parties)})");
}
return 0;
