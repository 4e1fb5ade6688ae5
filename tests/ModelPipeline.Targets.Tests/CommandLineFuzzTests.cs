using System.Text;

namespace ModelPipeline.Targets.Tests;

/// <summary>
/// Mutated command lines, run in-process through <see cref="BuildRunner"/> (parse, fill parameters, plan, run): the
/// answer is success (exit 0) or one line of usage error (exit 2), never exit 1 for the engine's own exception, a
/// stack trace, or more than one line.
/// </summary>
[Trait("Category", FuzzCases.Category)]
public sealed class CommandLineFuzzTests
{
    /// <summary>Real-looking command lines, one word a line (the mutations' newlines split and join words).</summary>
    private static readonly string[][] Seeds =
    [
        ["Evaluate", "--pipeline", "churn", "--seed", "7"],
        ["Package", "--plan", "--skip", "Restore"],
        ["--tags", "a", "b", "c", "--force", "--holdout", "0.3", "Evaluate"],
        ["--deployment", "production", "--budget", "5", "--output", "out/dir", "Retrain"],
        ["--help"],
        ["--seed=12", "--force=false", "--dry-run", "true", "Evaluate"],
        ["Push", "--registry", "localhost:5000", "--registry-token", "s3cret-value", "--stages", "Development", "Production"],
        ["--root", "sub", "Evaluate", "--verbose"],
        ["--limit", "9999999999", "--price", "1.25", "--inputs", "a.csv", "b/c.csv", "--target", "Retrain", "--skip"],
        ["-h", "Push"],
    ];

    /// <summary>Words inserted whole: options as typed (any case, dashes, <c>=</c>), values of the wrong type, odd words.</summary>
    private static readonly string[] Words =
    [
        "--pipeline", "--registry", "--registry-token", "--force", "--seed", "--limit", "--holdout", "--price", "--deployment",
        "--stages", "--tags", "--output", "--inputs", "--budget", "--dry-run", "--skip", "--plan", "--target", "--root", "--verbose",
        "--help", "-h", "--Seed=", "--SEED", "--re-gis-try", "--seeed", "--=", "--", "-", "---", "----x", "--x=y=z", "",
        " ", "=", "Evaluate", "evaluate", "Pakage", "Default", "true", "FALSE", "1", "-1", "0x10", "1e400", "NaN", "-Infinity",
        "99999999999999999999", "1,5", "production", "Staging", "/", ".", "..", "~", "nul\0l", "\u00e9\u0301", "\uffff",
        "\ud800", "a\nb", "--see\nd", "Eval\r\nuate", "\u001b[2J", "1\t2", "C:\\x", "sub", "--root=sub", "--root=/nonexistent-root", "--generate-schema-not",
    ];

    private static readonly string Root = CreateRoot();

    /// <summary>Fuzz case 319: a NUL in --root reached Path.GetFullPath ("Build failed: Null character in path.", exit 1).</summary>
    [Theory]
    [InlineData("--root", "nul\0l", "Root directory 'nul\\0l' is not a possible path (it holds a NUL character).")]
    [InlineData("--output", "a\0b", "Invalid value 'a\\0b' for parameter 'Output' (--output, from the command line): expected path (a path cannot hold a NUL character).")]
    public void Arguments_NulInAPath_IsAUsageErrorWithTheCharacterEscaped(string option, string value, string expected)
    {
        var run = BuildRun.Of(new CommandLineFuzzBuild(), [option, value, "Evaluate"], workingDirectory: Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected], run.Lines);
    }

    /// <summary>A newline or an escape sequence typed into a word is shown escaped: the error stays one line.</summary>
    [Theory]
    [InlineData("Eval\nuate", "Unknown target 'Eval\\nuate'. Did you mean 'Evaluate'?")]
    [InlineData("--pipe\nlinez", "Unknown parameter '--pipe\\nlinez'. Did you mean '--pipeline'?")]
    [InlineData("--seed=1\u001b[2J", "Invalid value '1\\u001B[2J' for parameter 'Seed' (--seed, from the command line): expected int.")]
    public void Arguments_ControlCharactersInAWord_AreEscapedInTheOneLineError(string word, string expected)
    {
        var run = BuildRun.Of(new CommandLineFuzzBuild(), [word], workingDirectory: Root, defaultTarget: b => b.Default);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected], run.Lines);
    }

    [Fact]
    public void Arguments_MutatedCommandLines_SucceedOrAnswerOneLineWithExitCode2()
    {
        byte[][] seeds = [.. Seeds.Select(words => Encoding.UTF8.GetBytes(string.Join('\n', words)))];

        FuzzCases.Run(
            seeds,
            (input, number) => Check(Words_(input, new Random(~number))),
            _ => false); // every violation is thrown by Check, with the command line
    }

    /// <summary>The mutated bytes as words, with 0 to 3 whole words inserted, replaced or deleted.</summary>
    private static string[] Words_(byte[] input, Random random)
    {
        var words = Encoding.UTF8.GetString(input).Split('\n').ToList();
        for (var m = random.Next(4); m > 0; m--)
        {
            var at = random.Next(words.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    words.Insert(at, Words[random.Next(Words.Length)]);
                    break;
                case 1 when at < words.Count:
                    words[at] = Words[random.Next(Words.Length)];
                    break;
                case 2 when at < words.Count:
                    words.RemoveAt(at);
                    break;
            }
        }

        return [.. words];
    }

    private static void Check(string[] args)
    {
        var run = BuildRun.Of(new CommandLineFuzzBuild(), args, workingDirectory: Root, defaultTarget: b => b.Default);
        var lines = run.Lines.Where(l => !l.Contains(" [DBG] ", StringComparison.Ordinal)).ToArray(); // --verbose
        var problem = run.ExitCode switch
        {
            0 or 2 when lines.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && l.Contains('(')) => "a stack trace",
            0 => null,
            2 when lines.Length != 1 => $"{lines.Length} lines for a usage error",
            2 => null,
            var code => $"exit code {code}",
        };
        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"{problem} for [{string.Join(", ", args.Select(a => $"\"{a}\""))}]:\n{run.Output}");
        }
    }

    /// <summary>A working directory with a sub folder (for --root sub) and no .nuke/ above it.</summary>
    private static string CreateRoot()
    {
        var root = TempDirectory.Create();
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        return root;
    }
}
