namespace ModelPipeline.Targets;

/// <summary>One invocation: parse, fill parameters, plan, check, run, summarize. Returns the exit code.</summary>
internal static class BuildRunner
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;

    public static int Run(
        Func<BuildDefinition> create,
        Type buildType,
        IReadOnlyList<string> args,
        Func<BuildDefinition, Target>? defaultTarget,
        BuildHost host)
    {
        var environment = host.Environment;
        var gitHubActions = IsTrue(environment, "GITHUB_ACTIONS");
        var serverBuild = gitHubActions || IsTrue(environment, "CI");
        var output = new MaskingWriter(host.Output, []);
        var logTarget = gitHubActions || host.Log is null ? host.Output : host.Log;
        var logOutput = ReferenceEquals(logTarget, host.Output) ? output : new MaskingWriter(logTarget, []);
        var verbose = false;
        var originalConsole = Console.Out;
        var originalError = Console.Error;
        try
        {
            var parameters = ParameterMember.Of(buildType);
            var arguments = ArgumentParser.Parse(args, parameters);
            verbose = arguments.Verbose;
            var root = FindRoot(arguments.Root, host.WorkingDirectory);
            if (arguments.GenerateSchema)
            {
                var path = Path.Combine(root, BuildSchema.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, BuildSchema.Generate(buildType));
                logOutput.WriteLine($"Wrote {path}");
                return Success;
            }

            var build = create();
            var defaults = parameters.ToDictionary(p => p, p => p.GetValue(build));
            var injection = new ParameterInjection(parameters);
            injection.Apply(build, arguments, environment, root, host.WorkingDirectory);
            ApplyEngineOptionsFromFile(arguments, injection.EngineOptionsFromFile);
            verbose = arguments.Verbose;

            var secrets = Secrets(build, parameters);
            if (gitHubActions)
            {
                foreach (var secret in secrets)
                {
                    host.Output.WriteLine($"::add-mask::{secret}");
                }
            }

            output = new MaskingWriter(host.Output, secrets);
            logOutput = ReferenceEquals(logTarget, host.Output) ? output : new MaskingWriter(logTarget, secrets);
            if (host.OwnsConsole)
            {
                Console.SetOut(output);
                Console.SetError(ReferenceEquals(logTarget, originalError) ? logOutput : new MaskingWriter(originalError, secrets));
            }

            var colors = host.IsTerminal && !serverBuild && !environment.ContainsKey("NO_COLOR");
            var log = new BuildLog(logOutput, output, new LogStyle(!serverBuild, colors, verbose, gitHubActions, host.IsTerminal && !serverBuild), host.Time);
            build.Log = log;
            build.RootDirectory = new AbsolutePath(root);
            build.IsServerBuild = serverBuild;
            build.IsGitHubActions = gitHubActions;
            build.CancellationToken = host.Cancellation;
            foreach (var key in injection.UnknownFileKeys)
            {
                log.Warning($".nuke/parameters.json: '{key}' is not a parameter of this build (ignored).");
            }

            foreach (var (parameter, source) in injection.Sources)
            {
                log.Debug($"{parameter.Name} = {(parameter.IsSecret ? "***" : TypedText.Show(Show(parameter.GetValue(build))))} (from {source})");
            }

            var graph = TargetGraph.Of(build);
            graph.CheckCycles();
            var defaultNode = defaultTarget is null ? null : graph.Resolve(defaultTarget(build), "default target");
            if (arguments.Help)
            {
                WriteLines(output, HelpText.Lines(graph, defaultNode, parameters, defaults));
                return Success;
            }

            build.NotifyInitialized();

            var requested = arguments.Targets.Select(graph.Find).Distinct().ToList();
            if (requested.Count == 0)
            {
                if (defaultNode is null)
                {
                    WriteLines(output, HelpText.Lines(graph, defaultNode, parameters, defaults));
                    throw new UsageException("No target given and the build has no default target.");
                }

                requested.Add(defaultNode);
            }

            var plan = graph.Plan(requested);
            var skipped = SkipRules.Apply(graph, plan, requested, arguments.Skip);
            if (arguments.Plan)
            {
                foreach (var (node, index) in plan.Select((n, i) => (n, i + 1)))
                {
                    output.WriteLine(skipped.TryGetValue(node, out var why) ? $"{index}. {node.Name} (skipped: {why})" : $"{index}. {node.Name}");
                }

                return Success;
            }

            var unmet = Requirements.Unmet(plan.Where(n => !skipped.ContainsKey(n)), parameters);
            if (unmet.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine, unmet.Select(m => m + ".")));
            }

            var started = host.Time.GetTimestamp();
            var executor = new TargetExecutor(log, logOutput, host.Time, gitHubActions, root, build.IsMistake, host.Cancellation);
            var results = executor.RunAsync(plan, skipped).GetAwaiter().GetResult();
            build.Results = results;
            build.NotifyFinished();
            if (results.Any(r => r.InputMistake))
            {
                // The mistake's own lines said it all: no table of targets that never started.
                return UsageError;
            }

            var width = host.IsTerminal && !serverBuild && host.Columns is > 0 and var columns ? columns : SummaryTable.DefaultWidth;
            foreach (var result in results.Where(r => r.Reason is not null && !r.ReasonLogged && SummaryTable.Shortens(r, results, width)))
            {
                log.Information($"{result.Name}: {SummaryTable.Outcome(result)}");
            }

            WriteLines(logOutput, SummaryTable.Lines(results, host.Time.GetElapsedTime(started), width));
            var failed = results.Where(r => r.Outcome == TargetOutcome.Failed).Select(r => r.Name).ToList();
            logOutput.WriteLine();
            if (host.Cancellation.IsCancellationRequested)
            {
                log.Plain("Build cancelled.", Ansi.Red);
                return TargetFailed;
            }

            if (failed.Count > 0)
            {
                log.Plain($"Build failed: {string.Join(", ", failed)}.", Ansi.Red);
                return TargetFailed;
            }

            log.Plain("Build succeeded.", Ansi.Green);
            return Success;
        }
        catch (UsageException error)
        {
            logOutput.WriteLine(error.Message);
            return UsageError;
        }
        catch (Exception error)
        {
            logOutput.WriteLine($"Build failed: {error.Message}");
            if (verbose)
            {
                logOutput.WriteLine(error.ToString());
            }

            return TargetFailed;
        }
        finally
        {
            output.Flush();
            logOutput.Flush();
            if (host.OwnsConsole)
            {
                Console.Error.Flush();
                Console.SetOut(originalConsole);
                Console.SetError(originalError);
            }
        }
    }

    /// <summary><c>Target</c>, <c>Skip</c>, <c>Verbose</c> from parameters.json, where the command line gave none.</summary>
    private static void ApplyEngineOptionsFromFile(ParsedArguments arguments, Dictionary<string, List<string>> fromFile)
    {
        if (arguments.Targets.Count == 0 && fromFile.TryGetValue("target", out var targets))
        {
            arguments.Targets.AddRange(targets);
        }

        if (arguments.Skip is null && fromFile.TryGetValue("skip", out var skip))
        {
            arguments.Skip = skip;
        }

        if (!arguments.Verbose && fromFile.TryGetValue("verbose", out var verbose))
        {
            arguments.Verbose = verbose is ["true"];
        }
    }

    /// <summary>The nearest folder at or above the working directory that contains <c>.nuke/</c>, else the working directory.</summary>
    internal static string FindRoot(string? explicitRoot, string workingDirectory)
    {
        if (explicitRoot is not null)
        {
            if (TypedText.IsImpossiblePath(explicitRoot))
            {
                throw new UsageException($"Root directory '{TypedText.Show(explicitRoot)}' is not a possible path (it holds a NUL character).");
            }

            var root = Path.GetFullPath(explicitRoot, workingDirectory);
            return Directory.Exists(root) ? root : throw new UsageException($"Root directory '{TypedText.Show(root)}' does not exist.");
        }

        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(workingDirectory);
    }

    /// <summary>Non-empty secret values; unset value-type secrets (a default 0) and flags are not masked.</summary>
    private static List<string> Secrets(BuildDefinition build, IReadOnlyList<ParameterMember> parameters) =>
        parameters.Where(p => p.IsSecret && !ValueConverter.IsFlag(p.Type))
            .Where(p => !p.Type.IsValueType || !Equals(p.GetValue(build), Activator.CreateInstance(p.Type)))
            .SelectMany(p => p.GetValue(build) switch
            {
                string text => [text],
                System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? ""),
                { } value => [value.ToString() ?? ""],
                null => [],
            })
            .Where(s => s.Length > 0)
            .ToList();

    private static string Show(object? value) => value switch
    {
        null => "(null)",
        string text => text,
        System.Collections.IEnumerable items => string.Join(' ', items.Cast<object?>()),
        _ => value.ToString() ?? "",
    };

    private static void WriteLines(TextWriter output, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static bool IsTrue(IDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) &&
        !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
