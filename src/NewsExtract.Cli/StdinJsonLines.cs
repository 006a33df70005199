namespace NewsExtract.Cli;

/// <summary>
/// Standard input as a stream of JSON lines. Extraction then works as a streaming filter, JSONL in and JSONL out,
/// record by record with bounded memory, which is what the mapper of Hadoop Streaming or Spark's <c>RDD.pipe</c>
/// needs. Input whose first character is "{" is JSON Lines (an article's text never starts with a brace); anything
/// else is one article, read whole as before.
/// </summary>
internal static class StdinJsonLines
{
    public readonly record struct Line(int Number, string Text);

    /// <summary>Whether standard input holds JSON lines; reads nothing (one character of look-ahead).</summary>
    public static bool IsJsonLines(TextReader stdin) => stdin.Peek() == '{';

    /// <summary>Reads one line at a time and maps it; blank lines are skipped, line numbers count from 1.</summary>
    public static IEnumerable<T> Read<T>(TextReader stdin, Func<Line, T> map)
    {
        int number = 0;
        while (stdin.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text)) yield return map(new Line(number, text));
        }
    }
}
