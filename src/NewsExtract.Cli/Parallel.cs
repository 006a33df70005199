namespace NewsExtract.Cli;

internal static class Parallel
{
    /// <summary>
    /// Maps items with up to <paramref name="threads"/> workers and yields results in input order, keeping at most
    /// a small window of items in flight so memory stays flat on long batches.
    /// </summary>
    public static IEnumerable<TOut> OrderedMap<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> map, int threads, CancellationToken ct)
    {
        if (threads <= 1)
        {
            foreach (var item in items)
            {
                ct.ThrowIfCancellationRequested();
                yield return map(item);
            }
            yield break;
        }
        var window = new Queue<Task<TOut>>();
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            var captured = item;
            window.Enqueue(Task.Factory.StartNew(() => map(captured), ct, TaskCreationOptions.None, TaskScheduler.Default));
            while (window.Count >= threads * 2)
                yield return window.Dequeue().GetAwaiter().GetResult();
        }
        while (window.Count > 0)
            yield return window.Dequeue().GetAwaiter().GetResult();
    }
}
