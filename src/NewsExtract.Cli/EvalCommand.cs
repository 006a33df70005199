using System.CommandLine;
using NewsExtract.Evaluation;
using NewsExtract.Ner;
using NewsExtract.Training;
using NewsExtract.Vocabulary;

namespace NewsExtract.Cli;

/// <summary>`newsextract eval GOLD_DIR`: field scores of the extractor on gold articles, and the evaluation gate.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var gold = new Argument<string?>("gold-dir")
        {
            Description = "The gold corpus folder (ID.txt + ID.gold.json files, splits/ lists); not with --conll.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var split = new Option<string>("--split", "-s")
        {
            Description = "The split to score: dev, test, train, real-dev, real-test (real articles; their text is read from the shared data), or all (every article available).",
            DefaultValueFactory = _ => "dev",
            // The help shows exactly the values accepted (the README's usage line must list the same: a test checks).
            HelpName = string.Join('|', SplitChoices),
        };
        split.AcceptOnlyFromAmong(SplitChoices);
        var errors = new Option<bool>("--errors") { Description = "List, per article, what was missed and what was spurious." };
        var report = new Option<string?>("--report") { Description = "Also write the scores and errors as JSON to <file>.", HelpName = "file" };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a field is below its pinned floor or the gold data changed." };
        var pin = new Option<bool>("--pin") { Description = "Pin the floors of this split to the current scores (less a margin) and the gold hash." };
        var floors = new Option<string?>("--floors") { Description = "The floors file (default: <gold-dir>/eval-floors.json).", HelpName = "file" };
        var ner = new Option<bool>("--ner") { Description = "Also score the entity tagger alone (the model and its baselines, exact span and type)." };
        var html = new Option<string?>("--html") { Description = "Also write a page of gold against prediction to <file>: each article with its missed, spurious and mismatched values marked.", HelpName = "file" };
        var model = new Option<string?>("--model") { Description = "Use this entity model <file> (from 'newsextract train') instead of the embedded one.", HelpName = "file" };
        var conll = new Option<string?>("--conll") { Description = "With --ner: score the entity tagger on this CoNLL <file> (token<TAB>BIO per line) instead of a corpus.", HelpName = "file" };
        var types = new Option<string?>("--types") { Description = "With --conll: map the file's types to PER/ORG/LOC (PERSON=PER,PLACE=LOC,ORGANISATION=ORG); spans of other types are left out of the score.", HelpName = "map" };
        var textCase = new Option<string>("--case")
        {
            Description = "With --ner: give the tagger the text as written, lowercased or upper-cased (offsets are kept).",
            DefaultValueFactory = _ => "as-written",
            HelpName = "as-written|lower|upper",
        };
        textCase.AcceptOnlyFromAmong("as-written", "lower", "upper");
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Articles to extract in parallel.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "n",
        };
        var command = new Command("eval", "Score the extractor on gold articles: precision, recall and F1 per field.\n\nExamples:\n  newsextract eval corpus --split dev\n  newsextract eval corpus --split dev --errors\n  newsextract eval corpus --split test --gate\n  newsextract eval corpus --split test --pin\n  newsextract eval corpus --split test --report scores.json\n  newsextract eval corpus --split dev --ner\n  newsextract eval corpus --split dev --ner --case lower\n  newsextract eval --ner --conll valid.txt --types PERSON=PER,PLACE=LOC,ORGANISATION=ORG --model ner.bin")
        {
            gold, split, errors, report, gate, pin, floors, ner, threads, html, model, conll, types, textCase,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(gate) && parse.GetValue(pin))
                return Task.FromResult(context.UsageError("--gate and --pin exclude each other: pin once, then gate."));
            int n = parse.GetValue(threads);
            if (n < 1) return Task.FromResult(context.UsageError("--threads must be 1 or more."));
            if (parse.GetValue(ner) && parse.GetValue(split) == CorpusEvaluation.AllArticles)
                return Task.FromResult(context.UsageError("--ner scores one split (dev, test or train), not all."));
            var forced = parse.GetValue(textCase) switch { "lower" => TextCase.Lower, "upper" => TextCase.Upper, _ => TextCase.AsWritten };
            if (forced != TextCase.AsWritten && !parse.GetValue(ner)) return Task.FromResult(context.UsageError("--case changes what the entity tagger reads: use it with --ner."));
            EntityModel? entityModel = null;
            if (parse.GetValue(model) is { } modelPath)
            {
                if (!File.Exists(modelPath)) return Task.FromResult(context.UsageError($"no model file '{modelPath}'."));
                try { entityModel = EntityModel.Load(modelPath); }
                catch (InvalidDataException ex) { context.Stderr.WriteLine($"newsextract: {ex.Message}"); return Task.FromResult(1); }
            }
            if (parse.GetValue(conll) is { } conllPath)
            {
                if (parse.GetValue(gold) is not null) return Task.FromResult(context.UsageError("give either <gold-dir> or --conll, not both."));
                if (!parse.GetValue(ner)) return Task.FromResult(context.UsageError("--conll scores the entity tagger: add --ner."));
                if (parse.GetValue(gate) || parse.GetValue(pin)) return Task.FromResult(context.UsageError("--gate and --pin work on a gold corpus, not on --conll."));
                return Task.FromResult(RunConll(context, conllPath, parse.GetValue(types), entityModel ?? EntityModel.Default, forced));
            }
            if (parse.GetValue(types) is not null) return Task.FromResult(context.UsageError("--types goes with --conll."));
            if (parse.GetValue(gold) is not { } goldDir) return Task.FromResult(context.UsageError("give a <gold-dir> (for example 'corpus') or --ner --conll FILE."));
            return Task.FromResult(Run(context, new EvalSettings(goldDir, parse.GetValue(split)!, parse.GetValue(errors),
                parse.GetValue(report), parse.GetValue(gate), parse.GetValue(pin), parse.GetValue(floors), n, parse.GetValue(ner), entityModel, forced) { Html = parse.GetValue(html) }, ct));
        });
        return command;
    }

    private static string[] SplitChoices => [.. GoldCorpus.AllSplitNames, CorpusEvaluation.AllArticles];

    internal sealed record EvalSettings(string GoldDir, string Split, bool Errors, string? Report, bool Gate, bool Pin, string? Floors, int Threads, bool Ner = false,
        EntityModel? Model = null, TextCase Case = TextCase.AsWritten)
    {
        /// <summary>--html FILE: the gold-against-prediction page.</summary>
        public string? Html { get; init; }
    }

    /// <summary>The entity tagger's strict entity scores on a CoNLL file (the published measure of the public NER sets).</summary>
    internal static int RunConll(CliContext context, string path, string? typeSpec, EntityModel model, TextCase textCase)
    {
        if (!File.Exists(path)) return context.UsageError($"no CoNLL file '{path}'.");
        ConllTypeMap types;
        try { types = typeSpec is null ? ConllTypeMap.Identity : ConllTypeMap.Parse(typeSpec); }
        catch (FormatException ex) { return context.UsageError($"--types: {ex.Message}"); }
        List<ConllSentence> sentences;
        try { sentences = ConllCorpus.Read(path, types); }
        catch (InvalidDataException ex)
        {
            context.Stderr.WriteLine($"newsextract: {ex.Message}");
            return 1;
        }
        var vocabularies = Vocabularies.Default;
        var ner = model.Model;
        string caseNote = textCase == TextCase.AsWritten ? "" : $", text {textCase.ToString().ToLowerInvariant()}cased";
        var systems = new List<NerSystemScores>
        {
            new("model", $"the entity model ({ner.FeatureCount:N0} features, groups {ner.Groups}{caseNote})", ConllCorpus.Score(sentences, d => ner.Tag(d, vocabularies), textCase)),
            new("gazetteer", "vocabulary only: regions are LOC; parties, coalitions and institutions are ORG", ConllCorpus.Score(sentences, d => GazetteerTagger.Tag(d, vocabularies), textCase)),
        };
        context.Stdout.Write(ConllCorpus.Render(path + caseNote, sentences.Count, sentences.Sum(s => s.Text.Split(' ').Length), systems));
        return 0;
    }

    internal static int Run(CliContext context, EvalSettings s, CancellationToken ct)
    {
        GoldCorpus corpus;
        try
        {
            corpus = GoldCorpus.Load(s.GoldDir);
            // Scores over nothing are all 1.000 (nothing in gold, nothing predicted): refuse, as pytest does when no test ran.
            if (CorpusEvaluation.Articles(corpus, s.Split).Count == 0)
                return context.UsageError(corpus.Articles.Count == 0
                    ? $"no gold articles in '{s.GoldDir}': eval needs ID.txt + ID.gold.json pairs (see corpus/GUIDELINES.md); nothing was scored."
                    : $"the {s.Split} split of '{s.GoldDir}' lists no articles; nothing was scored.");
        }
        catch (GoldTextUnavailableException ex)
        {
            // A fresh clone has no shared data: the real splits cannot be scored, and that is not a failure.
            context.Stderr.WriteLine($"newsextract: {ex.Message}");
            return 0;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
        {
            return context.UsageError(ex.Message);
        }

        EvaluationReport result;
        try
        {
            result = CorpusEvaluation.Run(corpus, s.Split, s.Model is null ? NewsExtractor.CreateDefault() : NewsExtractor.Create(s.Model), s.Threads, ct);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is InvalidDataException))
        {
            foreach (var inner in ex.InnerExceptions) context.Stderr.WriteLine($"newsextract: {inner.Message}");
            return 1;
        }
        context.Stdout.Write(result.Render(s.Errors));
        if (s.Ner)
        {
            context.Stdout.WriteLine();
            try
            {
                // The second baseline is the shipped model's training run without vocabulary features: trained here,
                // on the train split with the default options (deterministic, about half a minute with the case copies).
                var train = corpus.Splits.ContainsKey("train") ? corpus.Split("train") : [];
                NerModel? withoutVocabulary = null;
                if (train.Count > 0)
                {
                    context.Stderr.WriteLine($"newsextract: training the no-vocabulary baseline on the train split ({train.Count} articles) ...");
                    var (examples, _) = NerGold.Align(train);
                    withoutVocabulary = NerTrainer.Train(examples, new NerTrainingOptions().WithoutVocabulary(), Vocabularies.Default, out _);
                }
                else
                {
                    context.Stderr.WriteLine("newsextract: no train split: the no-vocabulary baseline is left out of the report.");
                }
                context.Stdout.Write(NerEvaluation.Run(corpus, s.Split, s.Model?.Model, withoutVocabulary, textCase: s.Case).Render());
            }
            catch (InvalidDataException ex)
            {
                context.Stderr.WriteLine($"newsextract: --ner: {ex.Message}");
                return 1;
            }
        }

        if (s.Report is not null)
        {
            string temp = Path.GetFullPath(s.Report) + ".tmp";
            using (var stream = File.Create(temp)) result.WriteJson(stream);
            File.Move(temp, Path.GetFullPath(s.Report), overwrite: true);
        }
        if (s.Html is not null)
        {
            // The page extracts the split again (the report keeps no records); a dev split takes seconds.
            var page = NewsExtract.Report.GoldReport.Build(corpus, s.Split, NewsExtractor.CreateDefault(), s.Threads, ct, $"NewsExtract evaluation: {s.Split} split, gold against prediction");
            ViewCommand.WritePage(page, s.Html, context.Stdout);
            context.Stderr.WriteLine($"newsextract: wrote {s.Html}: {page.Articles.Count} article(s), gold against prediction.");
        }

        string floorsPath = s.Floors ?? Path.Combine(s.GoldDir, "eval-floors.json");
        string pinCommand = $"newsextract eval {s.GoldDir} --split {s.Split} --pin" + (s.Floors is null ? "" : $" --floors {s.Floors}");
        if (s.Pin)
        {
            EvaluationFloors floors;
            try
            {
                floors = File.Exists(floorsPath) ? EvaluationFloors.Load(floorsPath) : EvaluationFloors.Empty();
            }
            catch (InvalidDataException ex)
            {
                context.Stderr.WriteLine($"newsextract: {ex.Message}");
                return 1;
            }
            var lowered = floors.Pin(result);
            floors.Save(floorsPath);
            context.Stdout.WriteLine();
            context.Stdout.WriteLine($"Pinned the floors of the {s.Split} split in {floorsPath} (F1 rounded down to 0.01, less {EvaluationFloors.Margin:0.00}).");
            if (lowered.Count > 0)
            {
                context.Stdout.WriteLine("Floors that went DOWN (commit this on its own and say why):");
                foreach (var line in lowered) context.Stdout.WriteLine($"  {line}");
            }
        }
        if (s.Gate)
        {
            if (!File.Exists(floorsPath))
            {
                context.Stderr.WriteLine($"newsextract: gate: there is no floors file {floorsPath}; pin the floors with '{pinCommand}'.");
                return 1;
            }
            IReadOnlyList<string> failures;
            try
            {
                failures = EvaluationFloors.Load(floorsPath).Check(result, pinCommand);
            }
            catch (InvalidDataException ex)
            {
                context.Stderr.WriteLine($"newsextract: {ex.Message}");
                return 1;
            }
            context.Stdout.WriteLine();
            if (failures.Count > 0)
            {
                foreach (var failure in failures) context.Stderr.WriteLine($"newsextract: gate: {failure}");
                context.Stdout.WriteLine($"Gate FAILED on the {s.Split} split: {failures.Count} problem(s).");
                return 1;
            }
            context.Stdout.WriteLine($"Gate passed on the {s.Split} split: every field at or above its floor in {floorsPath}.");
        }
        return 0;
    }
}
