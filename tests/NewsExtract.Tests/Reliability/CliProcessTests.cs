using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsExtract.Cli;
using NewsExtract.Records;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Issue 15: nothing a user feeds the CLI may crash a batch, hang, leave debris or lose output. Each test runs the
/// built tool as its own process (exit codes, signals, pipes, FIFOs and devices are the real ones) and checks that
/// every input given is accounted for: a record or an error record each, in order.
/// </summary>
public sealed class CliProcessTests
{
    private const string Article =
        "KUPANG (ANTARA) - Komisi Pemilihan Umum (KPU) Kota Kupang menetapkan dua pasangan calon wali kota pada Senin (23/9/2024).";

    private static string Page(string body) =>
        $"<html><head><title>Pengundian</title><link rel=\"canonical\" href=\"/berita/1\"></head><body><article><p>{body}</p></article></body></html>";

    private static string JsonLine(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields);

    // 1. Relative or malformed crawl URLs threw UriFormatException in the metadata reader and ended the batch.
    [PosixFact]
    public void Relative_or_malformed_urls_in_a_crawl_give_a_record_each()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("good.txt", Article);
        string[] urls = ["", "u", "www.kompas.com/a", "http://a b"];
        string crawl = tmp.File("u.jsonl", string.Concat(urls.Select(u => JsonLine(new() { ["url"] = u, ["html"] = Page(Article) }) + "\n")));

        var r = CliProcess.Run(["extract", good, crawl, good]);

        Assert.True(r.Exit == 0, r.ToString());
        var records = r.Records;
        Assert.Equal(6, records.Length);
        Assert.All(records, x => Assert.Null(x.Error));
        Assert.Equal(urls, records[1..5].Select(x => x.Source.Url));
        Assert.All(records[1..5], x => Assert.Contains("Kupang", x.Text));
    }

    // 2. "\ud800" alone is valid JSON but no string: GetString threw InvalidOperationException.
    [PosixFact]
    public void A_lone_surrogate_escape_is_read_as_a_replacement_character_with_a_warning()
    {
        using var tmp = new TempFolder();
        string crawl = tmp.File("s.jsonl",
            "{\"url\":\"a\",\"text\":\"x \\ud800 " + Article + "\"}\n" +
            "{\"url\":\"b\",\"text\":\"\\udc00 " + Article + "\",\"title\":\"t \\udbff\"}\n" +
            "{\"url\":\"c\",\"text\":\"ok \\ud83d\\ude00 \\\\ud800 " + Article + "\"}\n");

        var r = CliProcess.Run(["extract", crawl]);

        Assert.True(r.Exit == 0, r.ToString());
        var records = r.Records;
        Assert.Equal(3, records.Length);
        Assert.StartsWith("x \uFFFD", records[0].Text);
        Assert.Contains(records[0].Warnings, w => w.Contains("unpaired surrogate"));
        Assert.StartsWith("\uFFFD", records[1].Text);
        Assert.Equal("t \uFFFD", records[1].Source.Title);
        Assert.StartsWith("ok \U0001F600 \\ud800", records[2].Text); // a pair, and an escaped backslash, stay as they are
        Assert.DoesNotContain(records[2].Warnings, w => w.Contains("surrogate"));
    }

    // 3. <meta charset="utf-7"> threw NotSupportedException in the HTML decoder (and in the parser).
    [PosixTheory]
    [InlineData("utf-7")]
    [InlineData("csUnicode11UTF7")]
    [InlineData("unicode-1-1-utf-7")]
    public void A_utf7_charset_is_read_like_an_unknown_one(string charset)
    {
        using var tmp = new TempFolder();
        string page = tmp.File("p.html", $"<html><head><meta charset=\"{charset}\"></head><body><article><p>{Article}</p></article></body></html>");

        var r = CliProcess.Run(["extract", page, tmp.File("good.txt", Article)]);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(2, r.Records.Length);
        var record = r.Records[0];
        Assert.Null(record.Error);
        Assert.Contains("Kupang", record.Text);
        Assert.Contains(record.Warnings, w => w.Contains(charset, StringComparison.OrdinalIgnoreCase));
    }

    // 4. A crash and "some inputs failed" both gave exit 1.
    [PosixFact]
    public void Exit_codes_tell_success_failed_inputs_usage_and_internal_errors_apart()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("good.txt", Article);

        var ok = CliProcess.Run(["extract", good]);
        var failed = CliProcess.Run(["extract", good, Path.Combine(tmp.Path, "missing.txt")]);
        var usage = CliProcess.Run(["extract", good, "--threads", "0"]);

        Assert.True(ok.Exit == 0, ok.ToString());
        Assert.True(failed.Exit == 1, failed.ToString());
        Assert.Equal(2, failed.Records.Length);
        Assert.Contains("no such file", failed.Records[1].Error!.Message);
        Assert.True(usage.Exit == 2, usage.ToString());
        Assert.Equal("", usage.Out);

        // A bug of the tool (here: standard output throws something that is no I/O error) is exit 3, with the exception.
        var stderr = new StringWriter();
        int code = Program.RunGuarded(["extract", good], new CliContext(Stream.Null, new ThrowingWriter(), stderr));
        Assert.Equal(3, code);
        Assert.Contains("internal error", stderr.ToString());
        Assert.Contains(nameof(InvalidOperationException), stderr.ToString());
    }

    // 4. An input that made the date rules throw (a publication day at the end of the calendar) ended the batch.
    [PosixFact]
    public void A_publication_day_at_the_end_of_the_calendar_is_no_crash()
    {
        using var tmp = new TempFolder();
        string relative = tmp.File("rel.txt", "Pilkada digelar besok, Senin (23/9), dan kemarin KPU Kota Blitar rapat.");
        string crawl = tmp.File("c.jsonl", JsonLine(new() { ["url"] = "https://x.id/1", ["text"] = "KPU rapat besok.", ["published"] = "0001-01-01" }) + "\n");

        var r = CliProcess.Run(["extract", relative, crawl, "--published", "9999-12-31"]);
        var early = CliProcess.Run(["extract", crawl]);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(2, r.Records.Length);
        Assert.True(early.Exit == 0, early.ToString());
        Assert.Single(early.Records);
    }

    // 5. Folder walks followed links to folders (41 copies per link, endless with two) and an unreadable folder crashed.
    [PosixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Folder_walks_do_not_follow_links_to_folders_and_report_unreadable_folders()
    {
        using var tmp = new TempFolder();
        string d = Path.Combine(tmp.Path, "d");
        tmp.File("d/a.txt", Article);
        tmp.File("d/sub/b.txt", Article);
        tmp.File("d/locked/c.txt", Article);
        File.CreateSymbolicLink(Path.Combine(d, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(d, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(d, "link.txt"), Path.Combine(d, "a.txt")); // a link to a file is read
        File.SetUnixFileMode(Path.Combine(d, "locked"), UnixFileMode.None);
        try
        {
            // root reads any folder: the run drops to user nobody so that "locked" really is unreadable.
            string run = CliProcess.IsRoot ? "setpriv --reuid 65534 --regid 65534 --clear-groups dotnet" : "dotnet";
            var r = CliProcess.Shell($"exec {run} \"$CLI_DLL\" extract '{d}'", timeoutSeconds: 60);

            Assert.True(r.Exit == 1, r.ToString());
            var records = r.Records;
            Assert.Equal(
                [Path.Combine(d, "a.txt"), Path.Combine(d, "link.txt"), Path.Combine(d, "locked"), Path.Combine(d, "sub", "b.txt")],
                records.Select(x => x.Source.Path));
            Assert.Null(records[0].Error);
            Assert.Null(records[1].Error);
            Assert.Contains("cannot read the folder", records[2].Error!.Message);
            Assert.Null(records[3].Error);
            Assert.Contains("not followed", r.Err);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(d, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // 6. A FIFO blocked forever; /dev/zero was read until memory ran out, and later inputs were lost.
    [PosixFact]
    public void Fifos_and_devices_get_error_records_and_the_batch_goes_on()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("good.txt", Article);
        string fifo = Path.Combine(tmp.Path, "pipe.txt");
        CliProcess.MakeFifo(fifo);
        tmp.File("d/a.txt", Article);
        CliProcess.MakeFifo(Path.Combine(tmp.Path, "d", "b.txt"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "d", "c.txt"), "/dev/zero");

        var r = CliProcess.Run(["extract", good, "/dev/zero", fifo, Path.Combine(tmp.Path, "d"), good], timeoutSeconds: 60);

        Assert.True(r.Exit == 1, r.ToString());
        var records = r.Records;
        Assert.Equal(7, records.Length);
        Assert.Null(records[0].Error);
        Assert.Contains("character device", records[1].Error!.Message);
        Assert.Contains("FIFO", records[2].Error!.Message);
        Assert.Null(records[3].Error);
        Assert.Contains("FIFO", records[4].Error!.Message);
        Assert.Contains("character device", records[5].Error!.Message);
        Assert.Null(records[6].Error);
    }

    // 10. Standard input was read whole before the size check (630 MB of input took 2.4 GB).
    [PosixFact]
    public void Standard_input_over_max_bytes_is_refused_while_reading()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("good.txt", Article);

        // An endless standard input: the limit must stop the read, then the next input still comes.
        var r = CliProcess.Shell($"exec dotnet \"$CLI_DLL\" extract - '{good}' --max-bytes 1000000 < /dev/zero", timeoutSeconds: 60);

        Assert.True(r.Exit == 1, r.ToString());
        var records = r.Records;
        Assert.Equal(2, records.Length);
        Assert.Contains("--max-bytes", records[0].Error!.Message);
        Assert.Null(records[1].Error);
    }

    // 7. SIGINT, SIGTERM or SIGHUP left the partial .NAME.PID.tmp behind.
    [PosixTheory]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(1)]
    public void A_signal_during_an_output_run_leaves_the_old_file_and_no_temporary_file(int signal)
    {
        using var tmp = new TempFolder();
        string crawl = Crawl(tmp, 20_000);
        string output = tmp.File("out/records.jsonl", "old\n");
        string temp = Path.Combine(tmp.Path, "out", ".records.jsonl.");

        using var process = Process.Start(CliProcess.StartInfo(["extract", crawl, "-o", output]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        // Wait until records are being written into the temporary file, then signal the process.
        var watch = Stopwatch.StartNew();
        while (!Directory.GetFiles(Path.Combine(tmp.Path, "out")).Any(f => f.StartsWith(temp) && new FileInfo(f).Length > 0))
        {
            Assert.False(process.HasExited, $"the run ended before it could be signalled: exit {(process.HasExited ? process.ExitCode : 0)}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "no temporary output appeared within 60 s");
            Thread.Sleep(50);
        }
        CliProcess.Signal(process.Id, signal);
        Assert.True(process.WaitForExit(30_000), "the process did not stop after the signal");

        Assert.Equal(128 + signal, process.ExitCode);
        Assert.Contains("was not written", stderr.Result);
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(["records.jsonl"], Directory.GetFiles(Path.Combine(tmp.Path, "out")).Select(Path.GetFileName));
    }

    // 7. On a full disk the temporary file stayed behind (and kept the disk full).
    [PosixFact]
    public void A_failed_write_removes_the_temporary_file_and_keeps_the_old_output()
    {
        using var tmp = new TempFolder();
        string crawl = Crawl(tmp, 200);
        string output = tmp.File("out/records.jsonl", "old\n");

        // A file size limit makes write(2) fail (EFBIG) the way a full disk does (ENOSPC), past the first few kB. The
        // runtime's double-mapped code memory needs a file larger than that, hence W^X off for this process.
        var r = CliProcess.Shell($"trap '' XFSZ; ulimit -f 16; DOTNET_EnableWriteXorExecute=0 exec dotnet \"$CLI_DLL\" extract '{crawl}' -o '{output}'", timeoutSeconds: 60);

        Assert.True(r.Exit == 1, r.ToString());
        Assert.Contains("cannot write --output", r.Err);
        Assert.DoesNotContain("Unhandled", r.Err);
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(["records.jsonl"], Directory.GetFiles(Path.Combine(tmp.Path, "out")).Select(Path.GetFileName));
    }

    // 8. A link given as --output was replaced by a regular file.
    [PosixFact]
    public void Output_through_a_link_writes_the_file_it_points_to_and_keeps_the_link()
    {
        using var tmp = new TempFolder();
        string real = tmp.File("real.jsonl", "old\n");
        string link = Path.Combine(tmp.Path, "link.jsonl");
        File.CreateSymbolicLink(link, "real.jsonl");

        var r = CliProcess.Run(["extract", tmp.File("good.txt", Article), "-o", link]);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("real.jsonl", new FileInfo(link).LinkTarget);
        Assert.Single(File.ReadAllLines(real));
        Assert.Contains("Kupang", File.ReadAllText(real));
        Assert.Equal(["link.jsonl", "real.jsonl"], Directory.GetFiles(tmp.Path, "*.jsonl").Select(Path.GetFileName).Order());
    }

    // 8. A device or FIFO given as --output was replaced by a regular file (as root, /dev/null itself).
    [PosixFact]
    public void Output_to_a_fifo_is_written_in_place()
    {
        using var tmp = new TempFolder();
        string fifo = Path.Combine(tmp.Path, "out.fifo");
        CliProcess.MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo)); // opening a FIFO for reading waits for its writer

        var r = CliProcess.Run(["extract", tmp.File("good.txt", Article), "-o", fifo]);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.True(reader.Wait(30_000), "nothing was written to the FIFO");
        Assert.Contains("Kupang", reader.Result);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    // 8. A folder or a missing parent as --output was found only after all the work.
    [PosixFact]
    public void An_output_folder_or_missing_parent_is_a_usage_error_before_any_work()
    {
        using var tmp = new TempFolder();
        string missingInput = Path.Combine(tmp.Path, "missing.txt"); // reported only if the batch runs

        var folder = CliProcess.Run(["extract", missingInput, "-o", tmp.Path]);
        var parent = CliProcess.Run(["extract", missingInput, "-o", Path.Combine(tmp.Path, "no", "such", "out.jsonl")]);

        foreach (var r in new[] { folder, parent })
        {
            Assert.True(r.Exit == 2, r.ToString());
            Assert.Equal("", r.Out);
            Assert.DoesNotContain("missing.txt", r.Err);
        }
        Assert.Contains("is a folder", folder.Err);
        Assert.Contains("does not exist", parent.Err);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "no")));
    }

    // 9. extract crawl.jsonl | head -n1 processed everything and exited 0.
    [PosixFact]
    public void A_closed_standard_output_stops_the_batch_quietly()
    {
        using var tmp = new TempFolder();
        string crawl = Crawl(tmp, 20_000);

        using var process = Process.Start(CliProcess.StartInfo(["extract", crawl]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        string? first = process.StandardOutput.ReadLine();
        process.StandardOutput.Close(); // as head does after its line
        var watch = Stopwatch.StartNew();
        Assert.True(process.WaitForExit(30_000), "the batch went on after its reader had gone");

        Assert.NotNull(first);
        Assert.Equal(141, process.ExitCode);
        Assert.Equal("", stderr.Result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed} to stop");
    }

    // 10. Size limits are options, and an input over them is an error record that names the option.
    [PosixFact]
    public void Inputs_over_the_size_limits_get_error_records_naming_the_option()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("good.txt", Article);
        string big = tmp.File("big.txt", string.Join(" ", Enumerable.Repeat(Article, 20_000))); // 2.4 MB
        string bigPage = tmp.File("big.html", Page(string.Join("</p><p>", Enumerable.Repeat(Article, 20_000))));
        var lines = new StringBuilder();
        lines.Append(JsonLine(new() { ["url"] = "1", ["text"] = Article })).Append('\n');
        lines.Append(JsonLine(new() { ["url"] = "2", ["text"] = string.Join(" ", Enumerable.Repeat(Article, 20_000)) })).Append('\n');
        lines.Append(JsonLine(new() { ["url"] = "3", ["text"] = Article })).Append('\n');
        string crawl = tmp.File("c.jsonl", lines.ToString());

        var r = CliProcess.Run(["extract", good, big, bigPage, crawl, good, "--max-bytes", "1000000"]);
        var chars = CliProcess.Run(["extract", big, good, "--max-chars", "1000"]);

        Assert.True(r.Exit == 1, r.ToString());
        var records = r.Records;
        Assert.Equal(7, records.Length);
        Assert.Equal([null, "big", "big", null, "big", null, null],
            records.Select(x => x.Error is null ? null : x.Error.Message.Contains("--max-bytes") ? "big" : x.Error.Message));
        Assert.Equal(crawl + ":3", records[5].Source.Path);
        Assert.True(chars.Exit == 1, chars.ToString());
        Assert.Contains("--max-chars", chars.Records[0].Error!.Message);
        Assert.Null(chars.Records[1].Error);
    }

    // 10. Shapes that were superlinear near the character limit (hyphenated names, a repeated region phrase) finish.
    [PosixFact]
    public void Large_hostile_texts_complete_with_a_record()
    {
        using var tmp = new TempFolder();
        string names = tmp.File("names.txt", string.Join(" ", Enumerable.Repeat("Ahmad-Sahroni", 100_000)));
        string regions = tmp.File("regions.txt", string.Join(" ", Enumerable.Repeat("Kabupaten Ngada, Nusa Tenggara Timur.", 25_000)));

        var r = CliProcess.Run(["extract", names, regions], timeoutSeconds: 120);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(2, r.Records.Length);
        Assert.All(r.Records, x => Assert.Null(x.Error));
        Assert.NotEmpty(r.Records[1].Entities);
    }

    // 10. Memory bounds: an element-dense page cost about 150 MB per MB; an endless standard input was read whole.
    [LinuxFact]
    public void Element_dense_pages_and_endless_input_stay_within_bounded_memory()
    {
        using var tmp = new TempFolder();
        string dense = tmp.File("dense.html", "<html><body>" + string.Concat(Enumerable.Repeat("<b>a</b>", 1_000_000)) + "</body></html>"); // 8 MB
        string good = tmp.File("good.txt", Article);

        var page = CliProcess.Run(["extract", dense, good], timeoutSeconds: 120);
        var stdin = CliProcess.Shell($"exec dotnet \"$CLI_DLL\" extract - '{good}' < /dev/zero", timeoutSeconds: 60);

        Assert.True(page.Exit == 0, page.ToString());
        Assert.Equal(2, page.Records.Length);
        Assert.Contains(page.Records[0].Warnings, w => w.Contains("100,000 elements"));
        Assert.InRange(page.PeakRss, 1, 600L << 20); // 1.2 GB before the element cap
        Assert.True(stdin.Exit == 1, stdin.ToString());
        Assert.Equal(2, stdin.Records.Length);
        Assert.Contains("--max-bytes", stdin.Records[0].Error!.Message);
        Assert.InRange(stdin.PeakRss, 1, 400L << 20);
    }

    // 11. A title or url starting with = + - @ was written raw into CSV.
    [PosixFact]
    public void Csv_cells_that_would_start_a_formula_are_neutralised()
    {
        using var tmp = new TempFolder();
        string crawl = tmp.File("c.jsonl",
            JsonLine(new() { ["url"] = "@SUM(A1)", ["title"] = "=HYPERLINK(\"http://x\",\"y\")", ["text"] = Article }) + "\n" +
            JsonLine(new() { ["url"] = "+cmd", ["title"] = "-2+3", ["text"] = Article }) + "\n");

        var r = CliProcess.Run(["extract", crawl, "-f", "csv"]);

        Assert.True(r.Exit == 0, r.ToString());
        string csv = r.Out;
        Assert.Contains("\"'@SUM(A1)\"", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", csv);
        Assert.Contains("\"'+cmd\"", csv);
        Assert.Contains("\"'-2+3\"", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.DoesNotContain(",@", csv);
    }

    // 12. Depth 64 rejected lines whose unrelated fields nest deeper; invalid UTF-8 in a line gave no warning.
    [PosixFact]
    public void Deep_unrelated_fields_are_read_and_invalid_utf8_in_a_line_is_reported()
    {
        using var tmp = new TempFolder();
        string deep = new string('[', 500) + new string(']', 500);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"url\":\"1\",\"meta\":" + deep + ",\"text\":\"" + Article + "\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"url\":\"2\",\"text\":\"caf"));
        bytes.Add(0xE9); // windows-1252 é inside a UTF-8 line
        bytes.AddRange(Encoding.UTF8.GetBytes(" " + Article + "\"}\n"));
        string crawl = Path.Combine(tmp.Path, "c.jsonl");
        File.WriteAllBytes(crawl, bytes.ToArray());

        var r = CliProcess.Run(["extract", crawl]);

        Assert.True(r.Exit == 0, r.ToString());
        var records = r.Records;
        Assert.Equal(2, records.Length);
        Assert.Contains("Kupang", records[0].Text);
        Assert.StartsWith("caf\uFFFD", records[1].Text);
        Assert.Contains(records[1].Warnings, w => w.Contains("not valid UTF-8"));
    }

    // Done when: across all these hostile inputs, no good input is ever lost.
    [PosixFact]
    public void No_good_input_is_lost_among_hostile_ones()
    {
        using var tmp = new TempFolder();
        var goods = Enumerable.Range(0, 5).Select(i => tmp.File($"good{i}.txt", Article.Replace("Kupang", $"Kupang{i}"))).ToArray();
        string fifo = Path.Combine(tmp.Path, "fifo.txt");
        CliProcess.MakeFifo(fifo);
        string loop = Path.Combine(tmp.Path, "loop");
        tmp.File("loop/inner.txt", Article);
        File.CreateSymbolicLink(Path.Combine(loop, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(loop, "again"), ".");
        string crawl = tmp.File("c.jsonl",
            JsonLine(new() { ["url"] = "www.kompas.com/a", ["html"] = Page(Article) }) + "\n" +
            "{\"url\":\"x\",\"text\":\"\\ud800\"}\n" +
            "{not json\n");
        string utf7 = tmp.File("u7.html", "<html><head><meta charset=\"utf-7\"></head><body><p>KPU</p></body></html>");
        string big = tmp.File("big.txt", new string('a', 2_000_000));

        var r = CliProcess.Run(["extract", goods[0], "/dev/zero", goods[1], fifo, crawl, goods[2], utf7, loop, big, goods[3],
            Path.Combine(tmp.Path, "missing.txt"), goods[4], "--max-bytes", "1000000", "--threads", "2"], timeoutSeconds: 90);

        Assert.True(r.Exit == 1, r.ToString());
        var records = r.Records;
        Assert.Equal(14, records.Length);
        for (int i = 0; i < 5; i++)
        {
            var record = Assert.Single(records, x => x.Source.Path == goods[i]);
            Assert.Null(record.Error);
            Assert.Contains($"Kupang{i}", record.Text);
        }
    }

    /// <summary>A crawl file of <paramref name="lines"/> lines, each a short article.</summary>
    private static string Crawl(TempFolder tmp, int lines)
    {
        var text = new StringBuilder();
        for (int i = 0; i < lines; i++)
            text.Append(JsonLine(new() { ["url"] = $"https://x.id/{i}", ["text"] = Article + " " + Article })).Append('\n');
        return tmp.File("crawl.jsonl", text.ToString());
    }

    private sealed class ThrowingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("a bug in a writer");

        public override void Write(string? value) => throw new InvalidOperationException("a bug in a writer");
    }

    // A redirect into the folder being read: the output file was read back as a growing .jsonl input, forever.
    [LinuxFact]
    public void Redirecting_into_the_folder_being_read_does_not_read_the_output_back()
    {
        using var tmp = new TempFolder();
        tmp.File("in/a.txt", Article);
        // The shell creates out.jsonl inside the folder before newsextract starts: a .jsonl input that grows as it is read.
        var run = CliProcess.Shell("exec dotnet \"$CLI_DLL\" extract . --quiet > out.jsonl", timeoutSeconds: 60, workDir: Path.Combine(tmp.Path, "in"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("own standard output", run.Err);
        Assert.Single(File.ReadAllLines(Path.Combine(tmp.Path, "in", "out.jsonl")));
    }
}
