using System.Diagnostics;
using System.Text;
using Xunit;

namespace ModelPipeline.Testing;

/// <summary>
/// Mutation fuzzing of one parser: valid seed inputs are mutated (bit flips, random and JSON/CSV/YAML-significant
/// bytes, deleted, repeated and spliced ranges, truncation, huge numbers, deep nesting) and fed to the parser. The
/// property: it returns, or throws one of its documented user-error types with a message that names the place; never
/// another exception type and never a hang. Cases are seeded (case i uses seed i), so a failure is replayed by its
/// number. <c>FUZZ_CASES</c> sets the count (default 300; <c>./build.sh Fuzz</c> runs 10,000 per parser).
/// </summary>
internal static class FuzzCases
{
    public const string Category = "Fuzz";

    private static readonly string[] Tokens =
    [
        "\"", ",", "\n", "\r\n", "{", "}", "[", "]", ":", "-", ".", "e", "0", "null", "true", "NaN", "-Infinity", "1e400",
        "99999999999999999999999", "-0", "\\u0000", "\\", "\t", "#", "&a", "*a", "!!binary", "- ", "  ", "'", "~", "\u00e9", "\uffff",
    ];

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var cases) && cases > 0 ? cases : 300;

    /// <summary>Runs <see cref="Count"/> cases; <paramref name="parse"/> gets the mutated bytes and the case number.</summary>
    public static void Run(IReadOnlyList<byte[]> seeds, Action<byte[], int> parse, Func<Exception, bool> isDocumented)
    {
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Count && failures.Count < 5; i++)
        {
            var input = Mutate(seeds, new Random(i));
            var number = i;
            var task = Task.Run(() => parse(input, number));
            try
            {
                if (!task.Wait(TimeSpan.FromSeconds(20)))
                {
                    failures.Add($"case {i}: no answer within 20 s; input: {Show(input)}");
                }
            }
            catch (AggregateException wrapped) when (wrapped.InnerException is { } error)
            {
                if (!isDocumented(error))
                {
                    failures.Add($"case {i}: {error.GetType().Name}: {error.Message}\n{error.StackTrace}\ninput: {Show(input)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failing case(s) of {Count} ({watch.Elapsed.TotalSeconds:F1} s):\n" + string.Join("\n\n", failures));
    }

    public static byte[] Mutate(IReadOnlyList<byte[]> seeds, Random random)
    {
        var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(32)));
                    break;
                case 4 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    var copy = bytes.GetRange(at, length);
                    for (var r = random.Next(1, 4); r > 0; r--)
                    {
                        bytes.InsertRange(at, copy);
                    }

                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 6:
                    var other = seeds[random.Next(seeds.Count)];
                    var from = random.Next(other.Length);
                    bytes.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(128))).ToArray());
                    break;
                case 7:
                    var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, 1 + random.Next(200)))));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(3) switch
                    {
                        0 => new string('9', 1 + random.Next(400)),
                        1 => "-" + random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "e" + random.Next(-400, 400),
                        _ => new string('x', random.Next(5000)),
                    }));
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Show(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        return text.Length > 1500 ? text[..1500] + $"… ({input.Length} bytes)" : text;
    }
}
